"""Commands on notes (Markdown memos on events, passages, sources and codes)."""

from __future__ import annotations

from dataclasses import replace

from db.records import NoteRecord
from db.uow import UnitOfWork
from desktop.core.editing.command import UnitCommand
from desktop.core.editing.edits import RecordEdit, delete_checked
from desktop.core.editing.keys import new_key
from desktop.model.changes import Changes


class CreateNote(UnitCommand):
    def __init__(self, target_kind: str, target_key: str, body: str, author: str = "") -> None:
        super().__init__(author)
        self.note = NoteRecord(
            new_key(body[:40], "note"), target_kind, target_key, body, author=author
        )
        self.label = "Add note"
        self._version = 0

    def do(self, uow: UnitOfWork) -> Changes:
        written = uow.notes.add(self.note)
        # redo restores the note with its first creation time
        self.note = replace(self.note, created_at=written.created_at, updated_at=written.updated_at)
        self._version = written.version
        return Changes.of(notes=[self.note.key])

    def undo(self, uow: UnitOfWork) -> Changes:
        delete_checked(uow.notes, self.note.key, self._version)
        return Changes.of(notes=[self.note.key])


class EditNote(RecordEdit):
    """Change a note's text; ConflictError if someone changed it since it was loaded."""

    def __init__(self, before: NoteRecord, after: NoteRecord, author: str = "") -> None:
        super().__init__(before, after, author, "Edit note")


class DeleteNote(UnitCommand):
    def __init__(self, key: str, author: str = "") -> None:
        super().__init__(author)
        self.key = key
        self.label = "Delete note"
        self._note: NoteRecord | None = None

    def do(self, uow: UnitOfWork) -> Changes:
        self._note = uow.notes.delete(self.key)
        return Changes.of(notes=[self.key])

    def undo(self, uow: UnitOfWork) -> Changes:
        note = self._note
        assert note is not None, "undo before do"
        uow.notes.add(note)
        return Changes.of(notes=[self.key])
