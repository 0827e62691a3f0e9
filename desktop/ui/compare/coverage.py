"""The coverage matrix: events x sources, each cell the passage count tinted by the dominant frame.

Rows follow the workbench filters; clicking (or pressing Enter on) a cell selects its event, which
opens that event's comparison.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.core.compare.from_library import coverage_in_library
from desktop.core.compare.model import CoverageCell, CoverageMatrix, CoverageRow
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.compare.safe_text import tinted

EVENT_KEY_ROLE = Qt.ItemDataRole.UserRole
CELL_ALPHA = 120
_Index = QModelIndex | QPersistentModelIndex


class CoverageTableModel(QAbstractTableModel):
    """A read-only table over a ``CoverageMatrix``, limited to the events in ``visible``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = CoverageMatrix((), ())
        self.rows: tuple[CoverageRow, ...] = ()

    def set_matrix(self, matrix: CoverageMatrix, visible: frozenset[str] | None = None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.rows = tuple(r for r in matrix.rows if visible is None or r.event_key in visible)
        self.endResetModel()

    def event_key(self, row: int) -> str | None:
        return self.rows[row].event_key if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.sources)

    def cell(self, row: int, column: int) -> CoverageCell | None:
        return self.rows[row].cells[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if role == EVENT_KEY_ROLE:
            return self.rows[index.row()].event_key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(cell.count)
        if role == Qt.ItemDataRole.BackgroundRole and cell.dominant is not None:
            return QBrush(tinted(cell.dominant.color, CELL_ALPHA))
        if role == Qt.ItemDataRole.ToolTipRole:
            frame = cell.dominant.name if cell.dominant else "no issue frame"
            return f"{cell.count} passage(s); dominant frame: {frame}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            ref = self.matrix.sources[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{ref.outlet}: {ref.title} ({ref.published_display})"
            return ref.outlet or ref.key
        row = self.rows[section]
        return f"{row.event_title} · {row.when}"


class CoverageMatrixView(QTableView):
    """Shows the coverage of the workbench's library; ``event_opened`` after a cell selects."""

    event_opened = Signal(str)

    def __init__(
        self, workbench: Workbench, signals: WorkbenchSignals, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.setObjectName("CoverageMatrix")
        self.coverage_model = CoverageTableModel(self)
        self.setModel(self.coverage_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.clicked.connect(self._open)
        self.activated.connect(self._open)
        signals.catalog_changed.connect(self.reload)
        signals.filters_changed.connect(self.apply_filters)
        self._matrix = CoverageMatrix((), ())
        self.reload()

    def reload(self) -> None:
        """Re-read the library's coverage (after an import or an edit)."""
        self._matrix = coverage_in_library(self.workbench.library)
        self.apply_filters()

    def apply_filters(self) -> None:
        self.coverage_model.set_matrix(self._matrix, self.workbench.visible_keys())

    def _open(self, index: QModelIndex) -> None:
        key = self.coverage_model.event_key(index.row())
        if key is None:
            return
        self.workbench.select([key])
        self.event_opened.emit(key)
