"""Qt signals for the Qt-free ``Workbench``: one emission per topic per event-loop turn.

Several model notifications in one turn (an edit that reloads the catalog and trims the
selection; a team poll and a retried edit) reach the views once, after the turn, so views never
repaint on half-applied state. The change sets of one turn are merged, never overwritten:
``catalog_changed`` carries their union, so a view that refreshes only what changed misses none.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.workbench import TOPICS, Workbench
from desktop.model.changes import Changes


class WorkbenchSignals(QObject):
    catalog_changed = Signal(object)  # the Changes of the turn, merged
    selection_changed = Signal()
    filters_changed = Signal()

    def __init__(self, workbench: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self._pending: set[str] = set()
        self._changes: Changes | None = None
        workbench.events.catalog.connect(self._on_catalog)
        workbench.events.selection.connect(self._on_selection)
        workbench.events.filters.connect(self._on_filters)

    def _on_catalog(self, changes: Changes) -> None:
        self._changes = changes if self._changes is None else self._changes | changes
        self._schedule("catalog")

    def _on_selection(self) -> None:
        self._schedule("selection")

    def _on_filters(self) -> None:
        self._schedule("filters")

    def _schedule(self, topic: str) -> None:
        if not self._pending:
            QTimer.singleShot(0, self._flush)
        self._pending.add(topic)

    def _flush(self) -> None:
        pending, self._pending = self._pending, set()
        changes, self._changes = self._changes, None
        for topic in TOPICS:  # fixed order: content before selection before filters
            if topic not in pending:
                continue
            if topic == "catalog":
                self.catalog_changed.emit(changes)
            else:
                getattr(self, f"{topic}_changed").emit()
