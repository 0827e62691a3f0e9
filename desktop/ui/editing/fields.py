"""Input widgets of the editors: a date field that says how it understood the text, and a
comma-separated list field whose last item completes from known values."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.model.dates import DateParseError, DateSpan, Precision

PRECISION_WORDS = {Precision.YEAR: "year", Precision.MONTH: "month", Precision.DAY: "day"}


def understood(text: str) -> tuple[DateSpan | None, str]:
    """(span, sentence) for what the user typed; span is None and the sentence is the parser's
    message when the text is not a date."""
    if not text.strip():
        return None, "Type a date, e.g. 7 August 2008, Aug 2008, 2008 or 7–12 Aug 2008."
    try:
        span = DateSpan.parse(text)
    except DateParseError as error:
        return None, f"Not understood: {error}"
    precision = PRECISION_WORDS[span.start.precision]
    circa = ", approximate" if span.start.circa or span.last.circa else ""
    return span, f"Understood: {span.display()} ({precision} precision{circa})"


class DateField(QWidget):
    """A line edit plus a live line under it; ``validity_changed(bool)`` as it becomes
    understood or not. ``span`` is the understood value or None."""

    validity_changed = Signal(bool)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(text, self)
        self.edit.setObjectName("DateEdit")
        self.edit.setPlaceholderText("e.g. 7 August 2008, Aug 2008, c. 2012, 7–12 Aug 2008")
        self.edit.setAccessibleName("Date")
        self.feedback = QLabel(self)
        self.feedback.setObjectName("DateFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.feedback)
        self.span: DateSpan | None = None
        self.edit.textChanged.connect(self._update)
        self._update(text)

    def _update(self, text: str) -> None:
        was_valid = self.span is not None
        self.span, sentence = understood(text)
        self.feedback.setText(sentence)
        # a refusal lists the accepted forms: room for all of it, never clipped
        lines = 1 if self.span is not None else 6
        self.feedback.setMinimumHeight(self.feedback.fontMetrics().lineSpacing() * lines + 4)
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is not None:
            layout.invalidate()
        self.feedback.setStyleSheet(
            "" if self.span is not None or not text.strip() else "color: #c62828;"
        )
        if was_valid != (self.span is not None):
            self.validity_changed.emit(self.span is not None)


def split_items(text: str) -> tuple[str, ...]:
    """'a, b ,, c' -> ('a', 'b', 'c'), duplicates dropped, order kept."""
    return tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


class ItemsCompleter(QCompleter):
    """Completes the item after the last comma and keeps the ones before it."""

    def __init__(self, words: Iterable[str], parent: QLineEdit) -> None:
        super().__init__(QStringListModel(sorted(set(words)), parent), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self._edit = parent

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        head = self._edit.text().rsplit(",", 1)
        kept = f"{head[0]}, " if len(head) == 2 else ""
        return kept + str(index.data())


def items_field(
    values: Iterable[str], words: Iterable[str], name: str, parent: QWidget
) -> QLineEdit:
    edit = QLineEdit(", ".join(values), parent)
    edit.setObjectName(name)
    edit.setAccessibleName(name)
    edit.setPlaceholderText("comma-separated; suggestions appear as you type")
    edit.setCompleter(ItemsCompleter(words, edit))
    return edit
