"""One passage inside a source pane: margin stripes per code, the text, code chips, attributes."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.compare.model import CodeTag, PassageView
from desktop.core.compare.quote_display import display_quote
from desktop.core.compare.texts import paragraph_spans
from desktop.ui.compare.chip_flow import ChipFlowLayout
from desktop.ui.compare.code_chip import CodeChip
from desktop.ui.compare.safe_text import (
    SOFT_ALPHA,
    STRONG_ALPHA,
    SafeTextBrowser,
    highlight_format,
    insert_plain,
    tinted,
)

STRIPE_WIDTH = 4


class CodeStripes(QWidget):
    """Vertical stripes in the margin, one per code of the passage; the highlighted one is wider."""

    def __init__(self, codes: tuple[CodeTag, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = codes
        self.highlighted: str | None = None
        self.setFixedWidth(max(1, len(codes)) * (STRIPE_WIDTH + 2) + 2)
        self.setToolTip(", ".join(c.name for c in codes) or "no code")

    def sizeHint(self) -> QSize:
        return QSize(self.width(), 20)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        x = 1
        for code in self.codes:
            strong = code.key == self.highlighted
            painter.fillRect(
                QRect(x, 0, STRIPE_WIDTH + (2 if strong else 0), self.height()),
                tinted(code.color, 255 if strong else 190),
            )
            x += STRIPE_WIDTH + 2
        painter.end()


def context_span(text: str | None, view: PassageView) -> tuple[str, str, str] | None:
    """(before, quote, after) within the passage's paragraph when ``text`` holds the quote at
    its offsets; None when there is no full text or the passage is not anchored in it."""
    if not text or not (0 <= view.start < view.end <= len(text)):
        return None
    if text[view.start : view.end] != view.quote:
        return None
    spans = [(a, b) for a, b in paragraph_spans(text) if a < view.end and view.start < b]
    lo = min((a for a, _ in spans), default=view.start)
    hi = max((b for _, b in spans), default=view.end)
    lo, hi = min(lo, view.start), max(hi, view.end)
    return text[lo : view.start], view.quote, text[view.end : hi]


class PassageBlock(QWidget):
    """A passage as a pane shows it. ``code_activated`` carries the key of a clicked chip."""

    code_activated = Signal(str)

    def __init__(
        self, view: PassageView, full_text: str | None, in_context: bool, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.highlighted: str | None = None
        self._context = context_span(full_text, view) if in_context else None
        self.stripes = CodeStripes(view.codes, self)
        self.text = SafeTextBrowser(self, fit_height=True)
        self.text.setObjectName("PassageText")
        self.text.setAccessibleName("passage text")
        self.chips = [CodeChip(tag, self) for tag in view.codes]
        for chip in self.chips:
            chip.code_activated.connect(self.code_activated)
        self.attributes = QLabel(_attribute_line(view), self)
        self.attributes.setTextFormat(Qt.TextFormat.PlainText)
        self.attributes.setWordWrap(True)
        self.attributes.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._lay_out()
        self._render()

    @property
    def shows_context(self) -> bool:
        return self._context is not None

    def set_highlight(self, code_key: str | None) -> None:
        self.highlighted = code_key
        for chip in self.chips:
            chip.set_emphasised(chip.tag.key == code_key)
        self.stripes.highlighted = code_key
        self.stripes.update()
        self._render()

    def highlighted_here(self) -> bool:
        return any(c.key == self.highlighted for c in self.view.codes)

    def _lay_out(self) -> None:
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(self.text)
        if self.chips:
            flow = ChipFlowLayout(spacing=4)
            for chip in self.chips:
                flow.addWidget(chip)
            column.addLayout(flow)
        column.addWidget(self.attributes)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 8)
        outer.setSpacing(6)
        outer.addWidget(self.stripes)
        outer.addLayout(column, 1)

    def _tint(self) -> tuple[str, int] | None:
        for code in self.view.codes:
            if code.key == self.highlighted:
                return code.color, STRONG_ALPHA
        if not self.view.codes:
            return None
        return self.view.codes[0].color, SOFT_ALPHA

    def _render(self) -> None:
        document = self.text.document()
        document.clear()
        cursor = QTextCursor(document)
        tint = self._tint()
        fmt = highlight_format(*tint) if tint else None
        shown = display_quote(self.view.quote)
        self.text.setToolTip(shown.tooltip)
        if self._context is None:
            insert_plain(cursor, shown.text, fmt)
            return
        before, _, after = self._context
        insert_plain(cursor, display_quote(before).text)
        insert_plain(cursor, shown.text, fmt)
        insert_plain(cursor, display_quote(after).text)


def _attribute_line(view: PassageView) -> str:
    parts = [f"voice: {view.voice or 'author'}"]
    if view.tone:
        parts.append(f"tone: {view.tone}")
    if view.epistemic:
        parts.append(f"status: {view.epistemic}")
    if view.confidence < 1.0:
        parts.append(f"link confidence {view.confidence:.0%}")
    return " · ".join(parts)
