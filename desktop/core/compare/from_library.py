"""Load what a comparison needs from a library and build it.

Everything is read in one unit of work, so a comparison never mixes two states of the library.
Nothing is written. Finding an event from a query lives in ``event_query``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from db.library import Library
from db.records import ClaimRecord, CodeRecord, EventRecord, PassageRecord, SourceRecord
from desktop.core.compare.build import build_comparison
from desktop.core.compare.coverage import build_coverage
from desktop.core.compare.event_query import (
    AmbiguousEventError,
    EventNotFoundError,
    find_event,
)
from desktop.core.compare.model import Comparison, CoverageMatrix
from desktop.core.team.coders import CoderFilter


class SourceNotFoundError(LookupError):
    """A requested source key is not in the library; ``known`` lists the keys that are."""

    def __init__(self, missing: Sequence[str], known: Sequence[str]) -> None:
        self.missing = tuple(missing)
        self.known = tuple(known)
        super().__init__(
            f"Unknown source key(s): {', '.join(missing)}. Known keys: {', '.join(known)}."
        )


@dataclass(frozen=True, slots=True)
class LibrarySnapshot:
    """Every record a comparison may use, read in one unit of work."""

    events: tuple[EventRecord, ...]
    sources: tuple[SourceRecord, ...]
    passages: tuple[PassageRecord, ...]
    codes: tuple[CodeRecord, ...]
    claims: tuple[ClaimRecord, ...]
    awaiting_review: frozenset[str] = frozenset()


def read_snapshot(library: Library) -> LibrarySnapshot:
    """Read events, sources, passages, codes and claims in one unit of work (read-only)."""
    with library.unit_of_work() as uow:
        return LibrarySnapshot(
            events=tuple(uow.events.list()),
            sources=tuple(uow.sources.list()),
            passages=tuple(uow.passages.list()),
            codes=tuple(uow.codes.list()),
            claims=tuple(uow.claims.list()),
            awaiting_review=frozenset(uow.suggestions.pending_counts()),
        )


@dataclass(frozen=True)
class KnownRecords:
    """What the caller has read of the library already (the window's catalog holds it): the
    event to compare, every source and every code, and whether any passage speaks of the
    event (None: not known)."""

    event: EventRecord
    sources: tuple[SourceRecord, ...]
    codes: tuple[CodeRecord, ...]
    has_passages: bool | None = None


def read_event_snapshot(
    library: Library, event_key: str, known: KnownRecords | None = None
) -> LibrarySnapshot | None:
    """What the comparison of one event needs, read in one unit of work: the event, every
    source and code, the passages about the event and their claims (None when the event no
    longer exists). Its cost follows the event's passages, not the size of the library.
    With ``known`` (of the same event) only the passages, claims and review counts are read;
    the rest is taken from it, as the caller last read it."""
    with library.unit_of_work() as uow:
        if known is not None and known.event.key == event_key:
            event, sources, codes = known.event, known.sources, known.codes
        else:
            found = uow.events.many([event_key])
            if not found:
                return None
            event, sources, codes = found[0], tuple(uow.sources.list()), tuple(uow.codes.list())
        unspoken = known is not None and known.has_passages is False
        passages = () if unspoken else tuple(uow.passages.for_event(event_key))
        return LibrarySnapshot(
            events=(event,),
            sources=sources,
            passages=passages,
            codes=codes,
            claims=(
                *uow.claims.for_passages(p.key for p in passages),
                *uow.claims.records_for_event(event_key),
            ),
            awaiting_review=frozenset(uow.suggestions.pending_counts()),
        )


def restrict_sources(snapshot: LibrarySnapshot, source_keys: Sequence[str]) -> LibrarySnapshot:
    """Keep only the named sources and their passages (and claims on those passages, and the
    record values that cite a reference instead of a passage).

    Raises ``SourceNotFoundError`` when a key is not in the library; an empty ``source_keys``
    keeps all.
    """
    if not source_keys:
        return snapshot
    known = [s.key for s in snapshot.sources]
    missing = [k for k in source_keys if k not in known]
    if missing:
        raise SourceNotFoundError(missing, sorted(known))
    wanted = set(source_keys)
    passages = tuple(p for p in snapshot.passages if p.source_key in wanted)
    kept = {p.key for p in passages}
    return LibrarySnapshot(
        events=snapshot.events,
        sources=tuple(s for s in snapshot.sources if s.key in wanted),
        passages=passages,
        codes=snapshot.codes,
        claims=tuple(c for c in snapshot.claims if c.passage_key is None or c.passage_key in kept),
        awaiting_review=snapshot.awaiting_review,
    )


def compare_snapshot(snapshot: LibrarySnapshot, event: EventRecord) -> Comparison:
    """The comparison of ``event`` over the snapshot; coverage spans all its events."""
    return build_comparison(
        event,
        snapshot.sources,
        snapshot.passages,
        snapshot.codes,
        snapshot.claims,
        all_events=snapshot.events,
        awaiting_review=snapshot.awaiting_review,
    )


def compare_in_library(
    library: Library, query: str, source_keys: Sequence[str] = (), first: bool = False
) -> Comparison:
    """Find the event for ``query`` (see ``event_query.find_event``) and compare the sources
    that speak of it.

    ``source_keys`` limits the comparison to those sources. Raises ``EventNotFoundError``,
    ``AmbiguousEventError`` (unless ``first``) or ``SourceNotFoundError``; reads the library
    once and writes nothing.
    """
    snapshot = read_snapshot(library)
    event = find_event(query, snapshot.events, first=first)
    return compare_snapshot(restrict_sources(snapshot, source_keys), event)


def compare_event_key(
    library: Library,
    event_key: str,
    coders: CoderFilter | None = None,
    known: KnownRecords | None = None,
) -> Comparison | None:
    """The comparison of the event with this exact key, or None when it no longer exists.

    Only the event's own passages are read, so its coverage matrix holds that one event (the
    whole library's is ``coverage_in_library``). ``coders`` keeps only some coders' codings
    (the passages all stay); ``known``: see ``read_event_snapshot``.
    """
    snapshot = read_event_snapshot(library, event_key, known)
    if snapshot is None:
        return None
    if coders is not None and not coders.is_all:
        snapshot = replace(snapshot, passages=coders.apply(snapshot.passages))
    return compare_snapshot(snapshot, snapshot.events[0])


def coverage_in_library(library: Library) -> CoverageMatrix:
    """Events x sources over the whole library (rows by start, columns by publication)."""
    snapshot = read_snapshot(library)
    codes = {c.key: c for c in snapshot.codes}
    return build_coverage(snapshot.events, snapshot.sources, snapshot.passages, codes)


def source_passages(library: Library, source_key: str) -> tuple[PassageRecord, ...]:
    """The passages of one source in text order (start offset, then key)."""
    with library.unit_of_work() as uow:
        found = uow.passages.for_source(source_key)
    return tuple(sorted(found, key=lambda p: (p.start, p.key)))


__all__ = [
    "AmbiguousEventError",
    "EventNotFoundError",
    "KnownRecords",
    "LibrarySnapshot",
    "SourceNotFoundError",
    "compare_event_key",
    "compare_in_library",
    "coverage_in_library",
    "find_event",
    "read_event_snapshot",
    "read_snapshot",
    "restrict_sources",
    "source_passages",
]
