"""What accepting an assisted suggestion makes, registered with the review core.

``passage``: the passage with its event link. ``claim``: a claim on that passage. ``code``: a
coding of that passage, or its tone or epistemic status. A claim or code accepted before (or
without) its passage makes the passage too, so "accept everything above X" works in any order
and accepting a claim alone still anchors it; a passage already made for the same span, or one
of the same event overlapping it (an accepted link's sentence), is reused and widened to cover
the suggestion, never doubled. Call :func:`register` once from the
composition root (``cli.py``, ``app.py``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from db.records import ClaimRecord, CodingRecord, PassageLink, PassageRecord, SuggestionRecord
from db.uow import UnitOfWork
from desktop.core.editing.keys import new_key
from desktop.core.editing.passages import anchored
from desktop.core.importing.reviewing import (
    Choice,
    Created,
    ReviewError,
    passage_for,
    register_acceptor,
)

PASSAGE, CLAIM, CODE = "passage", "claim", "code"
KINDS = (PASSAGE, CLAIM, CODE)


def register() -> None:
    """Teach the review core to accept passages, claims and codes."""
    register_acceptor(PASSAGE, _accept_passage)
    register_acceptor(CLAIM, _accept_claim)
    register_acceptor(CODE, _accept_code)


def _span(suggestion: SuggestionRecord, choice: Choice) -> tuple[int, int]:
    if choice.span is not None:
        return choice.span
    payload = suggestion.payload
    start, end = payload.get("passage_start", suggestion.start), payload.get("passage_end")
    return (int(start), int(end if end is not None else suggestion.end))


def _link(suggestion: SuggestionRecord) -> PassageLink:
    event = str(suggestion.payload.get("event_key") or suggestion.target)
    confidence = float(suggestion.payload.get("passage_confidence", suggestion.confidence))
    return PassageLink(event, round(confidence, 3), "suggested")


def _existing(
    uow: UnitOfWork, source_key: str, span: tuple[int, int], event_key: str
) -> PassageRecord | None:
    """The source's passage at exactly ``span``, else one of the same event overlapping it."""
    overlapping = None
    for passage in uow.passages.for_source(source_key):
        if (passage.start, passage.end) == span:
            return passage
        linked = any(link.event_key == event_key for link in passage.links)
        if linked and passage.start < span[1] and span[0] < passage.end:
            overlapping = overlapping or passage
    return overlapping


def _parent(
    uow: UnitOfWork, suggestion: SuggestionRecord, choice: Choice
) -> tuple[PassageRecord, PassageRecord | None]:
    """The passage the suggestion belongs to (widened to cover its span) and, when it exists
    already, how it was before; ``None`` means it must be made now."""
    span = _span(suggestion, choice)
    link = _link(suggestion)
    if uow.events.find(link.event_key) is None:
        raise ReviewError(f"Suggestion {suggestion.id} names no event of this library.")
    found = _existing(uow, suggestion.source_key, span, link.event_key)
    if found is not None:
        start, end = min(found.start, span[0]), max(found.end, span[1])
        if (start, end) == (found.start, found.end):
            return found, found
        text = uow.sources.get(suggestion.source_key).full_text
        return anchored(replace(found, start=start, end=end), text), found
    placed = replace(suggestion, start=span[0], end=span[1])
    return passage_for(uow, placed, Choice(span=span), (link,)), None


def _with_link(passage: PassageRecord, link: PassageLink) -> PassageRecord:
    if any(existing.event_key == link.event_key for existing in passage.links):
        return passage
    return replace(passage, links=(*passage.links, link))


def _made(passage: PassageRecord, before: PassageRecord | None) -> Created:
    """A new passage to add, or an edit of ``before`` (nothing when it did not change)."""
    if before is None:
        return Created(passages=(passage,))
    if before == passage:
        return Created()
    return Created(edits=((before, passage),))


def _accept_passage(uow: UnitOfWork, suggestion: SuggestionRecord, choice: Choice) -> Created:
    passage, before = _parent(uow, suggestion, choice)
    return _made(_with_link(passage, _link(suggestion)), before)


def _accept_claim(uow: UnitOfWork, suggestion: SuggestionRecord, choice: Choice) -> Created:
    data: dict[str, Any] = dict(suggestion.payload.get("claim") or {})
    if not data.get("subject") or data.get("kind") not in ("number", "date"):
        raise ReviewError(f"Suggestion {suggestion.id} holds no claim.")
    passage, before = _parent(uow, suggestion, choice)
    claim = ClaimRecord(
        key=new_key(str(data["subject"]), "claim"),
        passage_key=passage.key,
        subject=str(data["subject"]),
        kind=str(data["kind"]),
        stated=str(data.get("stated", "")),
        low=_number(data.get("low")),
        high=_number(data.get("high")),
        date=data.get("date"),
        unit=str(data.get("unit") or ""),
        hedge=str(data.get("hedge") or "exact"),
    )
    made = _made(passage, before)
    return Created(made.events, made.passages, (claim,), made.edits)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _accept_code(uow: UnitOfWork, suggestion: SuggestionRecord, choice: Choice) -> Created:
    field = str(suggestion.payload.get("field", "code"))
    value = str(suggestion.payload.get("value") or suggestion.target)
    passage, before = _parent(uow, suggestion, choice)
    if field == "tone":
        changed = replace(passage, tone=value)
    elif field == "epistemic":
        changed = replace(passage, epistemic=value)
    else:
        if uow.codes.find(value) is None:
            raise ReviewError(f"Suggestion {suggestion.id} names no code of this library.")
        coding = CodingRecord(value, uow.author, None, passage.key)
        mine = [c for c in passage.codings if (c.code_key, c.coder) == (value, uow.author)]
        changed = passage if mine else replace(passage, codings=(*passage.codings, coding))
    return _made(changed, before)
