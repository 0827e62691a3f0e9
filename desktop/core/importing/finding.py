"""Finding a text's links and candidate new events: pure, no library, no database.

``find_suggestions_in`` is what a batch's worker processes run (``prepare``), so this module
imports nothing that reaches the database; ``review`` stores and reads back what it finds.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from db.records import SuggestionRecord
from desktop.core.importing.body import article_body
from desktop.core.importing.candidates import candidate_events
from desktop.core.suggest import (
    DateMention,
    EventInfo,
    Suggestion,
    dates_after_events,
    find_date_expressions,
    suggest_links,
)
from desktop.model.dates import DateParseError, HistDate


class SuggestionKind(StrEnum):
    """The kinds found here; other modules may store further kinds (plain strings)."""

    LINK = "link"
    NEW_EVENT = "new-event"


EVENT_KINDS = (SuggestionKind.LINK.value, SuggestionKind.NEW_EVENT.value)


def published_date(published: str | None) -> HistDate | None:
    try:
        return HistDate.parse_edtf(published) if published else None
    except DateParseError:
        return None


def find_suggestions_in(
    key: str, text: str | None, published_edtf: str | None, events: Sequence[EventInfo]
) -> list[SuggestionRecord]:
    """Links and candidate new events for a text published on ``published_edtf`` (pure), as
    suggestions of source ``key``."""
    if not text:
        return []
    published = published_date(published_edtf)
    lo, hi = article_body(text)
    body = text[lo:hi]
    mentions = find_date_expressions(body, published)
    links = suggest_links(body, published, events, mentions)
    after = dates_after_events(body, published, links, events)  # "three days after the crash"
    if after:
        mentions = sorted(mentions + after, key=lambda m: m.start)
    return _links(key, body, lo, links) + _candidates(key, body, lo, published, events, mentions)


def _links(key: str, body: str, lo: int, links: list[Suggestion]) -> list[SuggestionRecord]:
    """The links found in ``body``, the text's article body starting at offset ``lo``."""
    return [
        SuggestionRecord(
            source_key=key,
            kind=SuggestionKind.LINK.value,
            ref=f"link:{s.event_key}",
            start=lo + s.passage_start,
            end=lo + s.passage_end,
            quote=body[s.passage_start : s.passage_end],
            confidence=s.confidence,
            reasons=s.reasons,
            target=s.event_key,
        )
        for s in links
    ]


def _candidates(
    key: str,
    body: str,
    lo: int,
    published: HistDate | None,
    events: Sequence[EventInfo],
    mentions: list[DateMention],
) -> list[SuggestionRecord]:
    """Dates in ``body`` (starting at offset ``lo``) that no event covers, as candidate new
    events."""
    found = []
    for candidate in candidate_events(body, published, events, mentions):
        start, end = candidate.date.to_edtf()
        quote = body[candidate.start : candidate.end]
        payload = {
            "date_start": start,
            "date_end": end,
            "date_display": candidate.date.display(),
            "title": " ".join(quote.split())[:80],
        }
        found.append(
            SuggestionRecord(
                source_key=key,
                kind=SuggestionKind.NEW_EVENT.value,
                ref=f"event:{start}" + (f"/{end}" if end else ""),
                start=lo + candidate.start,
                end=lo + candidate.end,
                quote=quote,
                confidence=candidate.confidence,
                reasons=candidate.reasons,
                payload=payload,
            )
        )
    return found
