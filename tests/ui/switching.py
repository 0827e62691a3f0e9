"""Switching a window's library from a test: the switch reads the library off the GUI thread,
so the test waits for the window to show it."""

from __future__ import annotations

from typing import Any


def switch_and_wait(qtbot: Any, window: Any, location: str) -> None:
    """Switch ``window`` to the library at ``location`` and wait until it shows it."""
    with qtbot.waitSignal(window.workbench_changed, timeout=30000):
        window.switch_library(location)
