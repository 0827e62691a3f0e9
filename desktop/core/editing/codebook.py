"""Commands on the codebook: create, edit (rename, recolour, define), move, merge, delete."""

from __future__ import annotations

from dataclasses import replace

from db.records import CodeRecord, CodingRecord, NoteRecord, Stamp
from db.uow import UnitOfWork
from desktop.core.editing.command import EditError, UnitCommand
from desktop.core.editing.edits import RecordEdit, delete_checked, with_version
from desktop.model.changes import Changes


def descendants(codes: list[CodeRecord], key: str) -> set[str]:
    """Keys of every code below ``key`` in the hierarchy."""
    below: set[str] = set()
    frontier = {key}
    while frontier:
        frontier = {c.key for c in codes if c.parent_key in frontier} - below
        below |= frontier
    return below


class CreateCode(UnitCommand):
    def __init__(self, code: CodeRecord, author: str = "") -> None:
        super().__init__(author)
        self.code = replace(code, id=None, stamp=Stamp())
        self.label = f"Create code '{code.name}'"
        self._version = 0

    def do(self, uow: UnitOfWork) -> Changes:
        self._version = uow.codes.add(self.code).stamp.version
        return Changes.of(codes=[self.code.key])

    def undo(self, uow: UnitOfWork) -> Changes:
        delete_checked(uow.codes, self.code.key, self._version)
        return Changes.of(codes=[self.code.key])


class EditCode(RecordEdit):
    """Rename, recolour or redefine a code (any field but its key)."""

    def __init__(self, before: CodeRecord, after: CodeRecord, author: str = "") -> None:
        super().__init__(before, after, author, f"Edit code '{before.name}'")


class MoveCode(UnitCommand):
    """Put a code under ``parent_key`` (None: top level) at ``index`` among its siblings.

    Siblings are renumbered 0, 1, 2...; undo restores every parent and position touched.
    """

    def __init__(self, key: str, parent_key: str | None, index: int, author: str = "") -> None:
        super().__init__(author)
        self.key, self.parent_key, self.index = key, parent_key, index
        self.label = "Move code"
        self._before: list[CodeRecord] = []
        self._after: list[CodeRecord] = []
        self._versions: dict[str, int] = {}

    def do(self, uow: UnitOfWork) -> Changes:
        if not self._after:
            self._plan(uow.codes.list())
        self._versions = self._write(uow, self._after)
        return Changes.of(codes=[code.key for code in self._after])

    def undo(self, uow: UnitOfWork) -> Changes:
        self._versions = self._write(uow, self._before)
        return Changes.of(codes=[code.key for code in self._before])

    def _write(self, uow: UnitOfWork, codes: list[CodeRecord]) -> dict[str, int]:
        written = [uow.codes.update(with_version(c, self._versions[c.key])) for c in codes]
        return {code.key: code.stamp.version for code in written}

    def _plan(self, codes: list[CodeRecord]) -> None:
        by_key = {code.key: code for code in codes}
        if self.key not in by_key or (self.parent_key and self.parent_key not in by_key):
            raise EditError("The code or its new parent no longer exists.")
        if self.parent_key == self.key or self.parent_key in descendants(codes, self.key):
            raise EditError("A code cannot be moved under itself or one of its sub-codes.")
        siblings = sorted(
            (c for c in codes if c.parent_key == self.parent_key and c.key != self.key),
            key=lambda c: (c.position, c.key),
        )
        index = max(0, min(self.index, len(siblings)))
        order = [*siblings[:index], by_key[self.key], *siblings[index:]]
        for position, code in enumerate(order):
            moved = replace(code, parent_key=self.parent_key, position=position)
            if moved != code:
                self._before.append(code)
                self._after.append(moved)
        if not self._after:
            raise EditError("The code is already there.")
        self._versions = {code.key: code.stamp.version for code in self._before}


class _CodeRemoval(UnitCommand):
    """Shared by delete and merge: a code goes, its codings, sub-codes and notes are handed
    on (or dropped) and come back exactly on undo."""

    def __init__(self, key: str, author: str = "") -> None:
        super().__init__(author)
        self.key = key
        self._code: CodeRecord | None = None
        self._codings: list[CodingRecord] = []
        self._children: list[CodeRecord] = []
        self._notes: list[NoteRecord] = []
        self._child_versions: dict[str, int] = {}

    def capture(self, uow: UnitOfWork) -> CodeRecord:
        self._code = uow.codes.get(self.key)
        self._codings = uow.codings.of_code(self.key)
        self._children = [c for c in uow.codes.list() if c.parent_key == self.key]
        self._notes = uow.notes.for_target("code", self.key)
        return self._code

    def reparent_children(self, uow: UnitOfWork, parent_key: str | None) -> None:
        for child in self._children:
            written = uow.codes.update(replace(child, parent_key=parent_key))
            self._child_versions[child.key] = written.stamp.version

    def restore(self, uow: UnitOfWork) -> None:
        """Bring back the code, its codings and its sub-codes (notes are up to the caller)."""
        assert self._code is not None, "undo before do"
        uow.codes.add(replace(self._code, id=None, stamp=Stamp()))
        for coding in self._codings:
            uow.codings.add(coding)
        for child in self._children:
            uow.codes.update(with_version(child, self._child_versions.get(child.key, 0)))

    def changes(self, *extra: str) -> Changes:
        return Changes.of(
            codes=[self.key, *extra, *(c.key for c in self._children)],
            passages=[c.passage_key for c in self._codings],
            notes=[note.key for note in self._notes],
        )


class DeleteCode(_CodeRemoval):
    """Delete a code and its codings; its sub-codes move up to its parent; its notes go."""

    def __init__(self, key: str, author: str = "", name: str = "") -> None:
        super().__init__(key, author)
        self.label = f"Delete code '{name or key}'"

    def do(self, uow: UnitOfWork) -> Changes:
        code = self.capture(uow)
        for coding in self._codings:
            uow.codings.remove(coding.passage_key, self.key, coding.coder)
        self.reparent_children(uow, code.parent_key)
        for note in self._notes:
            uow.notes.delete(note.key)
        uow.codes.delete(self.key)
        return self.changes()

    def undo(self, uow: UnitOfWork) -> Changes:
        self.restore(uow)
        for note in self._notes:
            uow.notes.add(note)
        return self.changes()


class MergeCodes(_CodeRemoval):
    """Fold ``source_key`` into ``target_key``: every coding, sub-code and note of the source
    moves to the target (a passage coded with both by one coder keeps one coding), then the
    source is deleted. Undo restores both codes exactly."""

    def __init__(self, source_key: str, target_key: str, author: str = "") -> None:
        super().__init__(source_key, author)
        self.target_key = target_key
        self.label = "Merge codes"
        self._added: list[CodingRecord] = []

    def do(self, uow: UnitOfWork) -> Changes:
        self._merge(uow)
        return self.changes(self.target_key)

    def _merge(self, uow: UnitOfWork) -> None:
        self.capture(uow)
        codes = uow.codes.list()
        if self.target_key == self.key or self.target_key in descendants(codes, self.key):
            raise EditError("A code cannot be merged into itself or one of its sub-codes.")
        uow.codes.get(self.target_key)
        self._added = []
        for coding in self._codings:
            uow.codings.remove(coding.passage_key, self.key, coding.coder)
            if not uow.codings.has(coding.passage_key, self.target_key, coding.coder):
                moved = replace(coding, code_key=self.target_key)
                uow.codings.add(moved)
                self._added.append(moved)
        self.reparent_children(uow, self.target_key)
        uow.notes.retarget([note.key for note in self._notes], "code", self.target_key)
        uow.codes.delete(self.key)

    def undo(self, uow: UnitOfWork) -> Changes:
        for coding in self._added:
            uow.codings.remove(coding.passage_key, self.target_key, coding.coder)
        self.restore(uow)
        uow.notes.retarget([note.key for note in self._notes], "code", self.key)
        return self.changes(self.target_key)
