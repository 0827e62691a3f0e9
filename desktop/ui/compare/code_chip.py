"""A code shown as a coloured chip that can be clicked, or activated with Enter or Space."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.core.compare.model import CodeTag
from desktop.ui.compare.safe_text import SOFT_ALPHA, STRONG_ALPHA, css_rgba

CHIP_MAX = 120  # pixels of text at most


class CodeChip(QPushButton):
    """One code of a passage. Emits ``code_activated(code_key)`` on click, Enter or Space.

    The chip's label is set as plain text (a QPushButton never interprets markup); its colour is
    the code's colour with alpha, so the palette's text colour stays readable on it.
    """

    code_activated = Signal(str)

    def __init__(self, tag: CodeTag, parent: QWidget | None = None) -> None:
        super().__init__(tag.name, parent)
        self.tag = tag
        # a long code name ends in "…" so that a narrow pane wraps chips instead of clipping them
        self.setText(self.fontMetrics().elidedText(tag.name, Qt.TextElideMode.ElideRight, CHIP_MAX))
        self.emphasised = False
        self.setObjectName("CodeChip")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{tag.name}: highlight this code in every pane")
        self.setAccessibleName(f"code {tag.name}")
        self.clicked.connect(lambda: self.code_activated.emit(self.tag.key))
        self._restyle()

    def set_emphasised(self, on: bool) -> None:
        if on != self.emphasised:
            self.emphasised = on
            self._restyle()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def _restyle(self) -> None:
        alpha = STRONG_ALPHA if self.emphasised else SOFT_ALPHA
        border = "2px solid palette(highlight)" if self.emphasised else "1px solid palette(mid)"
        weight = "bold" if self.emphasised else "normal"
        self.setStyleSheet(
            "QPushButton#CodeChip {"
            f" background-color: {css_rgba(self.tag.color, alpha)}; border: {border};"
            " border-radius: 8px; padding: 1px 7px; color: palette(button-text);"
            f" font-weight: {weight}; }}"
            " QPushButton#CodeChip:focus { border: 2px dashed palette(highlight); }"
        )
