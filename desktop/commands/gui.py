"""``parallax gui`` (the default): open the main window on the library."""

from __future__ import annotations

import argparse
import os
import sys

from desktop.commands.base import Command, no_arguments
from desktop.errors import UserError

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


def run(args: argparse.Namespace) -> int:
    if not display_available():
        raise UserError(HEADLESS_HINT)
    from desktop.app import run_gui

    return run_gui(args.db)


GUI = Command("gui", "open the Parallax window (the default command)", no_arguments, run)
