"""Source › Add source… (a source with no file) and Source › Read source, for the window.

Adding goes through the editing controller as one undoable step (it shows in History). Reading
asks which source (by its short label and title) and opens it in the comparison's reader.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from db.records import SOURCE_KINDS, SourceRecord
from desktop.core.editing.sources import CreateSource
from desktop.core.source_identity import source_identity
from desktop.ui.editing.controller import EditingController


class AddSourceDialog(QDialog):
    """Title, outlet, date, kind, address and an optional short label of a new source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add source")
        self.title_edit = QLineEdit(self)
        self.outlet_edit = QLineEdit(self)
        self.published_edit = QLineEdit(self)
        self.published_edit.setPlaceholderText("e.g. 2024-12-26, 2024-12 or 2024")
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItems(list(SOURCE_KINDS))
        self.url_edit = QLineEdit(self)
        self.label_edit = QLineEdit(self)
        self.label_edit.setPlaceholderText("made from the outlet when left empty")
        self.problem = QLabel("", self)
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        hint = QLabel("A source with no file: a TV report, an interview, a speech.", self)
        hint.setWordWrap(True)
        form.addRow(hint)
        for name, widget in (
            ("Title", self.title_edit),
            ("Outlet", self.outlet_edit),
            ("Published", self.published_edit),
            ("Kind", self.kind_combo),
            ("Address (URL)", self.url_edit),
            ("Short label", self.label_edit),
        ):
            widget.setAccessibleName(name)
            form.addRow(name, widget)
        form.addRow(self.problem)
        form.addRow(buttons)

    def record(self) -> SourceRecord:
        return SourceRecord(
            key="",
            title=self.title_edit.text().strip(),
            outlet=self.outlet_edit.text().strip(),
            published=self.published_edit.text().strip() or None,
            kind=self.kind_combo.currentText(),
            url=self.url_edit.text().strip(),
            label=self.label_edit.text().strip(),
        )

    def command(self) -> CreateSource | None:
        """The command for what is typed, or None with the reason shown in the dialog."""
        try:
            return CreateSource(self.record())
        except ValueError as error:  # DateParseError included
            self.problem.setText(str(error))
            return None

    def accept(self) -> None:
        if self.command() is not None:
            super().accept()


def add_source(window: Any, controller: EditingController) -> bool:
    dialog = AddSourceDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    command = dialog.command()
    return command is not None and controller.execute(command)


def read_source(window: Any) -> None:
    """Ask which source to read and open it in the comparison's reader."""
    compare = window.compare_widget
    sources = list(window.workbench.catalog.sources)
    if compare is None or not hasattr(compare, "open_reader") or not sources:
        return
    names = [f"{source_identity(s).label}: {s.title}" for s in sources]
    chosen, ok = QInputDialog.getItem(window, "Read source", "Source:", names, 0, False)
    if ok and chosen in names:
        compare.open_reader(sources[names.index(chosen)].key)
