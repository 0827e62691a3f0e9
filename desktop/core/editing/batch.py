"""Several commands done as one user action: one transaction and one undo step (e.g. linking a
passage to three events, or accepting a suggestion that makes an event and its passage).

The parts run in order in the unit of work the batch is given (undo runs them backwards), so
when one fails the whole transaction rolls back and the library is left as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from db.uow import UnitOfWork
from desktop.core.editing.command import Command, UnitCommand
from desktop.model.changes import Changes


class Batch(UnitCommand):
    def __init__(self, label: str, parts: Sequence[Command], author: str = "") -> None:
        super().__init__(author or (parts[0].author if parts else ""))
        self.label = label
        self.parts = list(parts)

    def do(self, uow: UnitOfWork) -> Changes:
        changes = Changes()
        for part in self.parts:
            changes |= part.do(uow)
        return changes

    def undo(self, uow: UnitOfWork) -> Changes:
        changes = Changes()
        for part in reversed(self.parts):
            changes |= part.undo(uow)
        return changes
