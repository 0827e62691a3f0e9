"""Qt signals for the Qt-free ``Workbench``: one emission per topic per event-loop turn.

Several model notifications in one turn (an edit that reloads the catalog and trims the
selection) reach the views once, after the turn, so views never repaint on half-applied state.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.workbench import TOPICS, Workbench


class WorkbenchSignals(QObject):
    catalog_changed = Signal()
    selection_changed = Signal()
    filters_changed = Signal()

    def __init__(self, workbench: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self._pending: set[str] = set()
        for topic in TOPICS:
            workbench.subscribe(topic, partial(self._schedule, topic))

    def _schedule(self, topic: str) -> None:
        if not self._pending:
            QTimer.singleShot(0, self._flush)
        self._pending.add(topic)

    def _flush(self) -> None:
        pending, self._pending = self._pending, set()
        for topic in TOPICS:  # fixed order: content before selection before filters
            if topic in pending:
                getattr(self, f"{topic}_changed").emit()
