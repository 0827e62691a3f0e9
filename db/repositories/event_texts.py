"""What the window's text filter searches in, for every event at once.

Only the searched columns (title, summary, the event's other names) and the names of each
event's actors and tags are read, as plain tuples on the driver's connection: no ORM row, no
stamp. The first search of a large library reads this instead of every event's full record.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import models
from db.repositories.joined_parts import utf8_parts
from db.repositories.plain_rows import plain_rows

_NONE: tuple[str, ...] = ()


class EventText(NamedTuple):
    """The searched fields of one event (actors in their order, tags by name, its other
    names: the title in other languages or scripts)."""

    key: str
    title: str
    summary: str
    actors: tuple[str, ...]
    tags: tuple[str, ...]
    aliases: tuple[str, ...] = ()


def event_texts(session: Session) -> list[EventText]:
    """The searched fields of every event, in id order."""
    actors = _names(
        session,
        select(models.EventActor.event_id, models.Actor.name)
        .join(models.Actor, models.EventActor.actor_id == models.Actor.id)
        .order_by(models.EventActor.event_id, models.EventActor.position),
    )
    tags = _names(
        session,
        select(models.event_tags.c.event_id, models.Tag.name)
        .join(models.Tag, models.event_tags.c.tag_id == models.Tag.id)
        .order_by(models.event_tags.c.event_id, models.Tag.name),
    )
    event = models.Event.__table__.c
    columns = select(event.id, event.key, event.title, event.summary, event.aliases)
    return [
        EventText(
            key, title, summary or "", actors.get(i, _NONE), tags.get(i, _NONE), _names_of(names)
        )
        for i, key, title, summary, names in plain_rows(session, columns)
    ]


def _names_of(stored: Any) -> tuple[str, ...]:
    """An aliases column as the driver gives it: JSON text (SQLite) or a list (PostgreSQL)."""
    if not stored or stored == "[]":
        return _NONE
    found = json.loads(stored) if isinstance(stored, str) else stored
    return tuple(str(name) for name in found or ())


def _names(session: Session, statement: Any) -> dict[int, tuple[str, ...]]:
    """(event id, name) rows grouped into a tuple of names per event id, in row order."""
    grouped: dict[int, list[str]] = {}
    for event_id, name in plain_rows(session, statement):
        grouped.setdefault(event_id, []).append(name)
    return {event_id: tuple(names) for event_id, names in grouped.items()}


class JoinedTexts(NamedTuple):
    """The searched fields of every event, in id order, joined by SQLite itself: ``fields``
    holds each event's title, summary, actors (in their order), tags (by name) and other
    names, joined by spaces, one event after the other separated by NULs, encoded as UTF-8
    (left to the caller to decode: ``joined_parts.utf8_parts`` does it in steps)."""

    keys: list[str]
    fields: bytes


# Each list of names is looked for first (``EXISTS``: one seek in the table's primary key,
# which starts with the event's id): the subquery that orders and joins them costs ~3 times
# as much, also for an event that has none (1M events without any: 0.58 -> 0.21 s each; 100k
# events that all have both: unchanged, ~0.5 s in all).
_SEARCHED_FIELDS = """
SELECT e.key AS key, e.title || ' ' || coalesce(e.summary, '')
  || ' ' || CASE WHEN NOT EXISTS (SELECT 1 FROM event_actors WHERE event_id = e.id) THEN ''
    ELSE coalesce((SELECT group_concat(name, ' ') FROM (
      SELECT a.name AS name FROM event_actors AS ea JOIN actors AS a ON a.id = ea.actor_id
      WHERE ea.event_id = e.id ORDER BY ea.position)), '') END
  || ' ' || CASE WHEN NOT EXISTS (SELECT 1 FROM event_tags WHERE event_id = e.id) THEN ''
    ELSE coalesce((SELECT group_concat(name, ' ') FROM (
      SELECT t.name AS name FROM event_tags AS et JOIN tags AS t ON t.id = et.tag_id
      WHERE et.event_id = e.id ORDER BY t.name)), '') END
  || ' ' || CASE WHEN e.aliases IS NULL OR e.aliases = '[]' THEN '' ELSE coalesce(
      (SELECT group_concat(value, ' ') FROM json_each(e.aliases)), '') END AS searched,
  CASE WHEN e.aliases IS NULL OR e.aliases = '[]' THEN 0 ELSE (
      SELECT count(*) FROM json_each(e.aliases) WHERE type != 'text') END AS odd
FROM events AS e ORDER BY e.id
"""
# ``odd``: other names that would not read back as ``event_texts`` gives them (not a string)
_JOINED = (
    "SELECT count(*), CAST(group_concat(key, char(0)) AS BLOB),"
    " CAST(group_concat(searched, char(0)) AS BLOB),"
    f" coalesce(sum(odd), 0) FROM ({_SEARCHED_FIELDS})"
)


def joined_event_texts(session: Session) -> JoinedTexts | None:
    """On SQLite, the fields ``event_texts`` reads, joined in one statement that holds no
    Python lock while it runs (at 1M events ~1.3 s of SQLite against ~3 s of Python building
    rows), fetched as bytes (no decode of tens of megabytes in one call); None on another
    database, or when a text would differ from ``event_texts``' (an other name that is no
    string, a text that is not UTF-8). A text may hold a NUL of its own: the caller must check
    that ``fields`` splits into one text per key."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        count, keys, fields, odd = cursor.execute(_JOINED).fetchone()
    finally:
        cursor.close()
    if odd:
        return None
    if not count:
        return JoinedTexts([], b"")
    try:  # fetched as bytes, decoded in steps (``joined_parts``): a window may be waiting
        found = JoinedTexts(utf8_parts(keys, "\x00"), fields)
    except UnicodeDecodeError:  # not UTF-8: the row read says why
        return None
    return found if len(found.keys) == count else None
