"""Commands on passages: mark, edit, link to events, relate, delete."""

from __future__ import annotations

from dataclasses import replace

from db.records import (
    ClaimRecord,
    NoteRecord,
    PassageLink,
    PassageRecord,
    RelationRecord,
    Stamp,
)
from db.uow import UnitOfWork
from desktop.core.editing.command import EditError, UnitCommand
from desktop.core.editing.edits import Editable, RecordEdit, delete_checked
from desktop.core.editing.keys import new_key
from desktop.model.changes import Changes

CONTEXT_CHARS = 32


def anchored(passage: PassageRecord, text: str | None) -> PassageRecord:
    """The passage with quote, prefix and suffix taken from the source text at its bounds."""
    if text is None:
        raise EditError("The source has no text to mark a passage in.")
    if not 0 <= passage.start < passage.end <= len(text):
        raise EditError(
            f"A passage must lie inside the text (0..{len(text)}), "
            f"not {passage.start}..{passage.end}."
        )
    return replace(
        passage,
        quote=text[passage.start : passage.end],
        anchor_status="ok",
        prefix=text[max(0, passage.start - CONTEXT_CHARS) : passage.start],
        suffix=text[passage.end : passage.end + CONTEXT_CHARS],
    )


class CreatePassage(UnitCommand):
    """Mark ``start:end`` of a source's text as a passage, optionally linked to events."""

    def __init__(
        self,
        source_key: str,
        start: int,
        end: int,
        links: tuple[PassageLink, ...] = (),
        author: str = "",
        *,
        voice: str = "author",
        tone: str = "",
        epistemic: str = "",
    ) -> None:
        super().__init__(author)
        self.label = "Mark passage"
        self.passage = PassageRecord(
            "", source_key, start, end, "", links=links, voice=voice, tone=tone, epistemic=epistemic
        )
        self._version = 0

    def do(self, uow: UnitOfWork) -> Changes:
        passage = anchored(self.passage, uow.sources.get(self.passage.source_key).full_text)
        if not passage.key:
            passage = replace(passage, key=new_key(passage.quote, "passage"))
        self.passage = passage
        self._version = uow.passages.add(passage).stamp.version
        return self._changes()

    def undo(self, uow: UnitOfWork) -> Changes:
        delete_checked(uow.passages, self.passage.key, self._version)
        return self._changes()

    def _changes(self) -> Changes:
        return Changes.of(
            passages=[self.passage.key],
            sources=[self.passage.source_key],
            events=[link.event_key for link in self.passage.links],
        )


class EditPassage(RecordEdit):
    """Change a passage's bounds (re-quoted from the source), attributes or notes.

    Links and codings are left as they are in the library: they change through their own
    commands, so an edit never drops a code someone applied meanwhile.
    """

    def __init__(self, before: PassageRecord, after: PassageRecord, author: str = "") -> None:
        super().__init__(before, after, author, "Edit passage")

    def prepare(self, uow: UnitOfWork, record: Editable) -> Editable:
        assert isinstance(record, PassageRecord)
        before = self.before
        assert isinstance(before, PassageRecord)
        # new bounds are quoted afresh; undo writes the old quote back exactly as it was
        if (record.start, record.end) != (before.start, before.end):
            record = anchored(record, uow.sources.get(record.source_key).full_text)
        return record

    def store(self, uow: UnitOfWork, record: Editable) -> Editable:
        assert isinstance(record, PassageRecord)
        return uow.passages.update(record, children=False)


class LinkPassage(UnitCommand):
    """Say that a passage speaks of an event."""

    def __init__(self, passage_key: str, link: PassageLink, author: str = "") -> None:
        super().__init__(author)
        self.passage_key, self.link = passage_key, link
        self.label = "Link passage to event"

    def do(self, uow: UnitOfWork) -> Changes:
        if not uow.links.add(self.passage_key, self.link):
            raise EditError("The passage is already linked to that event.")
        return Changes.of(passages=[self.passage_key], events=[self.link.event_key])

    def undo(self, uow: UnitOfWork) -> Changes:
        uow.links.remove(self.passage_key, self.link.event_key)
        return Changes.of(passages=[self.passage_key], events=[self.link.event_key])


class UnlinkPassage(UnitCommand):
    """Remove the link between a passage and an event (its confidence and origin come back on
    undo)."""

    def __init__(self, passage_key: str, event_key: str, author: str = "") -> None:
        super().__init__(author)
        self.passage_key, self.event_key = passage_key, event_key
        self.label = "Unlink passage from event"
        self._link = PassageLink(event_key)

    def do(self, uow: UnitOfWork) -> Changes:
        removed = uow.links.remove(self.passage_key, self.event_key)
        if removed is None:
            raise EditError("The passage is not linked to that event.")
        self._link = removed
        return Changes.of(passages=[self.passage_key], events=[self.event_key])

    def undo(self, uow: UnitOfWork) -> Changes:
        uow.links.add(self.passage_key, self._link)
        return Changes.of(passages=[self.passage_key], events=[self.event_key])


class RelatePassages(UnitCommand):
    """Record that one passage supports, contradicts, repeats or quotes another."""

    def __init__(self, from_key: str, to_key: str, kind: str, author: str = "") -> None:
        super().__init__(author)
        self.relation = RelationRecord(new_key(kind, "relation"), from_key, to_key, kind)
        self.label = f"Relate passages ({kind})"

    def do(self, uow: UnitOfWork) -> Changes:
        uow.relations.add(self.relation)
        return self._changes()

    def undo(self, uow: UnitOfWork) -> Changes:
        uow.relations.delete(self.relation.key)
        return self._changes()

    def _changes(self) -> Changes:
        return Changes.of(
            passages=[self.relation.from_key, self.relation.to_key], relations=[self.relation.key]
        )


class DeletePassage(UnitCommand):
    """Delete a passage with its codings, links, claims, relations and notes; undo restores
    all of them under their keys."""

    def __init__(self, key: str, author: str = "") -> None:
        super().__init__(author)
        self.key = key
        self.label = "Delete passage"
        self._passage: PassageRecord | None = None
        self._claims: list[ClaimRecord] = []
        self._relations: list[RelationRecord] = []
        self._notes: list[NoteRecord] = []

    def do(self, uow: UnitOfWork) -> Changes:
        self._passage = uow.passages.get(self.key)
        self._claims = uow.claims.of_passage(self.key)
        self._relations = uow.relations.of_passage(self.key)
        self._notes = uow.notes.for_target("passage", self.key)
        for note in self._notes:
            uow.notes.delete(note.key)
        for relation in self._relations:
            uow.relations.delete(relation.key)
        for claim in self._claims:
            uow.claims.delete(claim.key)
        uow.passages.delete(self.key)
        return self._changes()

    def undo(self, uow: UnitOfWork) -> Changes:
        passage = self._passage
        assert passage is not None, "undo before do"
        uow.passages.add(replace(passage, codings=(), id=None, stamp=Stamp()))
        for coding in passage.codings:
            uow.codings.add(replace(coding, passage_key=passage.key))
        for claim in self._claims:
            uow.claims.add(claim)
        for relation in self._relations:
            uow.relations.add(relation)
        for note in self._notes:
            uow.notes.add(note)
        return self._changes()

    def _changes(self) -> Changes:
        passage = self._passage
        others = {key for r in self._relations for key in (r.from_key, r.to_key)}
        return Changes.of(
            passages={self.key} | others,
            events=[link.event_key for link in passage.links] if passage else [],
            codes=[coding.code_key for coding in passage.codings] if passage else [],
            sources=[passage.source_key] if passage else [],
            claims=[claim.key for claim in self._claims],
            notes=[note.key for note in self._notes],
            relations=[relation.key for relation in self._relations],
        )
