"""``parallax gui --screenshot PNG``: save a picture of the window once it has painted, then quit.

Used to check an installation (CI starts the installed window offscreen this way) and to make
screenshots for documentation. The picture is taken a moment after the window's first paint, so
that work the views do when idle has landed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop.io.formats.atomic import write_bytes_atomic

SETTLE_MS = 800


class _FirstPaint(QObject):
    """Calls ``then`` once, ``delay_ms`` after the watched widget's first paint event."""

    def __init__(self, widget: QWidget, then: Callable[[], None], delay_ms: int) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        self._delay = delay_ms
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            QTimer.singleShot(self._delay, then)
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None], delay_ms: int = 0) -> None:
    """Call ``then`` once, ``delay_ms`` after ``widget`` first paints (from the event loop,
    so the painted frame is on screen first)."""
    _FirstPaint(widget, then, delay_ms)


def save_after_first_paint(window: QWidget, path: Path, done: Callable[[int], None]) -> None:
    """Once ``window`` has painted, write it to ``path`` as PNG and call ``done(status)``.

    ``status`` is 0 when the file was written and non-empty, else 2 (the reason is printed as
    one line on standard error).
    """

    def save() -> None:
        picture = window.grab()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        written = picture.save(buffer, "PNG")
        data = bytes(buffer.data().data())
        try:
            if written and data:
                write_bytes_atomic(path, data)
        except OSError:
            written = False
        if written and data:
            print(f"Saved the window ({picture.width()}x{picture.height()}) to {path}.")
            done(0)
        else:
            print(f"parallax: Cannot write the screenshot {path}.", file=sys.stderr)
            done(2)

    after_first_paint(window, save, SETTLE_MS)
