"""A read-only snapshot of what the window shows: events, lanes, sources, codes, coverage.

Built in one unit of work (``Catalog.load``) and replaced, never mutated, when the library
changes. ``updated`` re-reads only what a ``Changes`` value names (the changed events, and the
passage index when passages moved), so an edit or another client's change does not reload the
whole library. Views read it; nothing writes to it.

Opening a library reads every event as columns (``columns``: key, lane, times, importance,
title, dates), which is all the first frame of the timeline and the counts need; the full
records (``events``: summary, actors, tags, aliases, stamps) are read from the library the
first time something asks for them, and ``event(key)`` reads one record until then. Callers
see the same records either way.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from db.library import Library
from db.records import CodeRecord, EraRecord, EventRecord, LaneRecord, SourceRecord
from db.repositories.event_texts import JoinedTexts
from db.repositories.timeline_rows import LabelTexts
from desktop.core.collection_policy import collections_paused
from desktop.core.deferred_texts import TextReader
from desktop.core.event_columns import EventColumns
from desktop.core.search_texts import patched_texts, read_search_texts, search_text
from desktop.model.changes import Changes
from desktop.model.source_identity import SourceIdentity, source_identity

WHOLE = ("everything", "sources", "codes", "lanes")  # a change of these reloads the whole catalog
_TEXTS_READ = threading.Lock()  # one reader of search texts at a time (a worker may be reading)


@dataclass(frozen=True, eq=False)
class Catalog:
    columns: EventColumns = field(default_factory=EventColumns)
    lanes: tuple[LaneRecord, ...] = ()
    eras: tuple[EraRecord, ...] = ()
    sources: tuple[SourceRecord, ...] = ()
    codes: tuple[CodeRecord, ...] = ()
    # event key -> source keys (publication order) that have passages about it
    coverage: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # event key -> code keys applied to passages about it
    event_codes: dict[str, frozenset[str]] = field(default_factory=dict)
    # event key -> number of passages about it
    passage_counts: dict[str, int] = field(default_factory=dict)
    tags: tuple[str, ...] = ()  # names of the tags events carry, sorted
    # where the records are read from when first needed (None: ``records`` holds them all)
    library: Library | None = None
    records: tuple[EventRecord, ...] | None = None  # every record, once read

    @classmethod
    def load(cls, library: Library) -> Catalog:
        with collections_paused(), library.unit_of_work() as uow:
            columns = EventColumns.of(uow.events.timeline_columns(), _text_reader(library))
            lanes = _lanes_in_use(uow.lanes.list(), columns)
            sources = tuple(uow.sources.list())
            codes = tuple(uow.codes.list())
            eras = tuple(uow.lanes.list_eras())
            index = uow.passages.event_index()
            tags = tuple(uow.events.tag_names())
        coverage, event_codes, counts = _index(index, [s.key for s in sources])
        return cls(
            columns, lanes, eras, sources, codes, coverage, event_codes, counts, tags, library
        )

    @property
    def events(self) -> tuple[EventRecord, ...]:
        """Every event's record in time order (start, then key), read on first use;
        ``events[k]`` is always the record of ``keys[k]``, even when another client changed
        the library since the columns were read (the change's notification reloads)."""
        found = self.records if self.records is not None else self.__dict__.get("_events")
        if found is None:
            read: list[EventRecord] = []
            if self.library is not None and len(self.columns):
                with self.library.unit_of_work() as uow:
                    read = uow.events.list()
            found = _aligned(read, self.columns)
            object.__setattr__(self, "_events", found)
        return found

    def search_texts(self, joined: JoinedTexts | None = None) -> Sequence[str]:
        """What the text filter looks in (``search_text``) for every event, in the order of
        ``keys``: from the records when they are read, else read in bulk from the library
        (only the searched columns, not the records); then kept, and patched by ``updated``.
        May be called from a worker thread (``Workbench.prepare_search``): a caller waits
        while another reads. ``joined``: the library's join of them, read ahead for this
        catalog (``Workbench.read_search_ahead``), used instead of reading it again."""
        with _TEXTS_READ:
            found: Sequence[str] | None = self.__dict__.get("_texts")
            if found is None:
                found = self._read_texts(joined)
                object.__setattr__(self, "_texts", found)
        return found

    @property
    def search_texts_read(self) -> bool:
        """True once ``search_texts`` costs nothing more."""
        return "_texts" in self.__dict__

    def _read_texts(self, joined: JoinedTexts | None = None) -> tuple[str, ...]:
        if self.events_read or self.library is None or not len(self.columns):
            return tuple(map(search_text, self.events))
        with self.library.unit_of_work() as uow:
            return read_search_texts(uow.events, self.columns, joined)

    def __eq__(self, other: object) -> bool:
        """Same content (reads every record of both)."""
        if not isinstance(other, Catalog):
            return NotImplemented
        return self._content() == other._content()

    __hash__ = None  # type: ignore[assignment]  # equal by content

    def _content(self) -> tuple[object, ...]:
        return (
            self.columns,
            self.lanes,
            self.eras,
            self.sources,
            self.codes,
            self.coverage,
            self.event_codes,
            self.passage_counts,
            self.tags,
            self.events,
        )

    @property
    def events_read(self) -> bool:
        """True once every record is in memory (``events`` costs nothing more)."""
        return self.records is not None or "_events" in self.__dict__

    @property
    def keys(self) -> tuple[str, ...]:
        """Every event's key, in time order."""
        return self.columns.keys

    @property
    def count(self) -> int:
        """How many events the library holds."""
        return len(self.columns)

    def has(self, key: str) -> bool:
        return self.columns.position(key) is not None

    def updated(self, library: Library, changes: Changes) -> Catalog:
        """This catalog with what ``changes`` names re-read from ``library``."""
        if any(getattr(changes, name) for name in WHOLE):
            return Catalog.load(library)
        catalog = self
        fresh: list[EventRecord] = []
        with library.unit_of_work() as uow:
            if changes.events:
                fresh = sorted(uow.events.many(changes.events), key=lambda e: e.key)
                if not {e.lane for e in fresh} <= {lane.key for lane in self.lanes}:
                    return Catalog.load(library)  # an event moved to a lane new to this catalog
                catalog = catalog._with_events(fresh, changes.events)
                if not self._same_tags(fresh, changes.events):
                    catalog = replace(catalog, tags=tuple(uow.events.tag_names()))
            if changes.passages or changes.claims or not self._edited_only(fresh, changes):
                index = uow.passages.event_index()
                coverage, event_codes, counts = _index(index, [s.key for s in self.sources])
                catalog = replace(
                    catalog, coverage=coverage, event_codes=event_codes, passage_counts=counts
                )
        if catalog is not self:
            catalog.__dict__["_read"] = {event.key: event for event in fresh}
            catalog._carry(self, changes.events)
        return catalog

    def _same_tags(self, fresh: list[EventRecord], changed: frozenset[str]) -> bool:
        """Whether the library's tag names stay those of this catalog when the events
        ``changed`` become ``fresh``: each kept the tags it had (as far as this catalog has
        read its record; an unread one may have lost some) and took none new to the library."""
        now = {event.key: event.tags for event in fresh}
        for key in changed:
            before = self._read_already(key)
            if self.has(key) and (before is None or set(before.tags) - set(now.get(key, ()))):
                return False
        return {tag for tags in now.values() for tag in tags} <= set(self.tags)

    def _edited_only(self, fresh: list[EventRecord], changes: Changes) -> bool:
        """Whether ``changes`` only edited events (none came or went), which leaves their
        passages, claims and codes as they were."""
        return len(fresh) == len(changes.events) and all(map(self.has, changes.events))

    def _read_already(self, key: str) -> EventRecord | None:
        """The record of ``key`` if this catalog has read it (alone or with all the others)."""
        if self.events_read:
            return self.event(key)
        found: EventRecord | None = self.__dict__.get("_read", {}).get(key)
        return found

    def _with_events(self, fresh: list[EventRecord], changed: frozenset[str]) -> Catalog:
        """The events named ``changed`` replaced by ``fresh`` (those that still exist), each
        inserted at its place in time order: no re-sort of the whole library. Records not yet
        read stay unread."""
        columns = self.columns.patched(fresh, changed)
        records = None
        if self.events_read:
            records = _patched_records(self.events, fresh, self.columns, columns)
        lanes = self.lanes  # the same lane column (an edit in place): the same lanes in use
        if columns.lanes is not self.columns.lanes:
            lanes = _lanes_in_use([lane for lane in self.lanes if lane.key], columns)
        return replace(self, columns=columns, lanes=lanes, records=records)

    def _carry(self, older: Catalog, changed: frozenset[str]) -> None:
        """Keep the records ``older`` read that this catalog did not re-read: all of them when
        the events did not change, else the single ones read so far of events not ``changed``
        (their fresh records are in ``_read`` already, or they are gone); and the search
        texts ``older`` read, with those of the fresh records written in."""
        if self.records is None and self.columns is older.columns and older.events_read:
            object.__setattr__(self, "_events", older.events)
        read: dict[str, EventRecord] = self.__dict__.setdefault("_read", {})
        texts = older.__dict__.get("_texts")
        if texts is not None and not self.search_texts_read:
            fresh = [read[key] for key in changed if key in read]
            texts = patched_texts(texts, older.columns, self.columns, fresh)
            object.__setattr__(self, "_texts", texts)
        for key, event in older.__dict__.get("_read", {}).items():
            if key not in changed:
                read.setdefault(key, event)

    def event(self, key: str) -> EventRecord | None:
        """The record of ``key`` (None when this catalog has no such event); read alone from
        the library while ``events`` has not been read."""
        if self.events_read:
            at = self.columns.position(key)  # events[k] is the record of keys[k]
            return None if at is None else self.events[at]
        if not self.has(key):
            return None
        read: dict[str, EventRecord] = self.__dict__.setdefault("_read", {})
        if key not in read and self.library is not None:
            with self.library.unit_of_work() as uow:
                found = uow.events.many([key])
            if not found:
                return None
            read[key] = found[0]
        return read.get(key)

    def actor_names(self) -> frozenset[str]:
        """The names of the actors some event names: from the records when they are read,
        else in one query (never by reading every record)."""
        if self.events_read or self.library is None:
            return frozenset(actor for event in self.events for actor in event.actors)
        with self.library.unit_of_work() as uow:
            return frozenset(uow.events.actor_names())

    def source_identities(self) -> dict[str, SourceIdentity]:
        """Source key -> the label and colour it is shown with."""
        return {source.key: source_identity(source) for source in self.sources}

    def source_colors(self) -> dict[str, str]:
        return {key: identity.color for key, identity in self.source_identities().items()}

    def source_labels(self) -> dict[str, str]:
        return {key: identity.label for key, identity in self.source_identities().items()}

    def lane_index(self) -> dict[str, int]:
        return {lane.key: i for i, lane in enumerate(self.lanes)}


def _text_reader(library: Library) -> TextReader:
    """Reads events' titles and dates from ``library``: a few by key outside a unit of
    work, all in one of their own (the columns read them when first needed, maybe on
    another thread)."""

    def read(keys: Sequence[str] | None) -> LabelTexts:
        if keys is not None:
            return library.label_texts(keys)
        with library.unit_of_work() as uow:
            return uow.events.label_texts()

    return read


def _patched_records(
    records: tuple[EventRecord, ...],
    fresh: list[EventRecord],
    before: EventColumns,
    after: EventColumns,
) -> tuple[EventRecord, ...]:
    """``records`` (in the order of ``before``) with ``fresh`` in, in the order of ``after``:
    written over their own rows when no event came, went or moved (a copy of the tuple, no
    lookup per event), else looked up by key."""
    if after.keys == before.keys:
        found = list(records)
        for event in fresh:
            at = after.position(event.key)
            assert at is not None  # the same keys
            found[at] = event
        return tuple(found)
    by_key = {event.key: event for event in fresh}
    old = {event.key: event for event in records}
    return tuple(by_key.get(key) or old[key] for key in after.keys)


def _aligned(read: list[EventRecord], columns: EventColumns) -> tuple[EventRecord, ...]:
    """``read`` in the order of ``columns``: records of events gone since stand in from the
    columns, events added since are left out (this catalog does not know them yet)."""
    if [event.key for event in read] == list(columns.keys):
        return tuple(read)
    by_key = {event.key: event for event in read}
    return tuple(
        by_key.get(key)
        or EventRecord(
            key=key,
            title=columns.titles[k],
            start=columns.starts[k],
            t_lo=float(columns.t_lo[k]),
            t_hi=float(columns.t_hi[k]),
            end=columns.ends[k],
            lane=columns.lanes[k],
            importance=int(columns.importance[k]),
            context=bool(columns.context[k]),
        )
        for k, key in enumerate(columns.keys)
    )


def _lanes_in_use(lanes: list[LaneRecord], columns: EventColumns) -> tuple[LaneRecord, ...]:
    """The library's lanes, plus an 'Unassigned' lane if some event has none."""
    result = list(lanes)
    if "" in columns.lanes:
        result.append(LaneRecord(key="", name="Unassigned", color="#9e9e9e", position=len(result)))
    return tuple(result)


def _index(
    rows: list[tuple[str, str, str, str | None]], source_order: list[str]
) -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]], dict[str, int]]:
    rank = {key: i for i, key in enumerate(source_order)}
    sources: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, set[str]] = defaultdict(set)
    passages: dict[str, set[str]] = defaultdict(set)
    for event_key, passage_key, source_key, code_key in rows:
        sources[event_key].add(source_key)
        passages[event_key].add(passage_key)
        if code_key is not None:
            codes[event_key].add(code_key)
    coverage = {k: tuple(sorted(v, key=lambda s: rank.get(s, 1 << 30))) for k, v in sources.items()}
    return (
        coverage,
        {k: frozenset(v) for k, v in codes.items()},
        {k: len(v) for k, v in passages.items()},
    )
