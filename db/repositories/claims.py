"""Claims: the numbers, dates and statements passages assert, compared across sources and with
the record's values."""

from __future__ import annotations

import builtins
import functools
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, select

from db import models
from db.records import ClaimRecord
from db.repositories.base import Repository, apply_fields, stamp_of

_FIELDS = (
    "subject",
    "kind",
    "stated",
    "low",
    "high",
    "date",
    "unit",
    "hedge",
    "event_key",
    "holds",
    "reference",
)


def claim_record(row: models.Claim) -> ClaimRecord:
    return ClaimRecord(
        key=row.key,
        passage_key=row.passage.key if row.passage is not None else None,
        id=row.id,
        stamp=stamp_of(row),
        **{name: getattr(row, name) for name in _FIELDS},
    )


@functools.cache
def _record_values() -> Any:
    """The statement of ``ClaimRepository.records_for_event``, built once: every selection
    runs it, and a new statement's cache key took a few ms to make each time."""
    claim = models.Claim
    return (
        select(claim)
        .where(claim.passage_id.is_(None), claim.event_key == bindparam("event_key"))
        .order_by(claim.subject, claim.key)
    )


def _require_record_value(claim: ClaimRecord) -> None:
    """A claim without a passage is the record's value: it names its event and reference."""
    if not (claim.reference.strip() and claim.event_key):
        raise ValueError(
            f"claim {claim.key!r}: without a passage it must be a record value "
            "with its event and reference"
        )


class ClaimRepository(Repository):
    kind = "claim"

    def list(self) -> builtins.list[ClaimRecord]:
        statement = select(models.Claim).order_by(models.Claim.subject, models.Claim.key)
        return [claim_record(row) for row in self.session.scalars(statement).unique()]

    def for_passages(self, passage_keys: Iterable[str]) -> builtins.list[ClaimRecord]:
        """The claims of these passages, in ``list`` order."""
        wanted = sorted(passage_keys)
        if not wanted:
            return []
        statement = (
            select(models.Claim)
            .join(models.Claim.passage)
            .where(models.Passage.key.in_(wanted))
            .order_by(models.Claim.subject, models.Claim.key)
        )
        return [claim_record(row) for row in self.session.scalars(statement).unique()]

    def records_for_event(self, event_key: str) -> builtins.list[ClaimRecord]:
        """The record values about ``event_key`` that cite a reference instead of a passage."""
        rows = self.session.scalars(_record_values(), {"event_key": event_key})
        return [claim_record(row) for row in rows.unique()]

    def of_passage(self, passage_key: str) -> builtins.list[ClaimRecord]:
        """The claims of one passage, by key."""
        statement = (
            select(models.Claim)
            .join(models.Passage, models.Claim.passage_id == models.Passage.id)
            .where(models.Passage.key == passage_key)
            .order_by(models.Claim.key)
        )
        return [claim_record(row) for row in self.session.scalars(statement).unique()]

    def get(self, key: str) -> ClaimRecord:
        return claim_record(self._row(models.Claim, key))

    def add(self, claim: ClaimRecord) -> ClaimRecord:
        """Store ``claim``; one without a passage must be a record value naming its event and
        reference (ValueError otherwise)."""
        passage = None
        if claim.passage_key is None:
            _require_record_value(claim)
        else:
            passage = self._ref(models.Passage, claim.passage_key)
        row = models.Claim(key=claim.key, passage=passage, author=self.author)
        apply_fields(row, {name: getattr(claim, name) for name in _FIELDS})
        self.session.add(row)
        self._added(row)
        return claim_record(row)

    def update(self, claim: ClaimRecord) -> ClaimRecord:
        row = self._row(models.Claim, claim.key)
        if row.passage is None:
            _require_record_value(claim)
        before = claim_record(row)
        claimed = self._begin_edit(row, claim.stamp.version, before, claim)
        apply_fields(row, {name: getattr(claim, name) for name in _FIELDS})
        row.author = self.author or row.author
        self._end_edit(row, claimed, before, claim_record(row))
        return claim_record(row)

    def delete(self, key: str) -> ClaimRecord:
        row = self._row(models.Claim, key)
        record = claim_record(row)
        self.session.delete(row)
        self._flush()
        return record
