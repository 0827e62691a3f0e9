"""Accepting and rejecting suggestions: one person's review of a source, one undoable action.

``ReviewSuggestions`` accepts and rejects any number of a source's pending suggestions in ONE
unit of work (all or nothing) and is one step of the undo history. What accepting makes
depends on the suggestion's kind: an *acceptor* registered for the kind turns the stored
suggestion into records to add (events, passages with their links and codings, claims); the
command adds them, marks the suggestion accepted, and on undo deletes exactly those records and
marks it pending again. Redo adds the same records again, keys included.

Register an acceptor for a new kind with ``register_acceptor(kind, function)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from db.errors import LibraryError
from db.records import (
    ClaimRecord,
    EventRecord,
    PassageLink,
    PassageRecord,
    SuggestionRecord,
)
from db.uow import UnitOfWork
from desktop.core.editing.command import UnitCommand
from desktop.core.editing.edits import require_lane
from desktop.core.editing.keys import new_key
from desktop.core.editing.passages import anchored
from desktop.core.importing.review import SuggestionKind
from desktop.model.changes import Changes
from desktop.model.dates import DateSpan


class ReviewError(LibraryError):
    """A suggestion could not be accepted or rejected; nothing was changed."""


@dataclass(frozen=True, slots=True)
class NewEventDetails:
    """What a person gives to accept a candidate new event (its date comes from the item)."""

    title: str
    lane: str = ""
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Choice:
    """How a person accepts one suggestion: another span, or the new event's details."""

    span: tuple[int, int] | None = None
    new_event: NewEventDetails | None = None


@dataclass(frozen=True, slots=True)
class Created:
    """Records an acceptance adds, in this order: events, passages, claims; then ``edits`` of
    existing passages as ``(before, after)`` pairs (codes, tone, a further link), which undo
    puts back in reverse order."""

    events: tuple[EventRecord, ...] = ()
    passages: tuple[PassageRecord, ...] = ()
    claims: tuple[ClaimRecord, ...] = ()
    edits: tuple[tuple[PassageRecord, PassageRecord], ...] = ()

    def __or__(self, other: Created) -> Created:
        return Created(
            self.events + other.events,
            self.passages + other.passages,
            self.claims + other.claims,
            self.edits + other.edits,
        )


Acceptor = Callable[[UnitOfWork, SuggestionRecord, Choice], Created]
_ACCEPTORS: dict[str, Acceptor] = {}


def register_acceptor(kind: str, acceptor: Acceptor) -> None:
    """Say what accepting a suggestion of ``kind`` makes (replaces an earlier acceptor)."""
    _ACCEPTORS[kind] = acceptor


def passage_for(
    uow: UnitOfWork, suggestion: SuggestionRecord, choice: Choice, links: tuple[PassageLink, ...]
) -> PassageRecord:
    """The passage a suggestion proposes (or the span the person chose), anchored, keyed."""
    start, end = choice.span if choice.span is not None else (suggestion.start, suggestion.end)
    text = uow.sources.get(suggestion.source_key).full_text
    if start >= end:
        raise ReviewError("Cannot mark an empty passage.")
    if text is None or not 0 <= start < end <= len(text):
        size = len(text) if text is not None else 0
        raise ReviewError(f"Cannot mark that passage: {start}..{end} is not inside 0..{size}.")
    draft = PassageRecord("", suggestion.source_key, start, end, "", links=links)
    passage = anchored(draft, text)
    return replace(passage, key=new_key(passage.quote, "passage"))


def _accept_link(uow: UnitOfWork, suggestion: SuggestionRecord, choice: Choice) -> Created:
    if not suggestion.target or uow.events.find(suggestion.target) is None:
        raise ReviewError(f"Suggestion {suggestion.id} names no event of this library.")
    link = PassageLink(suggestion.target, round(suggestion.confidence, 3), "suggested")
    start, end = choice.span if choice.span is not None else (suggestion.start, suggestion.end)
    for passage in uow.passages.for_source(suggestion.source_key):
        linked = any(lk.event_key == suggestion.target for lk in passage.links)
        if linked and passage.start < end and start < passage.end:
            return Created()  # a passage of this event already covers it: never doubled
    return Created(passages=(passage_for(uow, suggestion, choice, (link,)),))


def _accept_new_event(uow: UnitOfWork, suggestion: SuggestionRecord, choice: Choice) -> Created:
    details = choice.new_event
    start = suggestion.payload.get("date_start")
    if details is None or not details.title.strip() or not isinstance(start, str):
        raise ReviewError("A new event needs a title (and the suggestion a date).")
    end = suggestion.payload.get("date_end")
    span = DateSpan.from_edtf(start, end if isinstance(end, str) else None)
    event = EventRecord(
        key=new_key(details.title, "event"),
        title=details.title.strip(),
        start=start,
        end=end if isinstance(end, str) else None,
        t_lo=span.t_lo,
        t_hi=span.t_hi,
        summary=details.summary,
        lane=details.lane,
    )
    if details.lane:
        require_lane(uow, details.lane)
    link = PassageLink(event.key, round(suggestion.confidence, 3), "suggested")
    return Created(events=(event,), passages=(passage_for(uow, suggestion, choice, (link,)),))


register_acceptor(SuggestionKind.LINK.value, _accept_link)
register_acceptor(SuggestionKind.NEW_EVENT.value, _accept_new_event)


class ReviewSuggestions(UnitCommand):
    """Accept and reject suggestions of one source as one undoable action."""

    def __init__(
        self,
        source_key: str,
        accept: Iterable[int] = (),
        reject: Iterable[int] = (),
        author: str = "",
        choices: Mapping[int, Choice] | None = None,
    ) -> None:
        super().__init__(author)
        self.source_key = source_key
        self.accept = tuple(dict.fromkeys(accept))
        self.reject = tuple(dict.fromkeys(reject))
        self.choices = dict(choices or {})
        both = set(self.accept) & set(self.reject)
        if both:
            raise ReviewError(f"Cannot both accept and reject {sorted(both)}.")
        self.label = _label(len(self.accept), len(self.reject))
        self.created: dict[int, Created] = {}

    def do(self, uow: UnitOfWork) -> Changes:
        for number in self.reject:
            self._pending(uow, number)
            uow.suggestions.set_status(number, "rejected")
        redo = bool(self.created)
        for number in self.accept:
            suggestion = self._pending(uow, number)
            if not redo:
                acceptor = _ACCEPTORS.get(suggestion.kind)
                if acceptor is None:
                    kind = suggestion.kind
                    raise ReviewError(f"Suggestions of kind '{kind}' cannot be accepted.")
                self.created[number] = acceptor(uow, suggestion, self.choices.get(number, Choice()))
            _add(uow, self.created[number])
            uow.suggestions.set_status(number, "accepted")
        return self._changes()

    def undo(self, uow: UnitOfWork) -> Changes:
        for created in reversed(list(self.created.values())):
            for before, _after in reversed(created.edits):
                _write(uow, before)
        made = list(self.created.values())
        # claims first, then passages, then events: one acceptance's claim may sit on a
        # passage another acceptance made, and deleting that passage cascades to it
        for claim in (c for created in made for c in created.claims):
            uow.claims.delete(claim.key)
        for passage in (p for created in made for p in created.passages):
            uow.passages.delete(passage.key)
        for event in (e for created in made for e in created.events):
            uow.events.delete(event.key)
        for number in self.accept + self.reject:
            uow.suggestions.set_status(number, "pending")
        return self._changes()

    def _pending(self, uow: UnitOfWork, number: int) -> SuggestionRecord:
        suggestion = uow.suggestions.get(number)
        if suggestion.source_key != self.source_key:
            raise ReviewError(f"Suggestion {number} is not about source {self.source_key}.")
        if suggestion.status != "pending":
            raise ReviewError(f"Suggestion {number} was already {suggestion.status}.")
        return suggestion

    def _changes(self) -> Changes:
        made = Created()
        for created in self.created.values():
            made = made | created
        events = {e.key for e in made.events}
        events |= {link.event_key for p in made.passages for link in p.links}
        edited = [after for _before, after in made.edits]
        events |= {link.event_key for p in edited for link in p.links}
        return Changes.of(
            sources=[self.source_key],
            passages=[p.key for p in made.passages] + [p.key for p in edited],
            codes={c.code_key for p in (*made.passages, *edited) for c in p.codings},
            events=events,
            claims=[c.key for c in made.claims],
        )


def _add(uow: UnitOfWork, created: Created) -> None:
    for event in created.events:
        uow.events.add(event)
    for passage in created.passages:
        uow.passages.add(passage)
    for claim in created.claims:
        uow.claims.add(claim)
    for _before, after in created.edits:
        _write(uow, after)


def _write(uow: UnitOfWork, passage: PassageRecord) -> None:
    """Make the stored passage look like ``passage`` (fields, links, codings)."""
    current = uow.passages.get(passage.key)
    uow.passages.update(replace(passage, stamp=current.stamp))


def _label(accepted: int, rejected: int) -> str:
    parts = []
    if accepted:
        parts.append(f"accept {accepted} suggestion" + ("s" if accepted != 1 else ""))
    if rejected:
        parts.append(f"reject {rejected} suggestion" + ("s" if rejected != 1 else ""))
    return ("Review: " + ", ".join(parts)) if parts else "Review"
