"""Small dialogs about one passage: its bounds, and a relation to another passage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from db.records import PassageRecord

RELATION_KINDS = ("supports", "contradicts", "repeats", "quotes")


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


DIALOG_WIDTH = 520  # px: wide enough to read a quote, narrow enough for any screen


class BoundsDialog(QDialog):
    """Move a passage's start and end (character offsets), previewing the quote live."""

    def __init__(
        self, passage: PassageRecord, text: str, start: int, end: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Adjust passage bounds")
        self.text = text
        self.start, self.end = QSpinBox(self), QSpinBox(self)
        for box, value in ((self.start, start), (self.end, end)):
            box.setRange(0, len(text))
            box.setValue(value)
            box.valueChanged.connect(self._preview)
        self.quote = QLabel(self)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setWordWrap(True)
        self.buttons = _buttons(self)
        form = QFormLayout(self)
        was = QLabel(passage.quote[:200], self)
        was.setTextFormat(Qt.TextFormat.PlainText)
        was.setWordWrap(True)  # a long quote wraps: the dialog keeps a readable width
        form.addRow("Was", was)
        form.addRow("Start", self.start)
        form.addRow("End", self.end)
        form.addRow("Quote", self.quote)
        form.addRow(self.buttons)
        self.setMinimumWidth(DIALOG_WIDTH)
        self._preview()

    def bounds(self) -> tuple[int, int]:
        return self.start.value(), self.end.value()

    def _preview(self) -> None:
        lo, hi = self.bounds()
        ok = lo < hi
        self.quote.setText(self.text[lo:hi][:400] if ok else "The end must come after the start.")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class RelateDialog(QDialog):
    """Pick another passage and how this one relates to it."""

    def __init__(self, others: list[PassageRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Relate passages")
        self.kind = QComboBox(self)
        self.kind.addItems(RELATION_KINDS)
        self.other = QComboBox(self)
        self.other.setEditable(True)
        self.other.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.other.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.other.setMinimumContentsLength(40)  # long quotes are cut; the list shows them
        completer = self.other.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        for passage in others:
            self.other.addItem(f"{passage.source_key}: {passage.quote[:90]}", passage.key)
        form = QFormLayout(self)
        form.addRow("This passage", self.kind)
        form.addRow("that passage", self.other)
        form.addRow(_buttons(self))
        self.resize(620, 140)

    def chosen(self) -> tuple[str, str] | None:
        key = self.other.currentData()
        return None if key is None else (str(key), self.kind.currentText())
