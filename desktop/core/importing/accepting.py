"""A person's word on suggestions: the one core behind the review panel and ``parallax review``.

``review`` accepts and rejects any number of a source's pending suggestions as one undoable
action (``ReviewSuggestions``); ``accept_suggestion`` and ``reject_suggestion`` are the
one-item cases the panel uses. Give ``history`` to record the action on the window's undo
history; without it, it is simply done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from db.library import Library
from desktop.core.editing import UndoHistory, perform
from desktop.core.importing.review import ReviewItem, review_suggestions
from desktop.core.importing.reviewing import (
    Choice,
    Created,
    NewEventDetails,
    ReviewError,
    ReviewSuggestions,
)
from desktop.model.changes import Changes


@dataclass(frozen=True, slots=True)
class AcceptedSuggestion:
    passage_key: str
    event_key: str
    changes: Changes


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """What one review did: the suggestions accepted and rejected, the passages made."""

    accepted: tuple[int, ...]
    rejected: tuple[int, ...]
    passages: tuple[str, ...]
    changes: Changes

    def describe(self) -> str:
        return (
            f"accepted {len(self.accepted)}, rejected {len(self.rejected)}; "
            f"{len(self.passages)} passages made"
        )


def review(
    library: Library,
    source_key: str,
    *,
    accept: Iterable[int] = (),
    reject: Iterable[int] = (),
    accept_above: float | None = None,
    author: str = "",
    history: UndoHistory | None = None,
) -> ReviewOutcome:
    """Accept ``accept`` (plus every pending suggestion with confidence >= ``accept_above``)
    and reject ``reject``, all or nothing. Raises ``ReviewError`` (or another
    ``LibraryError``) with nothing changed when any of them cannot be done."""
    wanted = list(accept)
    if accept_above is not None:
        if not 0.0 <= accept_above <= 1.0:
            raise ReviewError(f"--accept-above takes a confidence from 0 to 1, not {accept_above}.")
        rejected = set(reject)
        wanted += [
            item.id
            for item in review_suggestions(library, source_key)
            if item.confidence >= accept_above and item.id not in rejected
        ]
    command = ReviewSuggestions(source_key, wanted, reject, author)
    changes = history.run(command, library) if history else perform(command, library)
    passages = tuple(p.key for made in command.created.values() for p in made.passages)
    return ReviewOutcome(command.accept, command.reject, passages, changes)


def acceptance(
    source_key: str,
    item: ReviewItem,
    *,
    author: str = "",
    span: tuple[int, int] | None = None,
    new_event: NewEventDetails | None = None,
) -> ReviewSuggestions:
    """The one undoable command that accepts ``item`` (over ``span`` if given); run it through
    a history (the window's editing controller) and read the result with :func:`accepted`."""
    choice = Choice(span=span, new_event=new_event)
    return ReviewSuggestions(source_key, (item.id,), (), author, {item.id: choice})


def accepted(
    command: ReviewSuggestions, item: ReviewItem, changes: Changes | None = None
) -> AcceptedSuggestion:
    """What running ``acceptance(..., item)`` made: the passage it made or widened (the claim's
    passage; "" when an existing passage already covered a link), the event and, when the
    caller has them, the changes."""
    made = command.created.get(item.id, Created())
    keys = [p.key for p in made.passages] + [after.key for _before, after in made.edits]
    keys += [c.passage_key for c in made.claims if c.passage_key is not None]
    links = [lk.event_key for p in made.passages for lk in p.links]
    event = links[0] if links else item.event_key or ""
    return AcceptedSuggestion(keys[0] if keys else "", event, changes or Changes())


def accept_suggestion(
    library: Library,
    source_key: str,
    item: ReviewItem,
    *,
    author: str = "",
    span: tuple[int, int] | None = None,
    new_event: NewEventDetails | None = None,
    history: UndoHistory | None = None,
) -> AcceptedSuggestion:
    """Accept ``item``: a link or new event makes the passage ``span`` (default: the item's)
    linked to the event (origin ``suggested``, the item's confidence; a ``new-event`` item
    needs ``new_event`` and first creates that event at the date found); other kinds do what
    their acceptor says (a claim or code makes or reuses its passage)."""
    command = acceptance(source_key, item, author=author, span=span, new_event=new_event)
    changes = history.run(command, library) if history else perform(command, library)
    return accepted(command, item, changes)


def reject_suggestion(
    library: Library,
    source_key: str,
    item_id: int,
    author: str = "",
    history: UndoHistory | None = None,
) -> Changes:
    """Mark ``item_id`` rejected: it is not suggested again for ``source_key``."""
    command = ReviewSuggestions(source_key, (), (item_id,), author)
    return history.run(command, library) if history else perform(command, library)


__all__ = [
    "AcceptedSuggestion",
    "NewEventDetails",
    "ReviewError",
    "ReviewOutcome",
    "accept_suggestion",
    "acceptance",
    "accepted",
    "reject_suggestion",
    "review",
]
