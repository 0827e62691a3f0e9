"""Suggestions to review for a source: passages for existing events, and candidate new events.

Nothing here links anything: ``review_suggestions`` only proposes. ``accept_suggestion`` (in
``accepting``) acts on a person's word, ``reject_suggestion`` remembers a "no".

Rejections are kept in the library itself, in the ``uow.meta`` row ``review.rejected`` (a JSON
object: source key -> list of suggestion ids), so they do not come back on another machine or
after a restart. A suggestion id names what was suggested, not where: ``link:<event key>`` or
``event:<EDTF start>[/<EDTF end>]``, so a rejection survives re-attaching a new text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from db.library import Library
from db.uow import UnitOfWork
from desktop.core.dates import DateParseError, HistDate
from desktop.core.importing.body import article_body
from desktop.core.importing.candidates import candidate_events
from desktop.core.suggest import EventInfo, suggest_links

REJECTED_META = "review.rejected"
_EXCERPT = 400


class SuggestionKind(StrEnum):
    LINK = "link"
    NEW_EVENT = "new-event"


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One suggestion: the passage ``[start, end)`` of the source's text and what it is about.

    For ``LINK`` items ``event_key``/``event_title`` name the existing event; for ``NEW_EVENT``
    items ``date_start``/``date_end`` (EDTF) and ``date_display`` give the date found.
    ``confidence`` is 0..1; ``reasons`` say in words why it was suggested.
    """

    id: str
    kind: SuggestionKind
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


def load_event_infos(library: Library) -> tuple[EventInfo, ...]:
    """The library's events as the suggester sees them (load once per batch)."""
    with library.unit_of_work() as uow:
        return _event_infos(uow)


def _event_infos(uow: UnitOfWork) -> tuple[EventInfo, ...]:
    return tuple(
        EventInfo(e.key, e.title, e.t_lo, e.t_hi, e.actors, e.tags) for e in uow.events.list()
    )


def review_suggestions(
    library: Library, source_key: str, *, events: Sequence[EventInfo] | None = None
) -> list[ReviewItem]:
    """The open suggestions for ``source_key``, best first (empty for a source without text).

    Drops links to events a passage of this source is already linked to, and anything
    rejected before. ``events`` may be given to spare loading them (a batch).
    """
    with library.unit_of_work() as uow:
        source = uow.sources.get(source_key)
        if source.full_text is None:
            return []
        linked = {link.event_key for p in uow.passages.for_source(source_key) for link in p.links}
        rejected = set(rejected_ids(uow).get(source_key, ()))
        known = tuple(events) if events is not None else _event_infos(uow)
    text = source.full_text
    items = _link_items(text, _published(source.published), known)
    items += candidate_items(text, _published(source.published), known)
    titles = {event.key: event.title for event in known}
    kept = [
        replace(item, event_title=titles.get(item.event_key or "", ""))
        for item in items
        if item.id not in rejected and item.event_key not in linked
    ]
    return sorted(kept, key=lambda item: (-item.confidence, item.start, item.id))


def _published(published: str | None) -> HistDate | None:
    try:
        return HistDate.parse_edtf(published) if published else None
    except DateParseError:
        return None


def _link_items(
    text: str, published: HistDate | None, events: Sequence[EventInfo]
) -> list[ReviewItem]:
    lo, hi = article_body(text)
    found = suggest_links(text[lo:hi], published, events)
    return [
        ReviewItem(
            id=f"link:{s.event_key}",
            kind=SuggestionKind.LINK,
            start=lo + s.passage_start,
            end=lo + s.passage_end,
            excerpt=text[lo + s.passage_start : lo + s.passage_end][:_EXCERPT],
            confidence=s.confidence,
            reasons=s.reasons,
            event_key=s.event_key,
        )
        for s in found
    ]


def candidate_items(
    text: str, published: HistDate | None, events: Sequence[EventInfo]
) -> list[ReviewItem]:
    """Dates in the body that no event covers, as candidate new events."""
    lo, hi = article_body(text)
    items = []
    for found in candidate_events(text[lo:hi], published, events):
        start, end = found.date.to_edtf()
        items.append(
            ReviewItem(
                id=f"event:{start}" + (f"/{end}" if end else ""),
                kind=SuggestionKind.NEW_EVENT,
                start=lo + found.start,
                end=lo + found.end,
                excerpt=text[lo + found.start : lo + found.end][:_EXCERPT],
                confidence=found.confidence,
                reasons=found.reasons,
                date_start=start,
                date_end=end,
                date_display=found.date.display(),
            )
        )
    return items


def rejected_ids(uow: UnitOfWork) -> dict[str, list[str]]:
    """Every rejection recorded in the library (see the module docstring)."""
    raw = uow.meta.get(REJECTED_META, "")
    try:
        value = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def reject_suggestion(library: Library, source_key: str, item_id: str, author: str = "") -> None:
    """Remember that ``item_id`` is not to be suggested again for ``source_key``."""
    with library.unit_of_work(author) as uow:
        uow.sources.get(source_key)
        rejected = rejected_ids(uow)
        ids = rejected.setdefault(source_key, [])
        if item_id not in ids:
            ids.append(item_id)
        uow.meta.set(REJECTED_META, json.dumps(rejected, sort_keys=True))
        uow.commit()
