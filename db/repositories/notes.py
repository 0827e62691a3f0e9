"""Notes (memos) on events, passages, sources and codes."""

from __future__ import annotations

import builtins
from dataclasses import replace

from sqlalchemy import select

from db import models
from db.records import NoteRecord
from db.repositories.base import Repository


def note_record(row: models.Note) -> NoteRecord:
    return NoteRecord(
        key=row.key,
        target_kind=row.target_kind,
        target_key=row.target_key,
        body=row.body,
        author=row.author,
        created_at=row.created_at,
        updated_at=row.updated_at,
        id=row.id,
        version=row.version,
    )


class NoteRepository(Repository):
    kind = "note"

    def list(self) -> builtins.list[NoteRecord]:
        statement = select(models.Note).order_by(models.Note.created_at, models.Note.key)
        return [note_record(row) for row in self.session.scalars(statement)]

    def for_target(self, kind: str, key: str) -> builtins.list[NoteRecord]:
        statement = (
            select(models.Note)
            .where(models.Note.target_kind == kind, models.Note.target_key == key)
            .order_by(models.Note.created_at)
        )
        return [note_record(row) for row in self.session.scalars(statement)]

    def get(self, key: str) -> NoteRecord:
        return note_record(self._row(models.Note, key))

    def add(self, note: NoteRecord) -> NoteRecord:
        row = models.Note(
            key=note.key,
            target_kind=note.target_kind,
            target_key=note.target_key,
            body=note.body,
            author=note.author or self.author,
        )
        if note.created_at is not None:
            row.created_at = note.created_at
        if note.updated_at is not None:
            row.updated_at = note.updated_at
        self.session.add(row)
        self._added(row)
        return note_record(row)

    def update(self, note: NoteRecord) -> NoteRecord:
        row = self._row(models.Note, note.key)
        before = note_record(row)
        claimed = self._begin_edit(row, note.version, before, replace(before, body=note.body))
        row.body = note.body
        self._end_edit(row, claimed, before, note_record(row))
        return note_record(row)

    def retarget(self, note_keys: builtins.list[str], kind: str, target_key: str) -> None:
        """Point these notes at another record (their text, author and times unchanged)."""
        if not note_keys:
            return
        rows = self.session.scalars(select(models.Note).where(models.Note.key.in_(note_keys)))
        for row in rows:
            row.target_kind, row.target_key = kind, target_key
        self._flush()

    def delete(self, key: str) -> NoteRecord:
        row = self._row(models.Note, key)
        record = note_record(row)
        self.session.delete(row)
        self._flush()
        return record
