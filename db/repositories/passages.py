"""Passages: anchored quotations of a source, linked to events and coded."""

from __future__ import annotations

import builtins
from dataclasses import replace

from sqlalchemy import inspect, select

from db import models
from db.errors import IntegrityViolationError
from db.records import CodingRecord, PassageLink, PassageRecord
from db.repositories.base import BULK_CODINGS, Repository, apply_fields, stamp_of

_FIELDS = (
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "anchor_status",
    "voice",
    "tone",
    "epistemic",
    "notes",
)


def passage_record(row: models.Passage) -> PassageRecord:
    links = tuple(
        sorted(
            (PassageLink(link.event.key, link.confidence, link.origin) for link in row.links),
            key=lambda link: link.event_key,
        )
    )
    codings = tuple(
        sorted(
            (CodingRecord(c.code.key, c.coder, c.created_at, row.key, c.id) for c in row.codings),
            key=lambda coding: (coding.code_key, coding.coder),
        )
    )
    return PassageRecord(
        key=row.key,
        source_key=row.source.key,
        links=links,
        codings=codings,
        id=row.id,
        stamp=stamp_of(row),
        **{name: getattr(row, name) for name in _FIELDS},
    )


class PassageRepository(Repository):
    kind = "passage"

    def list(self) -> builtins.list[PassageRecord]:
        statement = (
            select(models.Passage)
            .join(models.Passage.source)
            .order_by(models.Source.key, models.Passage.start)
        )
        return [passage_record(row) for row in self.session.scalars(statement).unique()]

    def for_source(self, source_key: str) -> builtins.list[PassageRecord]:
        statement = (
            select(models.Passage)
            .join(models.Passage.source)
            .where(models.Source.key == source_key)
            .order_by(models.Passage.start)
        )
        return [passage_record(row) for row in self.session.scalars(statement).unique()]

    def for_event(self, event_key: str) -> builtins.list[PassageRecord]:
        statement = (
            select(models.Passage)
            .join(models.PassageEvent)
            .join(models.Event, models.PassageEvent.event_id == models.Event.id)
            .where(models.Event.key == event_key)
            .order_by(models.Passage.source_id, models.Passage.start)
        )
        return [passage_record(row) for row in self.session.scalars(statement).unique()]

    def event_index(self) -> builtins.list[tuple[str, str, str, str | None]]:
        """(event key, passage key, source key, code key or None) for every linked passage.

        A plain column query: it feeds the timeline's coverage dots and the filters.
        """
        p, pe, e, s, c, cd = (
            models.Passage.__table__.c,
            models.PassageEvent.__table__.c,
            models.Event.__table__.c,
            models.Source.__table__.c,
            models.Coding.__table__.c,
            models.Code.__table__.c,
        )
        statement = (
            select(e.key, p.key, s.key, cd.key)
            .select_from(models.PassageEvent.__table__)
            .join(models.Passage.__table__, pe.passage_id == p.id)
            .join(models.Event.__table__, pe.event_id == e.id)
            .join(models.Source.__table__, p.source_id == s.id)
            .outerjoin(models.Coding.__table__, c.passage_id == p.id)
            .outerjoin(models.Code.__table__, c.code_id == cd.id)
        )
        return [(row[0], row[1], row[2], row[3]) for row in self._table_rows(statement)]

    def get(self, key: str) -> PassageRecord:
        return passage_record(self._row(models.Passage, key))

    def find(self, key: str) -> PassageRecord | None:
        row = self._find_row(models.Passage, key)
        return None if row is None else passage_record(row)

    def add(self, passage: PassageRecord) -> PassageRecord:
        source = self._ref(models.Source, passage.source_key)
        row = models.Passage(key=passage.key, source=source, author=self.author)
        self._apply(row, passage)
        self.session.add(row)
        self._added(row)
        return passage_record(row)

    def update(self, passage: PassageRecord, *, children: bool = True) -> PassageRecord:
        """Write the passage's fields and, with ``children``, make its links and codings those
        of the record. ``children=False`` leaves links and codings as they are in the library
        now: an edit of the text never drops a code or link someone added since it loaded."""
        row = self._row(models.Passage, passage.key)
        before = passage_record(row)
        if not children:
            passage = replace(passage, links=before.links, codings=before.codings)
        claimed = self._begin_edit(row, passage.stamp.version, before, passage)
        self._apply(row, passage)
        row.author = self.author or row.author
        self._end_edit(row, claimed, before, passage_record(row))
        return passage_record(row)

    def delete(self, key: str) -> PassageRecord:
        row = self._row(models.Passage, key)
        record = passage_record(row)
        self.session.delete(row)
        self._flush()
        return record

    def _apply(self, row: models.Passage, passage: PassageRecord) -> None:
        apply_fields(row, {name: getattr(passage, name) for name in _FIELDS})
        self._sync_links(row, passage.links)
        self._sync_codings(row, passage.codings)

    def _sync_links(self, row: models.Passage, links: tuple[PassageLink, ...]) -> None:
        current = {link.event.key: link for link in row.links}
        wanted = {link.event_key: link for link in links}
        for key in set(current) - set(wanted):
            row.links.remove(current[key])
        for key, link in wanted.items():
            existing = current.get(key)
            if existing is None:
                event = self._ref(models.Event, key)
                row.links.append(
                    models.PassageEvent(event=event, confidence=link.confidence, origin=link.origin)
                )
            else:
                existing.confidence, existing.origin = link.confidence, link.origin

    def _sync_codings(self, row: models.Passage, codings: tuple[CodingRecord, ...]) -> None:
        current = {(c.code.key, c.coder): c for c in row.codings}
        wanted = {(c.code_key, c.coder or self.author): c for c in codings}
        for pair in set(current) - set(wanted):
            row.codings.remove(current[pair])
        for (code_key, coder), coding in wanted.items():
            if (code_key, coder) not in current:
                if not coder.strip():
                    raise IntegrityViolationError(
                        f"A coding of passage '{row.key}' with code '{code_key}' names no coder."
                    )
                code = self._ref(models.Code, code_key)
                if self._bulk is not None and not inspect(row).has_identity:  # a new passage
                    queued = self.session.info.setdefault(BULK_CODINGS, [])
                    queued.append((row, code, coder, coding.created_at))
                    continue
                extra = {"created_at": coding.created_at} if coding.created_at else {}
                row.codings.append(models.Coding(code=code, coder=coder, **extra))
