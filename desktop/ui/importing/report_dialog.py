"""``ImportReportDialog``: what happened to each file of an import, one row per file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.importing import ImportOutcome, ImportReport, ImportStatus

_COLUMNS = ("File", "Outcome", "Source", "Details")


def outcome_details(outcome: ImportOutcome) -> str:
    """The "Details" cell: the re-anchoring summary and/or the reason."""
    parts = []
    if outcome.anchors is not None:
        parts.append(outcome.anchors.describe())
    if outcome.reason:
        parts.append(outcome.reason)
    if outcome.suggestions:
        count = outcome.suggestions
        parts.append(f"{count} suggestion{'' if count == 1 else 's'} to review")
    return "; ".join(parts)


COLUMN_MAX = 220  # px for file, outcome and source: the details keep room to read


class ImportReportDialog(QDialog):
    """Lists ``report``'s outcomes with a summary line; failures and orphans stand out."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.report = report
        self.summary_label = QLabel(report.summary())
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(list(_COLUMNS))
        self.table.setAccessibleName("Imported files")
        for outcome in report.outcomes:
            self.table.addTopLevelItem(_row(outcome))
        self.details = QLabel()  # the selected file's details in full, wrapped
        self.details.setWordWrap(True)
        self.details.setAccessibleName("Details of the selected file")
        self.table.currentItemChanged.connect(
            lambda item, _old: self.details.setText(item.text(3) if item is not None else "")
        )
        for column in range(len(_COLUMNS) - 1):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), COLUMN_MAX))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        self.resize(760, 360)

    def row_texts(self) -> list[tuple[str, ...]]:
        """Each row's cells as shown (what a person reads)."""
        rows = []
        for index in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(index)
            assert item is not None
            rows.append(tuple(item.text(column) for column in range(len(_COLUMNS))))
        return rows


def _row(outcome: ImportOutcome) -> QTreeWidgetItem:
    details = outcome_details(outcome)
    cells = [outcome.file_name, outcome.status.value, outcome.source_key or "", details]
    item = QTreeWidgetItem(cells)
    item.setToolTip(3, details)
    if outcome.status is ImportStatus.FAILED or outcome.orphans:
        font = item.font(1)
        font.setBold(True)
        item.setFont(1, font)
    return item
