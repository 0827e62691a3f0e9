"""The agreement panel: choose coders (and optionally sources and codes), see percent agreement,
kappa and alpha overall and per code, list the disagreements side by side, export them to CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import LibraryError
from desktop.core import reads
from desktop.core.agreement import Agreement
from desktop.core.exchange.failures import failure_message
from desktop.core.team.agreement_data import TeamAgreement, agreement_in_library, write_csv
from desktop.core.workbench import Workbench
from desktop.model.changes import Changes


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _keys(text: str) -> list[str]:
    return [k.strip() for k in text.split(",") if k.strip()]


class AgreementPanel(QWidget):
    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.result: TeamAgreement | None = None
        self.coders = QListWidget(self)
        self.coders.setAccessibleName("Coders to compare")
        self.sources, self.codes = QLineEdit(self), QLineEdit(self)
        self.sources.setPlaceholderText("all sources (or keys, comma-separated)")
        self.codes.setPlaceholderText("all codes (or keys, comma-separated)")
        self.compute_button = QPushButton("Compute agreement", self)
        self.export_button = QPushButton("Export disagreements…", self)
        self.export_button.setEnabled(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.figures = QTableWidget(0, 5, self)
        self.figures.setHorizontalHeaderLabels(["Code", "Characters", "Agree", "Kappa", "Alpha"])
        self.disagreements = QTableWidget(0, 0, self)
        self._lay_out()
        self.compute_button.clicked.connect(self.compute)
        self.export_button.clicked.connect(self.export)
        self._coders_stale = True  # listed when the panel is first shown

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Coders", self.coders)
        form.addRow("Sources", self.sources)
        form.addRow("Codes", self.codes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.figures)
        layout.addWidget(self.disagreements, 1)

    def showEvent(self, event: QShowEvent) -> None:
        if self._coders_stale:
            self.refresh_coders()
        super().showEvent(event)

    def on_catalog(self, changes: Changes) -> None:
        """List the coders again unless only events or notes changed (codings did not)."""
        if not changes.only("events", "notes"):
            self.refresh_coders()

    def refresh_coders(self) -> None:
        """List every coder in the library, keeping the ticks already made.

        Every change to the library asks for this; while the panel is hidden it only notes
        that the list is out of date and reads it when shown, so an edit never waits on it.
        """
        if not self.isVisible():
            self._coders_stale = True
            return
        self._coders_stale = False
        ticked = set(self.chosen_coders())
        names = reads.coders(self.workbench.library)
        self.coders.clear()
        for name in names:
            item = QListWidgetItem(name, self.coders)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if name in ticked or not ticked else Qt.CheckState.Unchecked
            )

    def chosen_coders(self) -> list[str]:
        return [
            self.coders.item(i).text()
            for i in range(self.coders.count())
            if self.coders.item(i).checkState() == Qt.CheckState.Checked
        ]

    def compute(self) -> None:
        try:
            self.result = agreement_in_library(
                self.workbench.library,
                self.chosen_coders(),
                _keys(self.sources.text()),
                _keys(self.codes.text()),
            )
        except ValueError as error:
            self.result = None
            self.message.setText(str(error))
        self._show()

    def _show(self) -> None:
        result = self.result
        self.export_button.setEnabled(result is not None and bool(result.disagreements))
        if result is None:
            self.figures.setRowCount(0)
            self.disagreements.setRowCount(0)
            return
        self.message.setText(f"{len(result.disagreements)} disagreeing passages of text.")
        rows = [("All codes", result.report.overall), *result.report.by_code.items()]
        self.figures.setRowCount(len(rows))
        for r, (label, figures) in enumerate(rows):
            for c, value in enumerate(self._figure_row(label, figures)):
                self.figures.setItem(r, c, QTableWidgetItem(value))
        headers = ["Source", "Code", "Text", *result.coders]
        self.disagreements.setColumnCount(len(headers))
        self.disagreements.setHorizontalHeaderLabels(headers)
        self.disagreements.setRowCount(len(result.disagreements))
        for r, row in enumerate(result.disagreements):
            sides = dict(row.passages_by_coder)
            values = [
                row.source_key,
                row.code_key,
                row.text,
                *(" ".join(sides.get(c, ())) or "—" for c in result.coders),
            ]
            for c, value in enumerate(values):
                self.disagreements.setItem(r, c, QTableWidgetItem(value))

    @staticmethod
    def _figure_row(label: str, figures: Agreement) -> list[str]:
        return [
            label,
            str(figures.units),
            f"{figures.percent * 100:.1f}%",
            _figure(figures.kappa),
            _figure(figures.alpha),
        ]

    def export(self) -> None:
        if self.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Export disagreements", "disagreements.csv", "CSV files (*.csv)"
        )
        if not path:
            return
        try:
            self.workbench.library.refuse_output(path)
            count = write_csv(self.result, Path(path))
        except (OSError, LibraryError) as error:
            self.message.setText(failure_message(error))
            return
        self.message.setText(f"Wrote {count} disagreements to {path}.")
