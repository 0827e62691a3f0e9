"""The coverage matrix: events x sources, each cell the passage count tinted by the dominant frame.

Rows follow the workbench filters; clicking (or pressing Enter on) a cell selects its event, which
opens that event's comparison. The matrix spans the whole library, so it is read only when it is
shown, on a worker thread (``run_with_progress``: a big library gets a progress dialog with
Cancel), and read again after a change only while it is on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.core.compare.from_library import coverage_in_library
from desktop.core.compare.model import CoverageCell, CoverageMatrix, CoverageRow
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.compare.safe_text import tinted
from desktop.ui.shell.tasks import IsCancelled, Report, TaskHandle, run_with_progress

EVENT_KEY_ROLE = Qt.ItemDataRole.UserRole
CELL_ALPHA = 120
ROW_HEADER_PX = 260
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
            return ref.label or ref.outlet or ref.key
        row = self.rows[section]
        return f"{row.event_title} · {row.when}"


class CoverageMatrixView(QTableView):
    """Shows the coverage of the workbench's library; ``event_opened`` after a cell selects."""

    event_opened = Signal(str)
    loaded = Signal()  # a newly read matrix is on show

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
        self.verticalHeader().setMaximumWidth(ROW_HEADER_PX)  # long titles elide (tooltip: all)
        self.setMinimumWidth(200)  # the docks beside keep their width
        self.horizontalHeader().setToolTip("Each column is a source, in order of publication")
        self.clicked.connect(self._open)
        self.activated.connect(self._open)
        signals.catalog_changed.connect(self.reload)
        signals.filters_changed.connect(self.apply_filters)
        signals.selection_changed.connect(self.show_selected)
        self._matrix = CoverageMatrix((), ())
        self._stale = True
        self._read: TaskHandle | None = None  # the latest read: only its matrix is shown

    def reload(self) -> None:
        """The library changed: read the coverage again now if it is on screen, else when shown."""
        self._stale = True
        if self.isVisible():
            self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """Start reading the coverage if what is shown is not the library's latest."""
        if not self._stale:
            return
        self._stale = False
        library = self.workbench.library

        def job(report: Report, _cancelled: IsCancelled) -> CoverageMatrix:
            report(0, 0, "Reading which sources speak of each event…")
            return coverage_in_library(library)

        self._read = run_with_progress(self.window(), "Reading the coverage matrix", job)
        self._read.succeeded.connect(self._show_matrix)  # bound methods: a closed view gets none
        self._read.cancelled.connect(self._mark_stale)
        self._read.failed.connect(self._on_failed)

    def _mark_stale(self) -> None:
        self._stale = True

    def _on_failed(self, error: BaseException, _details: str) -> None:
        self._stale = True
        raise error  # to the error dialog and the log, like any failure in a slot

    def _show_matrix(self, matrix: CoverageMatrix) -> None:
        if self.sender() is not self._read:
            return  # a later read is under way
        self._matrix = matrix
        self.apply_filters()
        self.loaded.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def apply_filters(self) -> None:
        self.coverage_model.set_matrix(self._matrix, self._passing_rows())
        self.show_selected()

    def _passing_rows(self) -> frozenset[str]:
        """Keys of the matrix's events that pass the filters, looked up in the filters' mask
        (no set of every visible event: a big library has far more events than rows here)."""
        mask, columns = self.workbench.visible_mask(), self.workbench.catalog.columns
        found = set()
        for row in self._matrix.rows:
            at = columns.position(row.event_key)
            if at is not None and mask[at]:
                found.add(row.event_key)
        return frozenset(found)

    def show_selected(self) -> None:
        """Scroll to the selected event's row (in the middle) and select it."""
        key = self.workbench.selected_event
        for row in range(self.coverage_model.rowCount()):
            if self.coverage_model.event_key(row) == key:
                index = self.coverage_model.index(row, 0)
                self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
                self.selectRow(row)
                return

    def legend_items(self) -> list[tuple[str, str]]:
        """(name, colour) of each dominant frame the matrix shows, in first-seen order."""
        seen: dict[str, str] = {}
        for row in self._matrix.rows:
            for cell in row.cells:
                if cell is not None and cell.dominant is not None:
                    seen.setdefault(cell.dominant.name, cell.dominant.color)
        return list(seen.items())

    def _open(self, index: QModelIndex) -> None:
        key = self.coverage_model.event_key(index.row())
        if key is None:
            return
        self.workbench.select([key])
        self.event_opened.emit(key)
