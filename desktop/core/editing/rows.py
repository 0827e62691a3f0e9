"""Row-level edits the repositories do not offer: single codings and links, note targets.

These run on ``uow.session`` inside a command's unit of work and never commit. Codings and links
are written as their own rows, so coding a passage or linking it to an event does not count as
an edit of the passage (no version bump, no conflict with someone editing its text).
"""

from __future__ import annotations

from sqlalchemy import select

from db import models
from db.errors import IntegrityViolationError, NotFoundError
from db.records import ClaimRecord, CodingRecord, PassageLink, RelationRecord
from db.repositories.claims import claim_record
from db.uow import UnitOfWork


def _id_of(uow: UnitOfWork, model: type[models.Base], kind: str, key: str) -> int:
    found = uow.session.scalar(select(model.id).where(model.key == key))  # type: ignore[attr-defined]
    if found is None:
        raise NotFoundError(f"No {kind} '{key}' in this library (deleted meanwhile?).")
    return int(found)


def codings_of_code(uow: UnitOfWork, code_key: str) -> list[CodingRecord]:
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
        for passage, coder, created in uow.session.execute(statement)
    ]


def _coding_row(
    uow: UnitOfWork, passage_key: str, code_key: str, coder: str
) -> models.Coding | None:
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
    return uow.session.scalars(statement).first()


def has_coding(uow: UnitOfWork, passage_key: str, code_key: str, coder: str) -> bool:
    return _coding_row(uow, passage_key, code_key, coder) is not None


def add_coding(uow: UnitOfWork, coding: CodingRecord) -> None:
    """Add one coding (passage, code, coder), keeping its creation time if it has one.

    ``IntegrityViolationError`` for an empty coder: our library format refuses it."""
    if not coding.coder.strip():
        raise IntegrityViolationError("A coding needs the coder's name; nothing was changed.")
    row = models.Coding(
        passage_id=_id_of(uow, models.Passage, "passage", coding.passage_key),
        code_id=_id_of(uow, models.Code, "code", coding.code_key),
        coder=coding.coder,
    )
    if coding.created_at is not None:
        row.created_at = coding.created_at
    uow.session.add(row)
    uow.flush()


def remove_coding(
    uow: UnitOfWork, passage_key: str, code_key: str, coder: str
) -> CodingRecord | None:
    """Delete one coding; return it as it was, or None if there was none."""
    row = _coding_row(uow, passage_key, code_key, coder)
    if row is None:
        return None
    removed = CodingRecord(code_key, coder, row.created_at, passage_key)
    uow.session.delete(row)
    uow.flush()
    return removed


def links_of_event(uow: UnitOfWork, event_key: str) -> list[tuple[str, PassageLink]]:
    """(passage key, link) for every passage linked to the event."""
    statement = (
        select(models.Passage.key, models.PassageEvent.confidence, models.PassageEvent.origin)
        .join(models.PassageEvent, models.PassageEvent.passage_id == models.Passage.id)
        .join(models.Event, models.PassageEvent.event_id == models.Event.id)
        .where(models.Event.key == event_key)
        .order_by(models.Passage.key)
    )
    return [
        (passage, PassageLink(event_key, confidence, origin))
        for passage, confidence, origin in uow.session.execute(statement)
    ]


def _link_row(uow: UnitOfWork, passage_key: str, event_key: str) -> models.PassageEvent | None:
    return uow.session.get(
        models.PassageEvent,
        (
            _id_of(uow, models.Passage, "passage", passage_key),
            _id_of(uow, models.Event, "event", event_key),
        ),
    )


def add_link(uow: UnitOfWork, passage_key: str, link: PassageLink) -> bool:
    """Link a passage to an event; False (and nothing done) if they were linked already."""
    if _link_row(uow, passage_key, link.event_key) is not None:
        return False
    uow.session.add(
        models.PassageEvent(
            passage_id=_id_of(uow, models.Passage, "passage", passage_key),
            event_id=_id_of(uow, models.Event, "event", link.event_key),
            confidence=link.confidence,
            origin=link.origin,
        )
    )
    uow.flush()
    return True


def remove_link(uow: UnitOfWork, passage_key: str, event_key: str) -> PassageLink | None:
    """Unlink a passage from an event; return the link as it was, or None if there was none."""
    row = _link_row(uow, passage_key, event_key)
    if row is None:
        return None
    removed = PassageLink(event_key, row.confidence, row.origin)
    uow.session.delete(row)
    uow.flush()
    return removed


def claims_of_passage(uow: UnitOfWork, passage_key: str) -> list[ClaimRecord]:
    statement = (
        select(models.Claim)
        .join(models.Passage, models.Claim.passage_id == models.Passage.id)
        .where(models.Passage.key == passage_key)
        .order_by(models.Claim.key)
    )
    return [claim_record(row) for row in uow.session.scalars(statement).unique()]


def relations_of_passage(uow: UnitOfWork, passage_key: str) -> list[RelationRecord]:
    return [
        relation
        for relation in uow.relations.list()
        if passage_key in (relation.from_key, relation.to_key)
    ]


def retarget_notes(uow: UnitOfWork, note_keys: list[str], kind: str, target_key: str) -> None:
    """Point the given notes at another record (their text, author and times unchanged)."""
    if not note_keys:
        return
    rows = uow.session.scalars(select(models.Note).where(models.Note.key.in_(note_keys)))
    for row in rows:
        row.target_kind, row.target_key = kind, target_key
    uow.flush()
