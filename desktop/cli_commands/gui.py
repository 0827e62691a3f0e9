"""``parallax gui`` (the default): open the main window on the library."""

from __future__ import annotations

import argparse
import os
import sys
from ctypes.util import find_library
from pathlib import Path

from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.compare.event_query import AmbiguousEventError, EventNotFoundError, find_event
from desktop.core.sample import load_sample_if_empty
from desktop.errors import UserError
from desktop.model.dates import DateParseError, DateSpan

HEADLESS_HINT = (
    "No display is available, so the Parallax window cannot open. "
    "Headless commands work without one: 'parallax info', 'parallax sample', "
    "'parallax compare', 'parallax export-image', 'parallax export-data' "
    "(see 'parallax --help'). To run the window without a screen, use Xvfb "
    "(xvfb-run parallax) or set QT_QPA_PLATFORM=offscreen."
)


def display_available() -> bool:
    """Whether Qt can open a window here (Linux needs X11 or Wayland, or a forced platform)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# The shared libraries Qt's X11 plugin links against, with the Debian/Ubuntu package of each:
# when one is missing, Qt aborts the process instead of raising.
X11_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-shm": "libxcb-shm0",
    "xcb-sync": "libxcb-sync1",
    "xcb-xfixes": "libxcb-xfixes0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "X11-xcb": "libx11-xcb1",
}


def missing_x11_packages() -> list[str]:
    """Debian packages of the X11 libraries Qt needs and this machine lacks, when the window
    would use Qt's X11 plugin (else none)."""
    forced = os.environ.get("QT_QPA_PLATFORM", "")
    x11 = forced.startswith("xcb") or (
        not forced and bool(os.environ.get("DISPLAY")) and not os.environ.get("WAYLAND_DISPLAY")
    )
    if not (sys.platform.startswith("linux") and x11):
        return []
    return [package for name, package in X11_LIBRARIES.items() if find_library(name) is None]


def x11_hint(packages: list[str]) -> str:
    return (
        "Qt's X11 plugin needs libraries this machine lacks, so the Parallax window cannot open. "
        f"Install them (Debian/Ubuntu: 'apt install {' '.join(packages)}') and start again. "
        "The headless commands work meanwhile (see 'parallax --help')."
    )


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        type=Path,
        help="save a picture of the window once it has been drawn, then quit "
        "(checks an installation; with QT_QPA_PLATFORM=offscreen it needs no display)",
    )
    parser.add_argument(
        "--event",
        metavar="QUERY",
        default=None,
        help="open with this event selected: its key, or words of its title, aliases, actors, "
        "tags, places or summary (the same rules as 'parallax compare')",
    )
    parser.add_argument(
        "--first", action="store_true", help="when several events match --event, take the best"
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="open the timeline on this range (with --to; the same dates as export-image)",
    )
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last date shown")


def time_range(args: argparse.Namespace) -> tuple[float, float] | None:
    """The days ``--from``/``--to`` name, from the start of one to the end of the other (None
    without them); UserError when only one is given or they cannot be read."""
    date_from, date_to = getattr(args, "date_from", None), getattr(args, "date_to", None)
    if not date_from and not date_to:
        return None
    if not (date_from and date_to):
        raise UserError("give both --from and --to")
    try:
        t0, t1 = DateSpan.parse(date_from).t_lo, DateSpan.parse(date_to).t_hi
    except DateParseError as error:
        raise UserError(str(error)) from error
    if t1 <= t0:
        raise UserError(f"the range ends ({date_to}) before it starts ({date_from})")
    return t0, t1


def event_key(args: argparse.Namespace) -> str | None:
    """The key of the event ``--event`` names (None without it); UserError when it names none
    or several. On first start the library is made and filled from the bundled dataset, as
    the window does without ``--event``, so the dataset's events can be named."""
    query = getattr(args, "event", None)
    if not query:
        return None
    library = open_for_command(args, create=True)
    try:
        load_sample_if_empty(library)
        with library.unit_of_work() as uow:
            events = uow.events.list()
        return find_event(query, events, first=getattr(args, "first", False)).key
    except (EventNotFoundError, AmbiguousEventError) as error:
        raise UserError(str(error)) from error
    finally:
        library.dispose()


def run(args: argparse.Namespace) -> int:
    if not display_available():
        raise UserError(HEADLESS_HINT)
    missing = missing_x11_packages()
    if missing:
        raise UserError(x11_hint(missing))
    shown = time_range(args)
    selected = event_key(args)
    from desktop.app import run_gui

    return run_gui(args.db, args.screenshot, selected, shown)


GUI = SubCommand("gui", "open the Parallax window (the default command)", configure, run)
