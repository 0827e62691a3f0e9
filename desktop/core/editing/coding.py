"""Applying codes to passages and removing them; the coder is the acting author."""

from __future__ import annotations

from db.records import CodingRecord
from db.uow import UnitOfWork
from desktop.core.editing.command import EditError, UnitCommand
from desktop.core.editing.identity import require_coder
from desktop.model.changes import Changes


class ApplyCode(UnitCommand):
    """Code a passage; refused if this coder already applied this code there."""

    def __init__(self, passage_key: str, code_key: str, author: str = "") -> None:
        super().__init__(author)
        self.coding = CodingRecord(code_key, author.strip(), None, passage_key)
        self.label = "Apply code"

    def do(self, uow: UnitOfWork) -> Changes:
        coding = self.coding
        require_coder(coding.coder)
        if uow.codings.has(coding.passage_key, coding.code_key, coding.coder):
            raise EditError("You already applied this code to the passage.")
        uow.codings.add(coding)
        return _changes(self.coding)

    def undo(self, uow: UnitOfWork) -> Changes:
        coding = self.coding
        removed = uow.codings.remove(coding.passage_key, coding.code_key, coding.coder)
        if removed is not None:
            self.coding = removed  # redo keeps the first creation time
        return _changes(self.coding)


class RemoveCode(UnitCommand):
    """Remove one coder's coding of a passage (by default the acting author's)."""

    def __init__(
        self, passage_key: str, code_key: str, author: str = "", coder: str | None = None
    ) -> None:
        super().__init__(author)
        self.coding = CodingRecord(code_key, author if coder is None else coder, None, passage_key)
        self.label = "Remove code"

    def do(self, uow: UnitOfWork) -> Changes:
        coding = self.coding
        removed = uow.codings.remove(coding.passage_key, coding.code_key, coding.coder)
        if removed is None:
            raise EditError("The passage does not carry this code.")
        self.coding = removed
        return _changes(self.coding)

    def undo(self, uow: UnitOfWork) -> Changes:
        uow.codings.add(self.coding)
        return _changes(self.coding)


def _changes(coding: CodingRecord) -> Changes:
    return Changes.of(passages=[coding.passage_key], codes=[coding.code_key])
