"""Accepting a suggestion: a person said yes, so the passage and its link are made.

The writes go through the undoable editing commands (``CreateEvent`` for a new event, then
``CreatePassage`` with the link), so an accepted suggestion can be undone like any edit. Give
``history`` to record them on the window's undo history; without it they are simply done.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.errors import LibraryError
from db.library import Library
from db.records import EventRecord, PassageLink
from desktop.core.anchoring import make_anchor
from desktop.core.dates import DateSpan
from desktop.core.editing import Changes, Command, CreateEvent, CreatePassage, UndoHistory, new_key
from desktop.core.importing.review import ReviewItem, SuggestionKind


class ReviewError(LibraryError):
    """A suggestion could not be accepted; nothing was changed."""


@dataclass(frozen=True, slots=True)
class NewEventDetails:
    """What a person gives to accept a candidate new event (its date comes from the item)."""

    title: str
    lane: str = ""
    summary: str = ""


@dataclass(frozen=True, slots=True)
class AcceptedSuggestion:
    passage_key: str
    event_key: str
    changes: Changes


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
    """Create the passage ``span`` (default: the item's) and link it to the item's event.

    The link has origin ``suggested`` and the item's confidence. A ``NEW_EVENT`` item needs
    ``new_event`` and first creates that event at the date found. Raises ``ReviewError`` (or
    the editing commands' ``LibraryError``) with nothing changed when it cannot be done.
    """
    start, end = span if span is not None else (item.start, item.end)
    with library.unit_of_work() as uow:
        text = uow.sources.get(source_key).full_text
    if text is None:
        raise ReviewError(f"Source {source_key} has no text to mark a passage in.")
    try:
        make_anchor(text, start, end)
    except ValueError as error:
        raise ReviewError(f"Cannot mark that passage: {error}.") from error
    if start >= end:
        raise ReviewError("Cannot mark an empty passage.")
    commands: list[Command] = []
    event_key = item.event_key
    if item.kind is SuggestionKind.NEW_EVENT:
        event = _event_record(item, new_event)
        commands.append(CreateEvent(event, author))
        event_key = event.key
    if event_key is None:
        raise ReviewError("The suggestion names no event.")
    link = PassageLink(event_key, item.confidence, "suggested")
    create = CreatePassage(source_key, start, end, (link,), author)
    commands.append(create)
    changes = _run_all(library, commands, history)
    return AcceptedSuggestion(create.passage.key, event_key, changes)


def _run_all(library: Library, commands: list[Command], history: UndoHistory | None) -> Changes:
    """Do ``commands`` in order; if one fails, undo those already done and re-raise."""
    changes = Changes()
    done: list[Command] = []
    try:
        for command in commands:
            changes = changes | (history.run(command, library) if history else command.do(library))
            done.append(command)
    except LibraryError:
        for command in reversed(done):
            if history is not None:
                history.undo(library)
            else:
                command.undo(library)
        raise
    return changes


def _event_record(item: ReviewItem, details: NewEventDetails | None) -> EventRecord:
    if details is None or not details.title.strip() or item.date_start is None:
        raise ReviewError("A new event needs a title (and the suggestion a date).")
    span = DateSpan.from_edtf(item.date_start, item.date_end)
    return EventRecord(
        key=new_key(details.title, "event"),
        title=details.title.strip(),
        start=item.date_start,
        end=item.date_end,
        t_lo=span.t_lo,
        t_hi=span.t_hi,
        summary=details.summary,
        lane=details.lane,
    )
