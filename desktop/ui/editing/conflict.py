"""Stale edits: what changed on both sides, a dialog to choose, and the re-applied command.

A ``ConflictCase`` holds the record as this window loaded it (``base``), the user's version
(``mine``) and the library's current one (``theirs``, None if deleted). Keeping mine re-applies
only the fields the user changed onto the current record, so the other person's changes to
other fields survive; nothing is ever overwritten without the user choosing it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.records import CodeRecord, EventRecord, PassageRecord
from desktop.core.editing import EditCode, EditEvent, EditNote, EditPassage
from desktop.core.editing.edits import Editable, RecordEdit

BOOKKEEPING = {
    "id",
    "stamp",
    "version",
    "created_at",
    "updated_at",
    "t_lo",
    "t_hi",
    "links",
    "codings",
    "quote",
    "prefix",
    "suffix",
    "anchor_status",
}
MINE, THEIRS = "mine", "theirs"


@dataclass(frozen=True)
class ConflictCase:
    label: str
    base: Editable
    mine: Editable
    theirs: Editable | None


def shown_fields(record: Editable) -> list[str]:
    return [f.name for f in fields(record) if f.name not in BOOKKEEPING]


def changed_fields(before: Editable, after: Editable) -> list[str]:
    return [name for name in shown_fields(after) if getattr(before, name) != getattr(after, name)]


def rebased(case: ConflictCase, author: str) -> RecordEdit:
    """A command that applies the user's changed fields onto ``theirs`` (which must exist)."""
    theirs = case.theirs
    assert theirs is not None
    changed = changed_fields(case.base, case.mine)
    values: dict[str, Any] = {name: getattr(case.mine, name) for name in changed}
    if isinstance(theirs, EventRecord):
        return EditEvent(theirs, replace(theirs, **values), author)
    if isinstance(theirs, PassageRecord):
        return EditPassage(theirs, replace(theirs, **values), author)
    if isinstance(theirs, CodeRecord):
        return EditCode(theirs, replace(theirs, **values), author)
    return EditNote(theirs, replace(theirs, **values), author)


def _text(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


class ConflictDialog(QDialog):
    """Keep mine / take theirs / compare (a side-by-side table of every field)."""

    def __init__(self, case: ConflictCase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictDialog")
        self.setWindowTitle("Someone else changed this")
        self.choice = THEIRS
        gone = case.theirs is None
        message = (
            "It was deleted by someone else since you loaded it."
            if gone
            else "It was changed by someone else since you loaded it. Keep your changes "
            "(applied onto their version) or take theirs?"
        )
        self.message = QLabel(f"<b>{case.label}</b><br>{message}", self)
        self.message.setWordWrap(True)
        self.table = self._table(case)
        self.table.hide()
        self.keep = QPushButton("Keep mine", self)
        self.keep.setEnabled(not gone)
        self.take = QPushButton("Take theirs", self)
        self.compare = QPushButton("Compare", self)
        self.compare.setCheckable(True)
        self.compare.toggled.connect(self.table.setVisible)
        self.keep.clicked.connect(lambda: self._choose(MINE))
        self.take.clicked.connect(lambda: self._choose(THEIRS))
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare)
        buttons.addStretch(1)
        buttons.addWidget(self.take)
        buttons.addWidget(self.keep)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _table(self, case: ConflictCase) -> QTableWidget:
        names = shown_fields(case.mine)
        table = QTableWidget(len(names), 2, self)
        table.setObjectName("ConflictTable")
        table.setHorizontalHeaderLabels(["Yours", "Theirs (in the library now)"])
        table.setVerticalHeaderLabels(names)
        for row, name in enumerate(names):
            mine = _text(getattr(case.mine, name))
            theirs = "(deleted)" if case.theirs is None else _text(getattr(case.theirs, name))
            for column, value in enumerate((mine, theirs)):
                item = QTableWidgetItem(value)
                if mine != theirs:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        return table

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask_conflict(case: ConflictCase, parent: QWidget | None) -> str:
    """Show the dialog; MINE or THEIRS (closing it takes theirs: nothing is overwritten)."""
    dialog = ConflictDialog(case, parent)
    dialog.exec()
    return dialog.choice
