"""Many new events in a few Core statements (an import of a whole library).

``insert_events`` writes what ``EventRepository.add`` writes for each record (the event row,
its lane, actors in order, tags and aliases, the same value checks) but as one ``executemany``
per table instead of one ORM object per row, and tells the change log of each new event
itself (Core statements are not seen by it). The caller flushes pending ORM rows first (the
lanes the events name) and commits or rolls back; a broken rule (a key already taken) raises
``IntegrityViolationError`` and the caller's transaction must roll back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import models
from db.errors import IntegrityViolationError
from db.models import utcnow
from db.records import EventRecord
from db.repositories.base import CHANGES_PENDING, MAX_TIME_DAYS, check_value

_COLUMNS = ("title", "summary", "start", "end", "t_lo", "t_hi", "importance", "context", "notes")
_INSERTED = ("key", *_COLUMNS, "lane_id", "aliases") + (
    "created_at",
    "updated_at",
    "author",
    "version",
)


def insert_events(
    session: Session, author: str, events: Sequence[EventRecord], lane_ids: dict[str, int]
) -> None:
    """Insert ``events`` (keys new to the library); ``lane_ids`` maps each named lane's key."""
    if not events:
        return
    _check_values(events)
    _insert_event_rows(session, author, events, lane_ids)
    linked = [e for e in events if e.actors or e.tags]
    if linked:
        _insert_links(session, linked)
    pending: dict[tuple[str, str], str] = session.info.setdefault(CHANGES_PENDING, {})
    for event in events:
        pending.setdefault(("event", event.key), "insert")


def _insert_event_rows(
    session: Session, author: str, events: Sequence[EventRecord], lane_ids: dict[str, int]
) -> None:
    """One ``executemany`` of plain tuples: values the engine needs converted (times, aliases,
    flags) are converted once per distinct value, not by SQLAlchemy once per row and column."""
    table = _table(models.Event)
    connection = session.connection()
    bound = _binder(table, connection.dialect)
    stamp = bound("created_at", utcnow())
    flags = {False: bound("context", False), True: bound("context", True)}
    no_aliases = bound("aliases", [])
    rows = [
        (
            e.key,
            e.title,
            e.summary,
            e.start,
            e.end,
            e.t_lo,
            e.t_hi,
            e.importance,
            flags[bool(e.context)],
            e.notes,
            lane_ids[e.lane] if e.lane else None,
            bound("aliases", list(e.aliases)) if e.aliases else no_aliases,
            stamp,
            stamp,
            author,
            1,
        )
        for e in events
    ]
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=list(_INSERTED))
    order = [_INSERTED.index(name) for name in compiled.positiontup or ()]
    if compiled.positional:  # each row's values in the statement's order, picked in C
        params: list[Any] = list(map(itemgetter(*order), rows))
    else:
        params = [dict(zip(_INSERTED, row, strict=True)) for row in rows]
    try:
        connection.exec_driver_sql(str(compiled), params)
    except IntegrityError as error:
        raise IntegrityViolationError(
            f"The change breaks a rule of the library (event): {error.orig}"
        ) from error


def _binder(table: Table, dialect: Any) -> Any:
    """``bound(column, value)``: ``value`` as the driver takes it for ``table.c[column]``."""

    def bound(column: str, value: Any) -> Any:
        process = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
        return process(value) if process is not None else value

    return bound


def _insert_links(session: Session, events: Sequence[EventRecord]) -> None:
    """The actors (in order) and tags of new events, with the names new to the library."""
    ids = _ids_by_key(session, [event.key for event in events])
    actors = _name_ids(session, models.Actor, (n for e in events for n in e.actors))
    tags = _name_ids(session, models.Tag, (n for e in events for n in e.tags))
    actor_rows = [
        {"event_id": ids[e.key], "actor_id": actors[name], "position": position}
        for e in events
        for position, name in enumerate(_names(e.actors))
    ]
    tag_rows = [
        {"event_id": ids[e.key], "tag_id": tags[name]} for e in events for name in _names(e.tags)
    ]
    if actor_rows:
        _execute(session, insert(_table(models.EventActor)), actor_rows)
    if tag_rows:
        _execute(session, insert(models.event_tags), tag_rows)


def _check_values(events: Sequence[EventRecord]) -> None:
    """Refuse what ``check_value`` refuses (a NUL in a text, a time that is not finite or
    beyond the supported years), naming the first such event; all of them are scanned at once
    and each event checked field by field only when the scan found something."""
    texts = "".join(
        chain.from_iterable((e.title, e.summary, e.notes, e.start, e.end or "") for e in events)
    )
    times = chain.from_iterable((e.t_lo, e.t_hi) for e in events)
    if "\x00" not in texts and all(-MAX_TIME_DAYS <= t <= MAX_TIME_DAYS for t in times):
        return
    for event in events:
        row = models.Event(key=event.key)
        for name in _COLUMNS:
            check_value(row, name, getattr(event, name))


def _names(names: Iterable[str]) -> list[str]:
    """Names as ``EventRepository`` keeps them: stripped, empty ones dropped, first of each."""
    return list(dict.fromkeys(name.strip() for name in names if name.strip()))


def _name_ids(session: Session, model: Any, names: Iterable[str]) -> dict[str, int]:
    """Ids of the named rows (actors or tags), inserting the names not yet in the library."""
    wanted = set(_names(names))
    if not wanted:
        return {}
    known = {name: id_ for id_, name in session.execute(select(model.id, model.name))}
    missing = sorted(wanted - known.keys())
    if missing:
        _execute(session, insert(_table(model)), [{"name": name} for name in missing])
        known = {name: id_ for id_, name in session.execute(select(model.id, model.name))}
    return known


def _ids_by_key(session: Session, keys: list[str]) -> dict[str, int]:
    event = models.Event.__table__.c
    wanted = set(keys)
    found = session.execute(select(event.key, event.id))
    return {key: id_ for key, id_ in found if key in wanted}


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


def _execute(session: Session, statement: Any, rows: list[dict[str, Any]]) -> None:
    try:
        session.execute(statement, rows)
    except IntegrityError as error:
        raise IntegrityViolationError(
            f"The change breaks a rule of the library (event): {error.orig}"
        ) from error
