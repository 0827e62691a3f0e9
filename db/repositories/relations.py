"""Relations between passages: supports, contradicts, repeats, quotes."""

from __future__ import annotations

import builtins

from sqlalchemy import select

from db import models
from db.records import RelationRecord
from db.repositories.base import Repository


def relation_record(row: models.PassageRelation) -> RelationRecord:
    return RelationRecord(
        key=row.key,
        from_key=row.from_passage.key,
        to_key=row.to_passage.key,
        kind=row.kind,
        id=row.id,
    )


class RelationRepository(Repository):
    kind = "relation"

    def list(self) -> builtins.list[RelationRecord]:
        rows = self.session.scalars(
            select(models.PassageRelation).order_by(models.PassageRelation.key)
        )
        return [relation_record(row) for row in rows.unique()]

    def of_passage(self, passage_key: str) -> builtins.list[RelationRecord]:
        """The relations from or to one passage, in ``list`` order."""
        return [r for r in self.list() if passage_key in (r.from_key, r.to_key)]

    def add(self, relation: RelationRecord) -> RelationRecord:
        row = models.PassageRelation(
            key=relation.key,
            from_passage=self._ref(models.Passage, relation.from_key),
            to_passage=self._ref(models.Passage, relation.to_key),
            kind=relation.kind,
        )
        self.session.add(row)
        self._added(row)
        return relation_record(row)

    def delete(self, key: str) -> RelationRecord:
        row = self._row(models.PassageRelation, key)
        record = relation_record(row)
        self.session.delete(row)
        self._flush()
        return record
