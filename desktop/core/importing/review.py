"""Suggestions to review for a source: found at import, stored, read back for a person.

Nothing here links anything. ``find_suggestions`` proposes (pure); ``store_suggestions`` keeps
the proposals of a source in the library (its ``suggestions`` table) in the caller's unit of
work, so they travel with the import's transaction; ``review_suggestions`` reads the pending
ones back. Accepting and rejecting are in ``reviewing`` (one undoable action for a whole
review). A suggestion's ``ref`` names what was suggested, not where (``link:<event key>`` or
``event:<EDTF start>[/<EDTF end>]``), so a rejection survives re-attaching a new text.

Other kinds ("claim", "code", ...) are stored by their own finders through
``store_found``; everything here is generic over the kind except the two finders of links and
new events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from db.library import Library
from db.records import SourceRecord, SuggestionRecord
from db.uow import UnitOfWork
from desktop.core.importing.finding import EVENT_KINDS, SuggestionKind, find_suggestions_in
from desktop.core.suggest import EventInfo

__all__ = [  # the finders' names, for the modules that import them from here
    "EVENT_KINDS",
    "SuggestionKind",
    "find_suggestions_in",
]

_EXCERPT = 400


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One suggestion: the passage ``[start, end)`` of the source's text and what it is about.

    ``id`` is the stored suggestion's number (0 for one not stored yet); ``ref`` names what is
    suggested. For ``link`` items ``event_key``/``event_title`` name the existing event; for
    ``new-event`` items ``date_start``/``date_end`` (EDTF) and ``date_display`` give the date
    found. ``confidence`` is 0..1; ``reasons`` say in words why it was suggested.
    """

    id: int
    kind: str
    ref: str
    start: int
    end: int
    excerpt: str
    confidence: float
    reasons: tuple[str, ...]
    event_key: str | None = None
    event_title: str = ""
    date_start: str | None = None
    date_end: str | None = None
    date_display: str = ""
    payload: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def load_event_infos(library: Library) -> tuple[EventInfo, ...]:
    """The library's events as the suggester sees them (load once per batch)."""
    with library.unit_of_work() as uow:
        return event_infos(uow)


def event_infos(uow: UnitOfWork) -> tuple[EventInfo, ...]:
    """Each event with its own aliases and those of its actors ("Россия" for "Russia")."""
    actor_aliases = uow.actors.aliases()
    return tuple(
        EventInfo(
            e.key,
            e.title,
            e.t_lo,
            e.t_hi,
            e.actors,
            e.tags,
            e.aliases,
            tuple((a, actor_aliases[a]) for a in e.actors if a in actor_aliases),
        )
        for e in uow.events.list()
    )


def find_suggestions(source: SourceRecord, events: Sequence[EventInfo]) -> list[SuggestionRecord]:
    """Links and candidate new events for ``source``'s text (pure; nothing stored)."""
    return find_suggestions_in(source.key, source.full_text, source.published, events)


def store_suggestions(
    uow: UnitOfWork, source_key: str, events: Sequence[EventInfo] | None = None
) -> list[SuggestionRecord]:
    """Find the source's links and new events and store them as pending, in ``uow``.

    Pending suggestions of those kinds found earlier are replaced; decided ones stay and are
    not proposed again. The caller commits.
    """
    known = tuple(events) if events is not None else event_infos(uow)
    found = find_suggestions(uow.sources.get(source_key), known)
    return store_found(uow, source_key, EVENT_KINDS, found)


def store_found(
    uow: UnitOfWork, source_key: str, kinds: Iterable[str], found: Iterable[SuggestionRecord]
) -> list[SuggestionRecord]:
    """Replace the source's pending suggestions of ``kinds`` by ``found`` (any kind)."""
    return uow.suggestions.replace_pending(source_key, kinds, found)


def review_suggestions(
    library: Library, source_key: str, *, kinds: Iterable[str] = ()
) -> list[ReviewItem]:
    """The pending suggestions for ``source_key`` (of ``kinds``, default all), best first.

    Links to events a passage of this source is already linked to are left out. Reading
    never changes the library.
    """
    with library.unit_of_work() as uow:
        uow.sources.get(source_key)
        stored = uow.suggestions.for_source(source_key, kinds=tuple(kinds))
        linked = {link.event_key for p in uow.passages.for_source(source_key) for link in p.links}
        titles = {e.key: e.title for e in uow.events.list()} if stored else {}
    return [
        review_item(s, titles)
        for s in stored
        if not (s.kind == SuggestionKind.LINK and s.target in linked)
    ]


def review_item(suggestion: SuggestionRecord, titles: dict[str, str]) -> ReviewItem:
    """The stored suggestion as a person reviews it."""
    payload = suggestion.payload
    is_event = suggestion.kind in EVENT_KINDS and bool(suggestion.target)
    # other kinds (passages, claims, codes) name their event in the payload
    event = suggestion.target if is_event else str(payload.get("event_key") or "")
    return ReviewItem(
        id=suggestion.id or 0,
        kind=suggestion.kind,
        ref=suggestion.ref,
        start=suggestion.start,
        end=suggestion.end,
        excerpt=suggestion.quote[:_EXCERPT],
        confidence=suggestion.confidence,
        reasons=suggestion.reasons,
        event_key=event or None,
        event_title=titles.get(event, ""),
        date_start=payload.get("date_start"),
        date_end=payload.get("date_end"),
        date_display=str(payload.get("date_display", "")),
        payload=dict(payload),
    )
