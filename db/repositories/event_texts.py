"""What the window's text filter searches in, for every event at once.

Only the searched columns (title, summary) and the names of each event's actors and tags are
read, as plain tuples on the driver's connection: no ORM row, no JSON, no stamp. The first
search of a large library reads this instead of every event's full record.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import models
from db.repositories.plain_rows import plain_rows

_NONE: tuple[str, ...] = ()


class EventText(NamedTuple):
    """The searched fields of one event (actors in their order, tags by name)."""

    key: str
    title: str
    summary: str
    actors: tuple[str, ...]
    tags: tuple[str, ...]


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
    rows = plain_rows(session, select(event.id, event.key, event.title, event.summary))
    return [
        EventText(key, title, summary or "", actors.get(i, _NONE), tags.get(i, _NONE))
        for i, key, title, summary in rows
    ]


def _names(session: Session, statement: Any) -> dict[int, tuple[str, ...]]:
    """(event id, name) rows grouped into a tuple of names per event id, in row order."""
    grouped: dict[int, list[str]] = {}
    for event_id, name in plain_rows(session, statement):
        grouped.setdefault(event_id, []).append(name)
    return {event_id: tuple(names) for event_id, names in grouped.items()}
