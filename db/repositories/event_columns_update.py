"""An event edit that changes only the event's own columns, written as one plain UPDATE.

Most edits in the window (a retitle, new dates, another importance, and their undo) change no
lane, actor, tag or alias. Loading the ORM row with its relations, comparing them and flushing
twice cost ~20 ms at 100k events; one ``UPDATE ... WHERE id = ? AND version = ?`` does the same
write: the same columns, a new ``updated_at`` and author, the version bumped (a row someone
changed meanwhile is refused as a conflict), the change log told, the search triggers fired.
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import models
from db.errors import ConflictError, IntegrityViolationError
from db.records import EventRecord, Stamp
from db.repositories.base import CHANGES_PENDING, check_value

COLUMNS = ("title", "summary", "start", "end", "t_lo", "t_hi", "importance", "context", "notes")


def only_columns_change(before: EventRecord, after: EventRecord) -> bool:
    """Whether ``after`` keeps ``before``'s lane, actors, tags and aliases (as written)."""
    kept = ("lane", "actors", "tags", "aliases")
    return all(tuple_of(before, name) == tuple_of(after, name) for name in kept)


def tuple_of(record: EventRecord, name: str) -> Any:
    value = getattr(record, name)
    return tuple(value) if isinstance(value, list | tuple) else value


def has_orm_row(session: Session, key: str) -> bool:
    """Whether the session holds the event's ORM row (a plain UPDATE would leave it stale)."""
    return any(
        isinstance(row, models.Event) and row.key == key for row in session.identity_map.values()
    )


def update_columns(
    session: Session, author: str, before: EventRecord, after: EventRecord
) -> EventRecord:
    """Write ``after``'s columns over ``before`` (the stored record, read in this transaction)
    and return the record as stored. The caller has checked ``only_columns_change``."""
    changed = {n: getattr(after, n) for n in COLUMNS if getattr(after, n) != getattr(before, n)}
    shown_as = SimpleNamespace(__tablename__="events", key=before.key)
    for name, value in changed.items():
        check_value(shown_as, name, value)
    stamp = before.stamp
    new_author = author or stamp.author
    if not changed and new_author == stamp.author:
        return before
    now = models.utcnow()
    table = models.Event.__table__
    assert isinstance(table, Table)
    statement = (
        update(table)
        .where(table.c.id == before.id, table.c.version == stamp.version)
        .values(**changed, author=new_author, updated_at=now, version=stamp.version + 1)
    )
    try:
        written = session.connection().execute(statement).rowcount
    except IntegrityError as error:
        session.rollback()
        raise IntegrityViolationError(
            f"The change breaks a rule of the library (event): {error.orig}"
        ) from error
    if written != 1:
        raise ConflictError("event", before.key)
    pending: dict[tuple[str, str], str] = session.info.setdefault(CHANGES_PENDING, {})
    pending.setdefault(("event", before.key), "update")
    new_stamp = Stamp(stamp.created_at, now, new_author, stamp.version + 1)
    return replace(before, **changed, stamp=new_stamp)
