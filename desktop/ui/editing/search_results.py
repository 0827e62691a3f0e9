"""How a search result reads: its title in bold above where the words occur, the matched words
highlighted in both, wrapped to the width of the dock (a delegate paints the rich text)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
MARK_STYLE = "background-color:#ffe27a; color:#000000"
_Index = QModelIndex | QPersistentModelIndex


def marked_html(text: str, marks: Iterable[tuple[int, int]]) -> str:
    """``text`` as HTML with each ``(start, end)`` span highlighted (spans may come unsorted
    or overlap; they are merged)."""
    pieces: list[str] = []
    at = 0
    for start, end in _merged(marks, len(text)):
        pieces.append(html.escape(text[at:start]))
        pieces.append(f'<span style="{MARK_STYLE}">{html.escape(text[start:end])}</span>')
        at = end
    pieces.append(html.escape(text[at:]))
    return "".join(pieces)


def word_marks(text: str, words: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Spans of the words of ``text`` that begin with one of ``words`` (as the search matches
    them: case-insensitively, the query's words as prefixes)."""
    lowered = [w.lower() for w in words if w]
    if not lowered:
        return ()
    found = []
    for match in re.finditer(r"\w+", text):
        token = match.group().lower()
        if any(token.startswith(word) for word in lowered):
            found.append((match.start(), match.end()))
    return tuple(found)


def result_html(
    title: str, snippet: str, marks: Iterable[tuple[int, int]], words: Sequence[str]
) -> str:
    """A result's two parts as one rich text: the title (bold) and the snippet below."""
    head = f"<b>{marked_html(title, word_marks(title, words))}</b>"
    body = marked_html(snippet.replace("\n", " "), marks)
    return f"{head}<br>{body}" if snippet.strip() else head


def _merged(marks: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in marks):
        if start >= end:
            continue
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


class ResultDelegate(QStyledItemDelegate):
    """Paints an item's ``HTML_ROLE`` rich text wrapped to the column; other items as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rich = index.data(HTML_ROLE)
        if not rich:
            super().paint(painter, option, index)
            return
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        style = view.widget.style() if view.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, view.widget)
        document = self._document(str(rich), view)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(view.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, view.palette.color(role))
        painter.save()
        painter.translate(view.rect.topLeft())
        painter.setClipRect(view.rect.translated(-view.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        rich = index.data(HTML_ROLE)
        if not rich:
            return super().sizeHint(option, index)
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        document = self._document(str(rich), view)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2)

    def _document(self, rich: str, option: QStyleOptionViewItem) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2.0)
        document.setHtml(rich)
        document.setTextWidth(max(60.0, float(self._width(option))))
        return document

    def _width(self, option: QStyleOptionViewItem) -> int:
        """The room the column gives the text (the option's rect is empty in size hints)."""
        if option.rect.width() > 0:
            return option.rect.width()
        widget = option.widget
        if isinstance(widget, QAbstractItemView):
            return widget.viewport().width() - 2 * 20  # the tree's indentation of a result
        return 240
