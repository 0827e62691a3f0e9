"""Edit > Preferences: author name, theme, default export options and date format."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.ui.shell.settings import DATE_FORMATS, EXPORT_THEMES, Preferences
from desktop.ui.theme import THEMES


def _combo(parent: QWidget, name: str, choices: list[tuple[str, str]], current: str) -> QComboBox:
    box = QComboBox(parent)
    box.setAccessibleName(name)
    for value, label in choices:
        box.addItem(label, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class PreferencesDialog(QDialog):
    """Shows ``preferences``; ``chosen()`` returns the edited copy (the caller saves it)."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._start = preferences
        form = QFormLayout(self)
        self.author = QLineEdit(preferences.author, self)
        self.author.setAccessibleName("Author name")
        self.author.setPlaceholderText("Your name, recorded on notes and codings")
        form.addRow("&Author name:", self.author)
        self.theme = _combo(self, "Theme", [(t, t.capitalize()) for t in THEMES], preferences.theme)
        form.addRow("&Theme:", self.theme)
        self.export_width = QSpinBox(self)
        self.export_width.setAccessibleName("Export width in pixels")
        self.export_width.setRange(400, 12000)
        self.export_width.setSingleStep(100)
        self.export_width.setSuffix(" px")
        self.export_width.setValue(preferences.export_width)
        form.addRow("Export &width:", self.export_width)
        self.export_theme = _combo(
            self,
            "Export theme",
            [(t, t.capitalize()) for t in EXPORT_THEMES],
            preferences.export_theme,
        )
        form.addRow("Export t&heme:", self.export_theme)
        self.date_format = _combo(
            self, "Date format", list(DATE_FORMATS.items()), preferences.date_format
        )
        form.addRow("&Dates:", self.date_format)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> Preferences:
        return replace(
            self._start,
            author=self.author.text().strip(),
            theme=str(self.theme.currentData()),
            export_width=self.export_width.value(),
            export_theme=str(self.export_theme.currentData()),
            date_format=str(self.date_format.currentData()),
        )
