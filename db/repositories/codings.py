"""Codings: one code applied to one passage by one coder.

A coding is its own row, so coding a passage is not an edit of the passage (no version bump, no
conflict with someone editing its text).
"""

from __future__ import annotations

from sqlalchemy import func, select

from db import models
from db.errors import IntegrityViolationError
from db.records import CodingRecord
from db.repositories.base import Repository


class CodingRepository(Repository):
    kind = "coding"

    def of_code(self, code_key: str) -> list[CodingRecord]:
        """Every coding with this code, ordered by passage key then coder."""
        statement = (
            select(models.Passage.key, models.Coding.coder, models.Coding.created_at)
            .join(models.Coding, models.Coding.passage_id == models.Passage.id)
            .join(models.Code, models.Coding.code_id == models.Code.id)
            .where(models.Code.key == code_key)
            .order_by(models.Passage.key, models.Coding.coder)
        )
        return [
            CodingRecord(code_key, coder, created, passage)
            for passage, coder, created in self.session.execute(statement)
        ]

    def counts(self) -> dict[str, int]:
        """Number of codings per code key, in one query (codes without codings are absent)."""
        statement = (
            select(models.Code.key, func.count(models.Coding.id))
            .join(models.Coding, models.Coding.code_id == models.Code.id)
            .group_by(models.Code.key)
        )
        return {key: int(count) for key, count in self.session.execute(statement)}

    def coders(self) -> tuple[str, ...]:
        """Every coder who coded anything, sorted as Python sorts (the same on every database);
        one query over the codings, no passage read."""
        statement = select(models.Coding.coder).where(models.Coding.coder != "").distinct()
        return tuple(sorted(self.session.scalars(statement)))

    def has(self, passage_key: str, code_key: str, coder: str) -> bool:
        return self._coding_row(passage_key, code_key, coder) is not None

    def add(self, coding: CodingRecord) -> None:
        """Add one coding (passage, code, coder), keeping its creation time if it has one.

        ``IntegrityViolationError`` for an empty coder: our library format refuses it."""
        if not coding.coder.strip():
            raise IntegrityViolationError("A coding needs the coder's name; nothing was changed.")
        row = models.Coding(
            passage_id=self._id_of(models.Passage, "passage", coding.passage_key),
            code_id=self._id_of(models.Code, "code", coding.code_key),
            coder=coding.coder,
        )
        if coding.created_at is not None:
            row.created_at = coding.created_at
        self.session.add(row)
        self._flush()

    def remove(self, passage_key: str, code_key: str, coder: str) -> CodingRecord | None:
        """Delete one coding; return it as it was, or None if there was none."""
        row = self._coding_row(passage_key, code_key, coder)
        if row is None:
            return None
        removed = CodingRecord(code_key, coder, row.created_at, passage_key)
        self.session.delete(row)
        self._flush()
        return removed

    def _coding_row(self, passage_key: str, code_key: str, coder: str) -> models.Coding | None:
        statement = (
            select(models.Coding)
            .join(models.Passage, models.Coding.passage_id == models.Passage.id)
            .join(models.Code, models.Coding.code_id == models.Code.id)
            .where(
                models.Passage.key == passage_key,
                models.Code.key == code_key,
                models.Coding.coder == coder,
            )
        )
        return self.session.scalars(statement).first()
