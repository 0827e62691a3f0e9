"""Replacing a record by an edited copy, with the optimistic-concurrency check both ways.

An edit remembers the version it last wrote: ``undo`` and redo refuse (``ConflictError``) when
the row moved on since, instead of overwriting someone else's change.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol, TypeVar

from db.errors import ConflictError
from db.records import CodeRecord, EventRecord, NoteRecord, PassageRecord
from db.uow import UnitOfWork
from desktop.core.editing.command import EditError, UnitCommand
from desktop.model.changes import Changes
from desktop.model.dates import DateSpan

Editable = EventRecord | PassageRecord | CodeRecord | NoteRecord
R = TypeVar("R", bound=Editable)


class _Repository(Protocol):
    kind: str

    def get(self, key: str) -> Any: ...

    def update(self, record: Any) -> Any: ...

    def delete(self, key: str) -> Any: ...


def version_of(record: Editable) -> int:
    return record.version if isinstance(record, NoteRecord) else record.stamp.version


def with_version[T: Editable](record: T, version: int) -> T:
    if isinstance(record, NoteRecord):
        return replace(record, version=version)
    return replace(record, stamp=replace(record.stamp, version=version))


def repository_for(uow: UnitOfWork, record: Editable) -> _Repository:
    if isinstance(record, EventRecord):
        return uow.events
    if isinstance(record, PassageRecord):
        return uow.passages
    if isinstance(record, CodeRecord):
        return uow.codes
    return uow.notes


def changes_for(record: Editable) -> Changes:
    if isinstance(record, EventRecord):
        return Changes.of(events=[record.key])
    if isinstance(record, PassageRecord):
        return Changes.of(passages=[record.key])
    if isinstance(record, CodeRecord):
        return Changes.of(codes=[record.key])
    return Changes.of(notes=[record.key])


def with_times(event: EventRecord) -> EventRecord:
    """The event with ``t_lo``/``t_hi`` computed from its EDTF start and end (DateParseError)."""
    span = DateSpan.from_edtf(event.start, event.end)
    start, end = span.to_edtf()
    return replace(event, start=start, end=end, t_lo=span.t_lo, t_hi=span.t_hi)


def require_lane(uow: UnitOfWork, lane: str) -> None:
    """Refuse an unknown lane: editing never creates lanes as a side effect."""
    if lane and lane not in {known.key for known in uow.lanes.list()}:
        raise EditError(f"There is no lane '{lane}' in this library.")


def delete_checked(repository: _Repository, key: str, version: int) -> Any:
    """Delete a record only if it still has the version this command wrote."""
    current = repository.get(key)
    if version and version_of(current) != version:
        raise ConflictError(repository.kind, key)
    return repository.delete(key)


class RecordEdit(UnitCommand):
    """Replace ``before`` by ``after`` (same key); undo writes ``before`` back."""

    def __init__(self, before: R, after: R, author: str = "", label: str = "") -> None:
        super().__init__(author)
        if before.key != after.key:
            raise ValueError("an edit keeps the record's key")
        self.before: Editable = before
        self.after: Editable = after
        self.label = label or f"Edit '{_name(before)}'"
        self._version = version_of(before)

    def prepare(self, uow: UnitOfWork, record: Editable) -> Editable:
        """Hook: adjust or check the record about to be written (inside the unit of work)."""
        return record

    def store(self, uow: UnitOfWork, record: Editable) -> Editable:
        """Hook: write the prepared record (by default through its repository's ``update``)."""
        written: Editable = repository_for(uow, record).update(record)
        return written

    def write(self, uow: UnitOfWork, record: Editable) -> Changes:
        written = self.store(uow, self.prepare(uow, with_version(record, self._version)))
        self._version = version_of(written)
        return changes_for(record)

    def do(self, uow: UnitOfWork) -> Changes:
        return self.write(uow, self.after)

    def undo(self, uow: UnitOfWork) -> Changes:
        return self.write(uow, self.before)


def _name(record: Editable) -> str:
    if isinstance(record, EventRecord):
        return record.title
    if isinstance(record, CodeRecord):
        return record.name
    if isinstance(record, PassageRecord):
        return record.quote[:40]
    return record.body[:40]
