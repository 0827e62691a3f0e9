"""``SpanDialog``: adjust a suggested passage by selecting the words in the source's text."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class SpanDialog(QDialog):
    """Shows the text read-only with ``[start, end)`` selected; OK keeps the selection."""

    def __init__(self, text: str, start: int, end: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit passage span")
        self.editor = QPlainTextEdit(text)
        self.editor.setReadOnly(True)
        self.editor.setAccessibleName("Source text")
        self.select(start, end)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Select the words the passage should cover."))
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def select(self, start: int, end: int) -> None:
        # Code-point offsets: the editor counts UTF-16 units, so convert both ways.
        text = self.editor.toPlainText()
        cursor = self.editor.textCursor()
        cursor.setPosition(_utf16(text, start))
        cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()

    def chosen_span(self) -> tuple[int, int] | None:
        """The selection as code-point offsets; None when nothing is selected."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        text = self.editor.toPlainText()
        return _code_points(text, cursor.selectionStart()), _code_points(
            text, cursor.selectionEnd()
        )


def _utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def _code_points(text: str, units: int) -> int:
    return len(text.encode("utf-16-le")[: units * 2].decode("utf-16-le", errors="ignore"))
