"""``parallax export-image OUT.(png|svg|pdf)``: the timeline as a picture, without a window.

Draws with the timeline's own paint routine: lanes, ticks, labels, clusters, source coverage
dots and eras, plus a title (``--title``), a legend of lanes and sources and a footer with the
date range and the library's source count. The range is the whole library unless ``--from``
and/or ``--to`` are given; ``--lanes`` and ``--sources`` keep only those (comma-separated keys;
with ``--sources`` only events those sources speak about are drawn). Size: ``--width`` pixels
(PNG: times dpi/96) or a landscape ``--page``. Works without a display (Qt runs offscreen).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.base import Command, open_for_command
from desktop.commands.export_data import add_db_option
from desktop.core.exchange.failures import EXPECTED_FAILURES, failure_message
from desktop.errors import UserError

PAGES = ("A4", "A3", "A0", "letter")


def _keys(text: str) -> tuple[str, ...]:
    return tuple(k.strip() for k in text.split(",") if k.strip())


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="image to write: .png, .svg or .pdf")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first date shown")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last date shown")
    parser.add_argument("--lanes", metavar="KEY,...", default="", help="only these lanes")
    parser.add_argument("--sources", metavar="KEY,...", default="", help="only these sources")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--width", type=int, default=2400, metavar="PX", help="width (default 2400)")
    size.add_argument("--page", choices=PAGES, help="a landscape page instead of --width")
    parser.add_argument("--dpi", type=int, default=96, help="resolution (PNG pixels per inch)")
    parser.add_argument("--title", default="", help="title drawn above the timeline")
    parser.add_argument("--theme", choices=("light", "print", "dark"), default="light")
    parser.add_argument("--no-legend", action="store_true", help="leave out the legend")
    parser.add_argument("--no-footer", action="store_true", help="leave out the footer")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    from desktop.ui.export.headless import ensure_gui_application

    ensure_gui_application()  # sets QT_QPA_PLATFORM=offscreen first when there is no display
    from desktop.ui.export.image_options import ImageRequest
    from desktop.ui.export.image_scene import day_range, library_scene
    from desktop.ui.export.timeline_image import render_timeline_image

    library = open_for_command(args)
    try:
        library.refuse_output(args.out)
        t0, t1 = day_range(args.date_from, args.date_to)
        request = ImageRequest(
            path=Path(args.out),
            t0=t0,
            t1=t1,
            lanes=_keys(args.lanes),
            sources=_keys(args.sources),
            width=args.width,
            page=args.page,
            dpi=args.dpi,
            title=args.title,
            theme=args.theme,
            legend=not args.no_legend,
            footer=not args.no_footer,
        )
        _ = request.format
        scene = library_scene(library, request.lanes, request.sources)
        render_timeline_image(scene, request)
    except ValueError as error:
        raise UserError(str(error)) from error
    except MemoryError as error:
        raise UserError(f"Not enough memory for this image: {error}") from error
    except EXPECTED_FAILURES as error:
        raise UserError(failure_message(error)) from error
    finally:
        library.dispose()
    print(f"Wrote {args.out}")
    return 0


EXPORT_IMAGE = Command(
    "export-image",
    "draw the timeline to a PNG, SVG or PDF file (no display needed)",
    configure,
    run,
)
