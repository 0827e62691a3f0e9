"""Panels that fill one event-loop turn after a selection, so its highlight shows first.

A click on an event repaints the timeline at once (the frame the user waits for); the details
and comparison panels read and lay out more, so they follow in the next turn instead of delaying
that frame. Several selections before the turn fill the panel once, with the last one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class NextTurn(QObject):
    """Calls ``slot`` once in a later event-loop turn, however often it is ``schedule``d before.

    ``pending`` is True from ``schedule`` until the call; ``cancel`` drops a pending call (the
    owner filled itself meanwhile).
    """

    def __init__(self, parent: QObject, slot: Callable[[], object]) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(slot)

    def schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
