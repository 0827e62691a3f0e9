"""Asking where a library is: a SQLite file (browse) or a PostgreSQL URL (typed).

``ask_library_to_open`` and ``ask_new_library_path`` are the only entry points the window
calls, so tests replace them (or ``QFileDialog``) instead of driving modal dialogs.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SQLITE_FILTER = "Parallax libraries (*.sqlite *.db *.parallax);;All files (*)"


class OpenLibraryDialog(QDialog):
    """A path or URL box (editable, with the recent libraries) and a Browse button."""

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open library")
        layout = QVBoxLayout(self)
        hint = QLabel(
            "A library file on this computer, or a PostgreSQL URL such as "
            "<tt>postgresql://user@server/parallax</tt>:",
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.location = QComboBox(self)
        self.location.setEditable(True)
        self.location.addItems(recent)
        self.location.setCurrentText("")
        self.location.setAccessibleName("Library file or URL")
        self.location.setMinimumWidth(420)
        hint.setBuddy(self.location)
        browse = QPushButton("&Browse…", self)
        browse.setAccessibleName("Browse for a library file")
        browse.clicked.connect(self._browse)
        row.addWidget(self.location, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open library file", "", SQLITE_FILTER)
        if path:
            self.location.setCurrentText(path)

    def chosen(self) -> str:
        return self.location.currentText().strip()


def ask_library_to_open(parent: QWidget | None, recent: list[str]) -> str | None:
    """A path or URL typed or browsed by the user, or None if they cancelled."""
    dialog = OpenLibraryDialog(recent, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen() or None


def ask_new_library_path(parent: QWidget | None) -> str | None:
    """Where to create a new library file, or None if the user cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, "New library", "library.sqlite", SQLITE_FILTER)
    return path or None
