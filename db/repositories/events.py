"""Events on the timeline, with their lane, actors and tags."""

from __future__ import annotations

import builtins
import functools
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, func, select

from db import models
from db.errors import ConflictError, NotFoundError
from db.records import EventRecord, Stamp
from db.repositories.base import Repository, apply_fields, stamp_of
from db.repositories.event_columns_update import has_orm_row, only_columns_change, update_columns
from db.repositories.event_texts import EventText, JoinedTexts, event_texts, joined_event_texts
from db.repositories.events_bulk import insert_events
from db.repositories.timeline_rows import (
    LabelTexts,
    TimelineColumns,
    label_texts,
    timeline_columns,
)
from db.search import suspended_event_triggers

# From this many new events on (and at least as many as the library holds), a SQLite library's
# search index is rebuilt once after the insert instead of by a trigger per row.
REINDEX_AT = 2000

_FIELDS = ("title", "summary", "start", "end", "t_lo", "t_hi", "importance", "context", "notes")


def event_record(row: models.Event) -> EventRecord:
    values = {name: getattr(row, name) for name in _FIELDS}
    return EventRecord(
        key=row.key,
        lane=row.lane.key if row.lane is not None else "",
        actors=tuple(link.actor.name for link in row.actor_links),
        tags=tuple(tag.name for tag in row.tags),
        aliases=tuple(row.aliases or ()),
        id=row.id,
        stamp=stamp_of(row),
        **values,
    )


_STAMP = ("created_at", "updated_at", "author", "version")
_NO_NAMES: tuple[str, ...] = ()


@functools.cache
def _record_reads(keyed: bool) -> tuple[Any, Any, Any]:
    """The statements ``EventRepository._records`` runs: every event's columns, actors and
    tags, or (``keyed``) those of the events whose key is in the parameter ``keys``. Built
    once: building them anew cost ~3 ms of every edit's ~4 ms read of one record at 100k."""
    event, lane = models.Event, models.Lane
    statement = (
        select(
            event.id,
            event.key,
            lane.key,
            event.aliases,
            *(getattr(event, name) for name in _FIELDS),
            *(getattr(event, name) for name in _STAMP),
        )
        .outerjoin(lane, event.lane_id == lane.id)
        .order_by(event.t_lo, event.key)
    )
    actors = select(models.EventActor.event_id, models.Actor.name).join(
        models.Actor, models.EventActor.actor_id == models.Actor.id
    )
    tags = select(models.event_tags.c.event_id, models.Tag.name).join(
        models.Tag, models.event_tags.c.tag_id == models.Tag.id
    )
    if keyed:
        where = event.key.in_(bindparam("keys", expanding=True))
        statement = statement.where(where)
        ids = select(event.id).where(where)
        actors = actors.where(models.EventActor.event_id.in_(ids))
        tags = tags.where(models.event_tags.c.event_id.in_(ids))
    actors = actors.order_by(models.EventActor.event_id, models.EventActor.position)
    tags = tags.order_by(models.event_tags.c.event_id, models.Tag.name)
    return statement, actors, tags


def _names_by_event(
    statement: Any, session: Any, parameters: dict[str, Any]
) -> dict[int, tuple[str, ...]]:
    """(event id, name) rows, in order, grouped into a tuple of names per event id."""
    grouped: dict[int, builtins.list[str]] = {}
    for event_id, name in session.connection().execute(statement, parameters):
        grouped.setdefault(event_id, []).append(name)
    return {event_id: tuple(names) for event_id, names in grouped.items()}


def _record_from_columns(
    row: Any, actors: dict[int, tuple[str, ...]], tags: dict[int, tuple[str, ...]]
) -> EventRecord:
    event_id, key, lane_key, aliases, *rest = row
    values = dict(zip(_FIELDS, rest[: len(_FIELDS)], strict=True))
    created_at, updated_at, author, version = rest[len(_FIELDS) :]
    return EventRecord(
        key=key,
        lane=lane_key or "",
        actors=actors.get(event_id, _NO_NAMES),
        tags=tags.get(event_id, _NO_NAMES),
        aliases=tuple(aliases or ()),
        id=event_id,
        stamp=Stamp(
            created_at=created_at, updated_at=updated_at, author=author or "", version=version or 0
        ),
        **values,
    )


class EventRepository(Repository):
    kind = "event"

    def list(self) -> builtins.list[EventRecord]:
        """Every event in time order (start, then key), read as columns in three queries
        rather than as ORM objects: the same records as ``get``, in a fraction of the time."""
        return self._records(None)

    def many(self, keys: Iterable[str]) -> builtins.list[EventRecord]:
        """The records of those of ``keys`` that exist, in time order, read as ``list`` reads
        them (three queries, no ORM row): what ``get`` gives each, at a fraction of its cost."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        return self._records(wanted)

    def _records(self, keys: builtins.list[str] | None) -> builtins.list[EventRecord]:
        """The records of the events ``keys`` names (all when None), in time order."""
        statement, actors, tags = _record_reads(keys is not None)
        wanted = {} if keys is None else {"keys": keys}
        actor_names = _names_by_event(actors, self.session, wanted)
        tag_names = _names_by_event(tags, self.session, wanted)
        rows = self.session.connection().execute(statement, wanted)
        return [_record_from_columns(row, actor_names, tag_names) for row in rows]

    def in_range(self, t0: float, t1: float) -> builtins.list[EventRecord]:
        """Events overlapping [t0, t1), using the time index."""
        statement = (
            select(models.Event)
            .where(models.Event.t_lo < t1, models.Event.t_hi > t0)
            .order_by(models.Event.t_lo)
        )
        return [event_record(row) for row in self.session.scalars(statement).unique()]

    def get(self, key: str) -> EventRecord:
        return event_record(self._row(models.Event, key))

    def find(self, key: str) -> EventRecord | None:
        row = self._find_row(models.Event, key)
        return None if row is None else event_record(row)

    def add(self, event: EventRecord) -> EventRecord:
        row = models.Event(key=event.key, author=self.author)
        self._apply(row, event)
        self.session.add(row)
        self._added(row)
        return event_record(row)

    def add_many(self, events: Sequence[EventRecord]) -> None:
        """Insert new events as ``add`` does, in a few statements (``events_bulk``); their
        lanes are made as ``add`` makes them. Nothing is returned: no ORM row is built."""
        lanes = sorted({event.lane for event in events if event.lane})
        found = {key: self._lane(key) for key in lanes}
        self._flush()
        lane_ids = {key: lane.id for key, lane in found.items() if lane is not None}
        connection = self.session.connection()
        if connection.dialect.name != "sqlite" or len(events) < max(REINDEX_AT, self._count()):
            insert_events(self.session, self.author, events, lane_ids)
            return
        with suspended_event_triggers(connection):  # the search index rebuilt once, not per row
            insert_events(self.session, self.author, events, lane_ids)

    def _count(self) -> int:
        return int(self.session.scalar(select(func.count(models.Event.id))) or 0)

    def update(self, event: EventRecord) -> EventRecord:
        """Write ``event`` over the stored one (ConflictError if its version is not the
        stored one). An edit of the event's own columns only is one plain UPDATE
        (``event_columns_update``); one of its lane, actors, tags or aliases goes through the
        ORM."""
        if self._bulk is None and not has_orm_row(self.session, event.key):
            found = self.many([event.key])
            if not found:
                raise NotFoundError(f"No event '{event.key}' in this library (deleted meanwhile?).")
            before = found[0]
            if event.stamp.version and before.stamp.version != event.stamp.version:
                raise ConflictError(self.kind, event.key)
            if only_columns_change(before, event):
                return update_columns(self.session, self.author, before, event)
        row = self._row(models.Event, event.key)
        before = event_record(row)
        claimed = self._begin_edit(row, event.stamp.version, before, event)
        self._apply(row, event)
        row.author = self.author or row.author
        self._end_edit(row, claimed, before, event_record(row))
        return event_record(row)

    def delete(self, key: str) -> EventRecord:
        row = self._row(models.Event, key)
        record = event_record(row)
        self.session.delete(row)
        self._flush()
        return record

    def timeline_columns(self) -> TimelineColumns:
        """Every event as columns, without its texts (``timeline_rows.timeline_columns``): the
        window's catalog and the timeline load a million events through it."""
        return timeline_columns(self.session)

    def label_texts(self, keys: Sequence[str] | None = None) -> LabelTexts:
        """Title, start and end of the events ``keys`` names, or of all (in id order)."""
        return label_texts(self.session, keys)

    def texts(self) -> builtins.list[EventText]:
        """What the text filter searches of every event (title, summary, actor and tag
        names), in id order: a fraction of the cost of ``list``."""
        return event_texts(self.session)

    def joined_texts(self) -> JoinedTexts | None:
        """What ``texts`` gives, joined by the database in one statement when it can
        (``joined_event_texts``: SQLite), else None."""
        return joined_event_texts(self.session)

    def actor_names(self) -> builtins.list[str]:
        """The names of the actors some event names, sorted."""
        statement = (
            select(models.Actor.name)
            .where(models.Actor.id.in_(select(models.EventActor.actor_id)))
            .order_by(models.Actor.name)
        )
        return [str(name) for name in self.session.scalars(statement)]

    def tag_names(self) -> builtins.list[str]:
        """The names of the tags some event carries, sorted."""
        tag = models.Tag.__table__.c
        statement = (
            select(tag.name)
            .where(tag.id.in_(select(models.event_tags.c.tag_id)))
            .order_by(tag.name)
        )
        return [str(name) for name in self._table_rows(statement).scalars()]

    def _apply(self, row: models.Event, event: EventRecord) -> None:
        apply_fields(row, {name: getattr(event, name) for name in _FIELDS})
        row.lane = self._lane(event.lane)
        self._set_actors(row, event.actors)
        row.tags = self._named(models.Tag, event.tags)
        if list(row.aliases or ()) != list(event.aliases):
            row.aliases = list(event.aliases)

    def _set_actors(self, row: models.Event, names: tuple[str, ...]) -> None:
        actors = self._named(models.Actor, names)
        current = [link.actor for link in row.actor_links]
        if [a.name for a in current] == [a.name for a in actors]:
            return
        if row.actor_links:  # the old links go first: (event, actor) is the primary key
            row.actor_links.clear()
            self.session.flush()
        row.actor_links.extend(models.EventActor(actor=actor) for actor in actors)

    def _lane(self, key: str) -> models.Lane | None:
        if not key:
            return None
        from db.repositories.lanes import LaneRepository

        rows = self._bulk
        lane: models.Lane | None = rows.get((models.Lane, key)) if rows is not None else None
        if lane is None:
            lane = LaneRepository(self.session).ensure(key)
            if rows is not None:
                rows[(models.Lane, key)] = lane
        return lane

    def _named(self, model: Any, names: Iterable[str]) -> builtins.list[Any]:
        wanted = list(dict.fromkeys(name.strip() for name in names if name.strip()))
        if not wanted:
            return []
        known = self._existing_names(model, wanted)
        rows = []
        for name in wanted:
            row = known.get((model, name))
            if row is None:
                row = known[(model, name)] = model(name=name)
                self.session.add(row)
            rows.append(row)
        return rows

    def _existing_names(self, model: Any, wanted: builtins.list[str]) -> dict[Any, Any]:
        """Rows by (model, name): those named in ``wanted``; in a bulk load every row of the
        model, read once, in the load's own dict (so the rows it creates are found too)."""
        bulk = self._bulk
        if bulk is None:
            statement = select(model).where(model.name.in_(wanted))
            return {(model, row.name): row for row in self.session.scalars(statement)}
        if (model, "") not in bulk:  # no name is empty: the mark that all were read
            bulk[(model, "")] = None
            bulk.update(((model, row.name), row) for row in self.session.scalars(select(model)))
        return bulk
