"""Reads the window makes outside any edit: each opens one unit of work for one query.

Views call these instead of opening units of work themselves, so every query lives in a
``db`` repository and the UI never holds a session. Nothing here writes.
"""

from __future__ import annotations

from db.errors import NotFoundError
from db.library import Library
from db.records import AttributeRecord, NoteRecord, PassageRecord, SourceRecord
from desktop.core.compare.from_library import read_event_snapshot
from desktop.core.editing.edits import Editable, repository_for
from desktop.model.dates import DateSpan


def coding_counts(library: Library) -> dict[str, int]:
    """Codings per code key (codes without codings are absent), in one query."""
    with library.unit_of_work() as uow:
        return uow.codings.counts()


def notes(library: Library) -> list[NoteRecord]:
    """Every note, oldest first."""
    with library.unit_of_work() as uow:
        return uow.notes.list()


def note(library: Library, key: str) -> NoteRecord | None:
    """The note, or None if it was deleted."""
    with library.unit_of_work() as uow:
        try:
            return uow.notes.get(key)
        except NotFoundError:
            return None


def passage(library: Library, key: str) -> PassageRecord | None:
    """The passage, or None if it was deleted."""
    with library.unit_of_work() as uow:
        try:
            return uow.passages.get(key)
        except NotFoundError:
            return None


def passages(library: Library) -> list[PassageRecord]:
    """Every passage, by source and position."""
    with library.unit_of_work() as uow:
        return uow.passages.list()


def coders(library: Library) -> tuple[str, ...]:
    """Every coder who coded any passage, sorted (one query; no passage is read)."""
    with library.unit_of_work() as uow:
        return uow.codings.coders()


def attributes(library: Library) -> list[AttributeRecord]:
    """The passage attributes of the codebook (voice, tone, epistemic status, ...)."""
    with library.unit_of_work() as uow:
        return uow.codes.list_attributes()


def meta(library: Library, name: str) -> str:
    """One library-wide setting (title, attribution); '' when unset."""
    with library.unit_of_work() as uow:
        return uow.meta.get(name)


def sources_for_review(library: Library) -> tuple[list[SourceRecord], dict[str, int]]:
    """The sources with a text and, per source key, how many suggestions await review."""
    with library.unit_of_work() as uow:
        sources = [s for s in uow.sources.list() if s.full_text is not None]
        return sources, uow.suggestions.pending_counts()


def source_text(library: Library, key: str) -> str:
    """The source's full text ('' when it has none); ``NotFoundError`` if it is gone."""
    with library.unit_of_work() as uow:
        return uow.sources.get(key).full_text or ""


def current_record(library: Library, record: Editable) -> Editable | None:
    """The record as the library holds it now, or None if it was deleted."""
    with library.unit_of_work() as uow:
        try:
            found: Editable = repository_for(uow, record).get(record.key)
        except NotFoundError:
            return None
    return found


def warm_selection_reads(library: Library, event_key: str) -> None:
    """Make once the reads a selection makes (the event's record, its comparison's sources,
    codes, passages, claims and review counts) and the showing of its dates, so that their
    statements are compiled, the ORM is set up and the date display module is imported before
    the first click: the first selection's panels took ~27 ms more CPU for those, at any
    library size. Reads only; meant for a worker thread after the first paint
    (``Workbench.prepare_texts``)."""
    snapshot = read_event_snapshot(library, event_key)
    if snapshot is not None:
        event = snapshot.events[0]
        DateSpan.from_edtf(event.start, event.end).display()
