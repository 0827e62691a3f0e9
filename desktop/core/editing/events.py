"""Commands on timeline events: create, edit, move (drag), duplicate, delete."""

from __future__ import annotations

from dataclasses import replace

from db.records import ClaimRecord, EventRecord, NoteRecord, PassageLink, Stamp
from db.uow import UnitOfWork
from desktop.core.editing.command import Command, UnitCommand
from desktop.core.editing.edits import (
    Editable,
    RecordEdit,
    delete_checked,
    require_lane,
    with_times,
)
from desktop.core.editing.keys import new_key
from desktop.model.changes import Changes


def _fresh(event: EventRecord) -> EventRecord:
    return replace(event, id=None, stamp=Stamp())


class CreateEvent(UnitCommand):
    """Add a new event (its times are computed from its EDTF dates; its lane must exist)."""

    def __init__(self, event: EventRecord, author: str = "") -> None:
        super().__init__(author)
        self.event = _fresh(event)
        self.label = f"Create event '{event.title}'"
        self._version = 0

    def do(self, uow: UnitOfWork) -> Changes:
        require_lane(uow, self.event.lane)
        self._version = uow.events.add(with_times(self.event)).stamp.version
        return Changes.of(events=[self.event.key])

    def undo(self, uow: UnitOfWork) -> Changes:
        delete_checked(uow.events, self.event.key, self._version)
        return Changes.of(events=[self.event.key])


class DuplicateEvent(CreateEvent):
    """Add a copy of an event under a new key (no links or notes are copied)."""

    def __init__(self, original: EventRecord, author: str = "") -> None:
        copy = replace(
            original, key=new_key(original.title, "event"), title=f"{original.title} (copy)"
        )
        super().__init__(copy, author)
        self.label = f"Duplicate event '{original.title}'"


class EditEvent(RecordEdit):
    """Replace an event's fields; ConflictError if it changed since ``before`` was loaded."""

    def __init__(self, before: EventRecord, after: EventRecord, author: str = "") -> None:
        super().__init__(before, after, author, f"Edit event '{before.title}'")

    def prepare(self, uow: UnitOfWork, record: Editable) -> Editable:
        assert isinstance(record, EventRecord)
        require_lane(uow, record.lane)
        return with_times(record)


class MoveEvent(RecordEdit):
    """Give an event new dates (EDTF, precision kept as written) and possibly a new lane.

    Consecutive moves of the same event by the same author merge into one undo step, so a drag
    undoes in one go.
    """

    def __init__(
        self,
        event: EventRecord,
        new_start: str,
        new_end: str | None,
        new_lane: str | None = None,
        author: str = "",
    ) -> None:
        lane = event.lane if new_lane is None else new_lane
        after = replace(event, start=new_start, end=new_end, lane=lane)
        super().__init__(event, after, author, f"Move event '{event.title}'")

    def prepare(self, uow: UnitOfWork, record: Editable) -> Editable:
        assert isinstance(record, EventRecord)
        require_lane(uow, record.lane)
        return with_times(record)

    def merge_with(self, other: Command) -> bool:
        if not (
            isinstance(other, MoveEvent)
            and other.after.key == self.after.key
            and other.author == self.author
        ):
            return False
        self.after = other.after
        self._version = other._version
        return True


class DeleteEvent(UnitCommand):
    """Delete an event with its passage links, notes and the record values that cite their
    reference instead of a passage (they belong to the event alone); undo brings all back."""

    def __init__(self, key: str, author: str = "", title: str = "") -> None:
        super().__init__(author)
        self.key = key
        self.label = f"Delete event '{title or key}'"
        self._event: EventRecord | None = None
        self._links: list[tuple[str, PassageLink]] = []
        self._notes: list[NoteRecord] = []
        self._records: list[ClaimRecord] = []

    def do(self, uow: UnitOfWork) -> Changes:
        self._event = uow.events.get(self.key)
        self._links = uow.links.of_event(self.key)
        self._notes = uow.notes.for_target("event", self.key)
        self._records = uow.claims.records_for_event(self.key)
        for passage_key, _link in self._links:
            uow.links.remove(passage_key, self.key)
        for note in self._notes:
            uow.notes.delete(note.key)
        for record in self._records:
            uow.claims.delete(record.key)
        uow.events.delete(self.key)
        return self._changes()

    def undo(self, uow: UnitOfWork) -> Changes:
        assert self._event is not None, "undo before do"
        uow.events.add(_fresh(self._event))
        for passage_key, link in self._links:
            uow.links.add(passage_key, link)
        for note in self._notes:
            uow.notes.add(note)
        for record in self._records:
            uow.claims.add(replace(record, id=None, stamp=Stamp()))
        return self._changes()

    def _changes(self) -> Changes:
        return Changes.of(
            events=[self.key],
            passages=[key for key, _ in self._links],
            notes=[note.key for note in self._notes],
            claims=[record.key for record in self._records],
        )
