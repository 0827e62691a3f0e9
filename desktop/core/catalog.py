"""A read-only snapshot of what the window shows: events, lanes, sources, codes, coverage.

Built in one unit of work (``Catalog.load``) and replaced, never mutated, when the library
changes. ``updated`` re-reads only what a ``Changes`` value names (the changed events, and the
passage index when passages moved), so an edit or another client's change does not reload the
whole library. Views read it; nothing writes to it.
"""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from dataclasses import dataclass, field, replace

from db.library import Library
from db.records import CodeRecord, EraRecord, EventRecord, LaneRecord, SourceRecord
from desktop.model.changes import Changes
from desktop.model.source_identity import SourceIdentity, source_identity

WHOLE = ("everything", "sources", "codes", "lanes")  # a change of these reloads the whole catalog


@dataclass(frozen=True)
class Catalog:
    events: tuple[EventRecord, ...] = ()
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

    @classmethod
    def load(cls, library: Library) -> Catalog:
        with library.unit_of_work() as uow:
            events = tuple(uow.events.list())
            lanes = _lanes_in_use(uow.lanes.list(), events)
            sources = tuple(uow.sources.list())
            codes = tuple(uow.codes.list())
            eras = tuple(uow.lanes.list_eras())
            index = uow.passages.event_index()
        coverage, event_codes, counts = _index(index, [s.key for s in sources])
        return cls(events, lanes, eras, sources, codes, coverage, event_codes, counts)

    def updated(self, library: Library, changes: Changes) -> Catalog:
        """This catalog with what ``changes`` names re-read from ``library``."""
        if any(getattr(changes, name) for name in WHOLE):
            return Catalog.load(library)
        catalog = self
        with library.unit_of_work() as uow:
            if changes.events:
                fresh = [e for e in map(uow.events.find, sorted(changes.events)) if e is not None]
                if not {e.lane for e in fresh} <= {lane.key for lane in self.lanes}:
                    return Catalog.load(library)  # an event moved to a lane new to this catalog
                catalog = catalog._with_events(fresh, changes.events)
            if changes.events or changes.passages or changes.claims:
                index = uow.passages.event_index()
                coverage, event_codes, counts = _index(index, [s.key for s in self.sources])
                catalog = replace(
                    catalog, coverage=coverage, event_codes=event_codes, passage_counts=counts
                )
        return catalog

    def _with_events(self, fresh: list[EventRecord], changed: frozenset[str]) -> Catalog:
        """The events named ``changed`` replaced by ``fresh`` (those that still exist), each
        inserted at its place in time order: no re-sort of the whole library."""
        kept = [event for event in self.events if event.key not in changed]
        for event in fresh:
            insort(kept, event, key=_time_order)
        events = tuple(kept)
        lanes = _lanes_in_use([lane for lane in self.lanes if lane.key], events)
        return replace(self, events=events, lanes=lanes)

    def event(self, key: str) -> EventRecord | None:
        return self._events_by_key.get(key)

    @property
    def _events_by_key(self) -> dict[str, EventRecord]:
        cached: dict[str, EventRecord] | None = self.__dict__.get("_by_key")
        if cached is None:
            cached = {event.key: event for event in self.events}
            object.__setattr__(self, "_by_key", cached)
        return cached

    def source_identities(self) -> dict[str, SourceIdentity]:
        """Source key -> the label and colour it is shown with."""
        return {source.key: source_identity(source) for source in self.sources}

    def source_colors(self) -> dict[str, str]:
        return {key: identity.color for key, identity in self.source_identities().items()}

    def source_labels(self) -> dict[str, str]:
        return {key: identity.label for key, identity in self.source_identities().items()}

    def lane_index(self) -> dict[str, int]:
        return {lane.key: i for i, lane in enumerate(self.lanes)}


def _time_order(event: EventRecord) -> tuple[float, str]:
    return (event.t_lo, event.key)


def _lanes_in_use(
    lanes: list[LaneRecord], events: tuple[EventRecord, ...]
) -> tuple[LaneRecord, ...]:
    """The library's lanes, plus an 'Unassigned' lane if some event has none."""
    result = list(lanes)
    if any(not event.lane for event in events):
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
