"""Sources: the documents that speak of events."""

from __future__ import annotations

import builtins
from dataclasses import asdict
from typing import Any

from sqlalchemy import or_, select

from db import models
from db.records import SourceRecord
from db.repositories.base import Repository, apply_fields, stamp_of

_FIELDS = (
    "title",
    "outlet",
    "published",
    "published_note",
    "url",
    "kind",
    "language",
    "full_text",
    "content_hash",
    "file_name",
    "file_sha256",
    "imported_at",
    "country",
    "affiliation",
    "stance",
    "notes",
    "label",
    "color",
)


def source_record(row: models.Source | Any) -> SourceRecord:
    values = {name: getattr(row, name) for name in _FIELDS}
    return SourceRecord(
        key=row.key, authors=tuple(row.authors or ()), id=row.id, stamp=stamp_of(row), **values
    )


def _values(source: SourceRecord, published_t: float | None) -> dict[str, Any]:
    data = asdict(source)
    values = {name: data[name] for name in _FIELDS}
    values["authors"] = list(source.authors)
    values["published_t"] = published_t
    return values


class SourceRepository(Repository):
    kind = "source"

    def list(self) -> builtins.list[SourceRecord]:
        source = models.Source.__table__
        statement = select(source).order_by(source.c.published_t, source.c.key)
        return [source_record(row) for row in self._table_rows(statement)]

    def colors(self) -> builtins.list[str]:
        """The colour of every source (one column read: importing many files stays linear)."""
        return [c for c in self.session.scalars(select(models.Source.color)) if c is not None]

    def get(self, key: str) -> SourceRecord:
        return source_record(self._row(models.Source, key))

    def find(self, key: str) -> SourceRecord | None:
        row = self._find_row(models.Source, key)
        return None if row is None else source_record(row)

    def find_by_hash(
        self, file_sha256: str | None, content_hash: str | None
    ) -> SourceRecord | None:
        """A source whose original file or normalised text has this hash (the file's first);
        one query, which an import of many files runs once per file."""
        wanted = [
            column == value
            for column, value in (
                (models.Source.file_sha256, file_sha256),
                (models.Source.content_hash, content_hash),
            )
            if value
        ]
        if not wanted:
            return None
        rows = self.session.scalars(select(models.Source).where(or_(*wanted))).all()
        by_file = [row for row in rows if file_sha256 and row.file_sha256 == file_sha256]
        found = (by_file or rows)[:1]
        return source_record(found[0]) if found else None

    def exists(self, key: str) -> bool:
        """Whether a source has this key (nothing loaded)."""
        statement = select(models.Source.id).where(models.Source.key == key)
        return self.session.scalar(statement) is not None

    def add(self, source: SourceRecord, published_t: float | None = None) -> SourceRecord:
        row = models.Source(key=source.key, author=self.author, **_values(source, published_t))
        self.session.add(row)
        self._added(row)
        return source_record(row)

    def update(self, source: SourceRecord, published_t: float | None = None) -> SourceRecord:
        row = self._row(models.Source, source.key)
        before = source_record(row)
        claimed = self._begin_edit(row, source.stamp.version, before, source)
        apply_fields(row, _values(source, published_t))
        row.author = self.author or row.author
        self._end_edit(row, claimed, before, source_record(row))
        return source_record(row)

    def delete(self, key: str) -> SourceRecord:
        row = self._row(models.Source, key)
        record = source_record(row)
        self.session.delete(row)
        self._flush()
        return record
