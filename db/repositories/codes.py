"""The codebook: hierarchical codes and the passage attributes."""

from __future__ import annotations

import builtins
from typing import Any

from sqlalchemy import func, select

from db import models
from db.records import AttributeRecord, AttributeValue, CodeRecord
from db.repositories.base import Repository, apply_fields, stamp_of

_FIELDS = ("name", "group", "color", "definition", "include", "exclude", "example", "position")


def code_record(row: models.Code) -> CodeRecord:
    return _record(row, row.parent.key if row.parent is not None else None)


def _record(row: Any, parent_key: str | None) -> CodeRecord:
    """The record of a code's ``row`` (an ORM row, or a table row with the same columns)."""
    return CodeRecord(
        key=row.key,
        parent_key=parent_key,
        id=row.id,
        stamp=stamp_of(row),
        **{name: getattr(row, name) for name in _FIELDS},
    )


def attribute_record(row: models.Attribute) -> AttributeRecord:
    values = tuple(AttributeValue(**value) for value in row.values or ())
    return AttributeRecord(
        key=row.key, name=row.name, definition=row.definition, values=values, id=row.id
    )


class CodeRepository(Repository):
    kind = "code"

    def list(self) -> builtins.list[CodeRecord]:
        code = models.Code.__table__
        parent = code.alias("parent")
        statement = (
            select(code, parent.c.key.label("parent_key"))
            .outerjoin(parent, code.c.parent_id == parent.c.id)
            .order_by(code.c.position, code.c.key)
        )
        return [_record(row, row.parent_key) for row in self._table_rows(statement)]

    def get(self, key: str) -> CodeRecord:
        return code_record(self._row(models.Code, key))

    def find(self, key: str) -> CodeRecord | None:
        row = self._find_row(models.Code, key)
        return None if row is None else code_record(row)

    def add(self, code: CodeRecord) -> CodeRecord:
        row = models.Code(key=code.key, author=self.author)
        self._apply(row, code)
        self.session.add(row)
        self._added(row)
        return code_record(row)

    def update(self, code: CodeRecord) -> CodeRecord:
        row = self._row(models.Code, code.key)
        before = code_record(row)
        claimed = self._begin_edit(row, code.stamp.version, before, code)
        self._apply(row, code)
        row.author = self.author or row.author
        self._end_edit(row, claimed, before, code_record(row))
        return code_record(row)

    def delete(self, key: str) -> CodeRecord:
        row = self._row(models.Code, key)
        record = code_record(row)
        self.session.delete(row)
        self._flush()
        return record

    def coding_count(self, key: str) -> int:
        statement = (
            select(func.count(models.Coding.id)).join(models.Code).where(models.Code.key == key)
        )
        return int(self.session.scalar(statement) or 0)

    def list_attributes(self) -> builtins.list[AttributeRecord]:
        rows = self.session.scalars(select(models.Attribute).order_by(models.Attribute.id))
        return [attribute_record(row) for row in rows]

    def add_attribute(self, attribute: AttributeRecord) -> AttributeRecord:
        values = [
            {"key": v.key, "name": v.name, "definition": v.definition} for v in attribute.values
        ]
        row = models.Attribute(
            key=attribute.key, name=attribute.name, definition=attribute.definition, values=values
        )
        self.session.add(row)
        self._added(row)
        return attribute_record(row)

    def _apply(self, row: models.Code, code: CodeRecord) -> None:
        apply_fields(row, {name: getattr(code, name) for name in _FIELDS})
        row.parent = self._ref(models.Code, code.parent_key) if code.parent_key else None
