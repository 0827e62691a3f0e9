"""Source › Add source… (a source with no file), Source › Read source and Source › Label and
colour…, for the window.

Adding and relabelling go through the editing controller as one undoable step each (they show
in History). Reading and relabelling ask which source (by its short label and title); a pane's
colour chip relabels its own source.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from db.records import SOURCE_KINDS, SourceRecord
from desktop.core.editing.sources import CreateSource, EditSourceIdentity
from desktop.core.workbench import Workbench
from desktop.model.source_identity import MAX_LABEL, source_identity
from desktop.ui.compare import ComparePanel
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


def add_source(parent: QWidget, controller: EditingController) -> bool:
    dialog = AddSourceDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    command = dialog.command()
    return command is not None and controller.execute(command)


def read_source(parent: QWidget, workbench: Workbench, compare: ComparePanel) -> None:
    """Ask which source to read and open it in the comparison's reader."""
    source = choose_source(parent, workbench, "Read source")
    if source is not None:
        compare.open_reader(source.key)


def choose_source(parent: QWidget, workbench: Workbench, title: str) -> SourceRecord | None:
    """Ask which of the library's sources (listed by short label and title); None if cancelled."""
    sources = list(workbench.catalog.sources)
    if not sources:
        return None
    names = [f"{source_identity(s).label}: {s.title}" for s in sources]
    chosen, ok = QInputDialog.getItem(parent, title, "Source:", names, 0, False)
    return sources[names.index(chosen)] if ok and chosen in names else None


IDENTITY_HINT = "How panes, legends, matrices and exports name and colour this source:"


class SourceIdentityDialog(QDialog):
    """A source's short label and colour (the colour from a colour chooser)."""

    def __init__(self, source: SourceRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Label and colour")
        self.source = source
        shown = source_identity(source)
        self.color = shown.color
        hint = QLabel(f"{IDENTITY_HINT} {source.title}", self)
        hint.setWordWrap(True)
        self.label_edit = QLineEdit(shown.label, self)
        self.label_edit.setMaxLength(MAX_LABEL)
        self.label_edit.setAccessibleName("Short label")
        self.color_button = QPushButton(self)
        self.color_button.setAccessibleName("Colour")
        self.color_button.clicked.connect(self._choose_color)
        self._show_color()
        self.problem = QLabel("", self)
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(hint)
        form.addRow("Short label", self.label_edit)
        form.addRow("Colour", self.color_button)
        form.addRow(self.problem)
        form.addRow(buttons)

    def set_color(self, color: str) -> None:
        self.color = color
        self._show_color()

    def _show_color(self) -> None:
        self.color_button.setText(self.color)
        self.color_button.setStyleSheet(
            f"QPushButton {{ background-color: {self.color}; color: {_ink(self.color)}; }}"
        )

    def _choose_color(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color), self, "Colour of the source")
        if chosen.isValid():
            self.set_color(chosen.name())

    def command(self) -> EditSourceIdentity | None:
        """The command for what is chosen, or None with the reason shown in the dialog."""
        try:
            return EditSourceIdentity(self.source, self.label_edit.text(), self.color)
        except ValueError as error:
            self.problem.setText(str(error))
            return None

    def accept(self) -> None:
        if self.command() is not None:
            super().accept()


def _ink(color: str) -> str:
    """Black or white, whichever reads on ``color``."""
    return "#000000" if QColor(color).lightnessF() > 0.55 else "#ffffff"


def edit_source_identity(
    parent: QWidget, controller: EditingController, source_key: str | None = None
) -> bool:
    """Change a source's label and colour (asks which source without ``source_key``); one
    undoable step. False when cancelled or unchanged."""
    workbench = controller.workbench
    sources = {s.key: s for s in workbench.catalog.sources}
    source = sources.get(source_key or "") or choose_source(parent, workbench, "Label and colour")
    if source is None:
        return False
    dialog = SourceIdentityDialog(source, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    command = dialog.command()
    shown = source_identity(source)
    if command is None or (command.after.label, command.after.color) == (shown.label, shown.color):
        return False
    return controller.execute(command)
