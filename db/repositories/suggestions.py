"""Suggestions: proposals about a source's text, pending until a person accepts or rejects."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import Table, delete, insert, select

from db import models
from db.errors import NotFoundError
from db.records import SuggestionRecord
from db.repositories.base import Repository

STATUSES = ("pending", "accepted", "rejected")


def suggestion_record(row: models.Suggestion) -> SuggestionRecord:
    return SuggestionRecord(
        source_key=row.source.key,
        kind=row.kind,
        ref=row.ref,
        start=row.start,
        end=row.end,
        quote=row.quote,
        confidence=row.confidence,
        reasons=tuple(row.reasons or ()),
        target=row.target,
        payload=dict(row.payload or {}),
        status=row.status,
        id=row.id,
    )


def _row_values(source_id: int, item: SuggestionRecord) -> dict[str, Any]:
    return {
        "source_id": source_id,
        "kind": item.kind,
        "ref": item.ref,
        "target": item.target,
        "start": item.start,
        "end": item.end,
        "quote": item.quote,
        "confidence": item.confidence,
        "reasons": list(item.reasons),
        "payload": dict(item.payload),
        "status": "pending",
    }


class SuggestionRepository(Repository):
    kind = "suggestion"

    def for_source(
        self, source_key: str, *, kinds: Iterable[str] = (), status: str | None = "pending"
    ) -> builtins.list[SuggestionRecord]:
        """The source's suggestions (default: pending ones), best first."""
        statement = (
            select(models.Suggestion)
            .join(models.Source, models.Suggestion.source_id == models.Source.id)
            .where(models.Source.key == source_key)
        )
        wanted = tuple(kinds)
        if wanted:
            statement = statement.where(models.Suggestion.kind.in_(wanted))
        if status is not None:
            statement = statement.where(models.Suggestion.status == status)
        statement = statement.order_by(
            models.Suggestion.confidence.desc(), models.Suggestion.start, models.Suggestion.id
        )
        return [suggestion_record(row) for row in self.session.scalars(statement)]

    def pending_counts(self) -> dict[str, int]:
        """Source key -> number of pending suggestions (sources with none are absent)."""
        rows = self.session.execute(
            select(models.Source.key, models.Suggestion.id)
            .join(models.Source, models.Suggestion.source_id == models.Source.id)
            .where(models.Suggestion.status == "pending")
        )
        counts: dict[str, int] = {}
        for key, _ in rows:
            counts[key] = counts.get(key, 0) + 1
        return counts

    def get(self, suggestion_id: int) -> SuggestionRecord:
        row = self.session.get(models.Suggestion, suggestion_id)
        if row is None:
            raise NotFoundError(f"No suggestion {suggestion_id} in this library.")
        return suggestion_record(row)

    def replace_pending(
        self, source_key: str, kinds: Iterable[str], found: Iterable[SuggestionRecord]
    ) -> builtins.list[SuggestionRecord]:
        """Drop the source's pending suggestions of ``kinds`` and store ``found`` instead.

        A found suggestion whose ``(kind, ref)`` was decided before (accepted or rejected) is
        not stored again. Returns what was stored.
        """
        source_id = self._id_of(models.Source, "source", source_key)
        wanted = tuple(kinds)
        self.session.execute(
            delete(models.Suggestion).where(
                models.Suggestion.source_id == source_id,
                models.Suggestion.kind.in_(wanted),
                models.Suggestion.status == "pending",
            )
        )
        decided = {
            (kind, ref)
            for kind, ref in self.session.execute(
                select(models.Suggestion.kind, models.Suggestion.ref).where(
                    models.Suggestion.source_id == source_id
                )
            )
        }
        fresh: builtins.list[SuggestionRecord] = []
        for item in found:
            if (item.kind, item.ref) in decided:
                continue
            decided.add((item.kind, item.ref))
            fresh.append(item)
        if not fresh:
            return []
        return self._insert(source_id, source_key, fresh)

    def add_pending(
        self,
        source_key: str,
        found: Iterable[SuggestionRecord],
        *,
        source_id: int | None = None,
    ) -> builtins.list[SuggestionRecord]:
        """Store ``found`` as pending suggestions of a source that has none yet (one this
        transaction added): ``replace_pending`` without its delete and its read of the decided
        ones. A repeated (kind, ref) is stored once. Returns what was stored. ``source_id``:
        the source's row id when the caller has it (``sources.add`` returned it), so it is not
        looked up again (a batch import stores one source's suggestions per transaction)."""
        if source_id is None:
            source_id = self._id_of(models.Source, "source", source_key)
        fresh: dict[tuple[str, str], SuggestionRecord] = {}
        for item in found:
            fresh.setdefault((item.kind, item.ref), item)
        return self._insert(source_id, source_key, builtins.list(fresh.values())) if fresh else []

    def _insert(
        self, source_id: int, source_key: str, fresh: builtins.list[SuggestionRecord]
    ) -> builtins.list[SuggestionRecord]:
        """One multi-row INSERT ... RETURNING, ids matched back by (kind, ref), unique per
        source: SQLite returns rows in no promised order, and asking SQLAlchemy to sort them
        makes it send one statement per row (a batch import stores thousands). Returns
        ``fresh`` as stored: the source's, pending, with their ids."""
        table: Table = models.Suggestion.__table__  # type: ignore[assignment]
        statement = insert(table).returning(table.c.id, table.c.kind, table.c.ref)
        # Core, not the ORM's bulk insert: no identity map to fill, a third of the time
        rows = self.session.connection().execute(
            statement, [_row_values(source_id, r) for r in fresh]
        )
        ids = {(kind, ref): number for number, kind, ref in rows}
        if len(ids) != len(fresh):
            raise RuntimeError(f"stored {len(ids)} of {len(fresh)} suggestions")
        return [
            replace(r, source_key=source_key, status="pending", id=ids[(r.kind, r.ref)])
            for r in fresh
        ]

    def refresh_pending(
        self, source_key: str, found: Iterable[SuggestionRecord]
    ) -> builtins.list[SuggestionRecord]:
        """Update the source's pending suggestions that ``found`` proposes again (same kind
        and ref: new confidence, reasons, payload; the id stays, so an undone review can be
        redone) and add the new ones; decided ones are not proposed again and nothing is
        deleted. Returns what was updated or added."""
        source = self._row(models.Source, source_key)
        rows = {
            (row.kind, row.ref): row
            for row in self.session.scalars(
                select(models.Suggestion).where(models.Suggestion.source_id == source.id)
            )
        }
        changed = []
        for item in found:
            row = rows.get((item.kind, item.ref))
            if row is not None and row.status != "pending":
                continue
            if row is None:
                row = models.Suggestion(
                    source_id=source.id, kind=item.kind, ref=item.ref, status="pending"
                )
                self.session.add(row)
                rows[(item.kind, item.ref)] = row
            row.target, row.start, row.end = item.target, item.start, item.end
            row.quote, row.confidence, row.reasons = item.quote, item.confidence, list(item.reasons)
            row.payload = dict(item.payload)
            changed.append(row)
        self._flush()
        return [suggestion_record(row) for row in changed]

    def set_status(self, suggestion_id: int, status: str) -> SuggestionRecord:
        if status not in STATUSES:
            raise ValueError(f"unknown suggestion status {status!r}")
        row = self.session.get(models.Suggestion, suggestion_id)
        if row is None:
            raise NotFoundError(f"No suggestion {suggestion_id} in this library.")
        row.status = status
        self._flush()
        return suggestion_record(row)

    def restore(self, found: Iterable[SuggestionRecord]) -> None:
        """Store ``found`` again as they were (ids and statuses kept): the redo of an undone
        import, so that later steps naming a suggestion by its id still find it."""
        for item in found:
            source = self._row(models.Source, item.source_key)
            if item.status not in STATUSES:
                raise ValueError(f"unknown suggestion status {item.status!r}")
            self.session.add(
                models.Suggestion(
                    id=item.id,
                    source_id=source.id,
                    kind=item.kind,
                    ref=item.ref,
                    target=item.target,
                    start=item.start,
                    end=item.end,
                    quote=item.quote,
                    confidence=item.confidence,
                    reasons=list(item.reasons),
                    payload=dict(item.payload),
                    status=item.status,
                )
            )
        self._flush()

    def clear(self, source_key: str) -> None:
        """Drop every suggestion of the source (pending or decided): the undo of an attach
        puts back the ones it had before with ``restore``."""
        source = self._row(models.Source, source_key)
        self.session.execute(
            delete(models.Suggestion).where(models.Suggestion.source_id == source.id)
        )
        self._flush()
