"""``parallax export-image OUT.(png|svg|pdf)``: the timeline as a figure, without a window.

Draws with the timeline's own paint routine: lanes, ticks, labels, clusters, source coverage
dots and eras, plus a title (``--title``), a legend of lanes and sources (short labels) and a
footer naming the range and counting the events shown. The range is the library's main span
(events not marked as context), padded a little; ``--include-context`` widens it to every event
and ``--from``/``--to`` set it. ``--lanes``, ``--sources``, ``--events``, ``--importance`` and
``--eras`` choose what is drawn; ``--highlight`` emphasises events and labels them first.
Size: ``--preset`` (journal-column, journal-page, slide, a4-landscape, poster-a0), a landscape
``--page``, or ``--width`` in px (at ``--dpi``, default 300), mm, cm or in; the height follows
the content unless ``--height`` (or the preset) fixes it. ``--bib`` writes BibTeX (.bib) or
CSL-JSON (.json) of the sources drawn and ``--caption`` a caption draft. Works without a
display (Qt runs offscreen). ``--format json`` reports what was written as one JSON object
(the files, the range drawn as ISO dates, how many events it shows and how many sources).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.exchange.failures import EXPECTED_FAILURES, failure_message
from desktop.errors import UserError

if TYPE_CHECKING:
    from desktop.core.timeline.scale import TimeScale
    from desktop.core.timeline.scene import TimelineScene

PAGES = ("A4", "A3", "A0", "letter")
PRESETS = ("journal-column", "journal-page", "slide", "a4-landscape", "poster-a0")


def _keys(text: str) -> tuple[str, ...]:
    return tuple(k.strip() for k in text.split(",") if k.strip())


def _eras(text: str | None) -> tuple[str, ...] | None:
    if text is None or text.strip().lower() == "all":
        return None
    if text.strip().lower() == "none":
        return ()
    return _keys(text)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="image to write: .png, .svg or .pdf")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first date shown")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last date shown")
    parser.add_argument(
        "--include-context", action="store_true", help="range over context events too"
    )
    parser.add_argument("--lanes", metavar="KEY,...", default="", help="only these lanes")
    parser.add_argument("--sources", metavar="KEY,...", default="", help="only these sources")
    parser.add_argument("--events", metavar="KEY,...", default="", help="only these events")
    parser.add_argument("--highlight", metavar="KEY,...", default="", help="emphasise these")
    parser.add_argument(
        "--importance", type=int, choices=(1, 2, 3), default=3, help="least important level shown"
    )
    parser.add_argument("--eras", metavar="all|none|NAME,...", help="eras drawn (default all)")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--preset", choices=PRESETS, help="a size people submit")
    size.add_argument("--width", metavar="SIZE", help="e.g. 2400 (px at --dpi), 174mm, 6.85in")
    size.add_argument("--page", choices=PAGES, help="a landscape page")
    parser.add_argument("--height", metavar="SIZE", help="force the height (default: content)")
    parser.add_argument("--dpi", type=int, help="resolution (default 300; slide 192)")
    parser.add_argument("--title", default="", help="title drawn above the timeline")
    parser.add_argument("--theme", choices=("light", "print", "dark"), default="light")
    parser.add_argument(
        "--palette", choices=("safe", "library"), default="safe", help="lane colours"
    )
    parser.add_argument("--no-legend", action="store_true", help="leave out the legend")
    parser.add_argument("--no-footer", action="store_true", help="leave out the footer")
    parser.add_argument("--bib", metavar="FILE.bib|FILE.json", help="cite the sources drawn")
    parser.add_argument("--caption", metavar="FILE.txt", help="write a caption draft")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="how to report (text)"
    )


def run(args: argparse.Namespace) -> int:
    from desktop.rendering.headless import ensure_gui_application

    ensure_gui_application()  # sets QT_QPA_PLATFORM=offscreen first when there is no display
    from desktop.core.catalog import Catalog
    from desktop.rendering.figure_extras import write_extras
    from desktop.rendering.image_options import DEFAULT_WIDTH, ImageRequest
    from desktop.rendering.image_scene import day_range, prepare_scene
    from desktop.rendering.timeline_image import render_timeline_image

    library = open_for_command(args, create=False)
    try:
        for path in (args.out, args.bib, args.caption):
            if path:
                library.refuse_output(path)
        t0, t1 = day_range(args.date_from, args.date_to)
        request = ImageRequest(
            path=Path(args.out),
            t0=t0,
            t1=t1,
            lanes=_keys(args.lanes),
            sources=_keys(args.sources),
            width=args.width or DEFAULT_WIDTH,
            height=args.height,
            page=args.page,
            preset=args.preset,
            dpi=args.dpi,
            title=args.title,
            theme=args.theme,
            legend=not args.no_legend,
            footer=not args.no_footer,
            include_context=args.include_context,
            importance=args.importance,
            events=_keys(args.events),
            highlight=_keys(args.highlight),
            eras=_eras(args.eras),
            palette=args.palette,
        )
        _ = request.format
        catalog = Catalog.load(library)
        prepared = prepare_scene(catalog, request)
        scale = render_timeline_image(prepared, request)
        written = write_extras(catalog, prepared.scene, scale, args.bib, args.caption)
        report = _report(prepared.scene, scale, [args.out, *written])
    except ValueError as error:
        raise UserError(str(error)) from error
    except MemoryError as error:
        raise UserError(f"Not enough memory for this image: {error}") from error
    except EXPECTED_FAILURES as error:
        raise UserError(failure_message(error)) from error
    finally:
        library.dispose()
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for path in report["written"]:
            print(f"Wrote {path}")
    return 0


def _report(scene: TimelineScene, scale: TimeScale, written: list[str]) -> dict[str, Any]:
    """What an export wrote and drew, as plain data (``--format json``)."""
    from desktop.model.dates import from_day_number
    from desktop.rendering.paint import shown_count

    def iso(t: float) -> str:
        year, month, day = from_day_number(t)
        return f"{'-' * (year < 0)}{abs(year):04d}-{month:02d}-{day:02d}"

    return {
        "written": [str(path) for path in written],
        "from": iso(scale.t0),
        "to": iso(scale.t1),
        "events_shown": shown_count(scene, scale),
        "sources": len(scene.data.sources),
    }


EXPORT_IMAGE = SubCommand(
    "export-image",
    "draw the timeline to a PNG, SVG or PDF figure (no display needed)",
    configure,
    run,
)
