"""Showing text that came from sources without ever interpreting it.

Source text is put into documents with ``QTextCursor.insertText`` and character formats, never
parsed as HTML or Markdown, so a quote containing tags shows them literally. ``SafeTextBrowser``
additionally refuses to load any resource and never follows a link by itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

FALLBACK_COLOR = "#9e9e9e"
SOFT_ALPHA = 70
STRONG_ALPHA = 150


def tinted(color: str, alpha: int) -> QColor:
    """``color`` (``#rrggbb``) with the given alpha; grey when the colour cannot be read."""
    result = QColor(color)
    if not result.isValid():
        result = QColor(FALLBACK_COLOR)
    result.setAlpha(alpha)
    return result


def css_rgba(color: str, alpha: int) -> str:
    """A style-sheet ``rgba(...)`` for ``color``; only numbers reach the style sheet."""
    c = tinted(color, alpha)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {c.alpha()})"


def highlight_format(color: str, alpha: int, href: str = "") -> QTextCharFormat:
    """A character format that tints the background; an ``href`` makes it a clickable anchor."""
    fmt = QTextCharFormat()
    fmt.setBackground(tinted(color, alpha))
    if href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
    return fmt


def insert_plain(cursor: QTextCursor, text: str, fmt: QTextCharFormat | None = None) -> None:
    """Insert ``text`` literally (no markup is interpreted) with an optional format."""
    cursor.insertText(text, fmt if fmt is not None else QTextCharFormat())


class SafeTextBrowser(QTextBrowser):
    """A read-only text view that loads nothing and opens no link; clicks on anchors are only
    reported through ``anchorClicked``."""

    def __init__(self, parent: QWidget | None = None, *, fit_height: bool = False) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self._fit = fit_height
        if fit_height:
            self.setFrameShape(QFrame.Shape.NoFrame)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout = self.document().documentLayout()
            layout.documentSizeChanged.connect(lambda _size: self._fit_to_document())

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Never load images, style sheets or anything else, local or remote."""
        return None

    def _fit_to_document(self) -> None:
        margins = self.contentsMargins()
        height = int(self.document().size().height()) + margins.top() + margins.bottom() + 2
        self.setFixedHeight(max(height, 12))
