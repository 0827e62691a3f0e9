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
