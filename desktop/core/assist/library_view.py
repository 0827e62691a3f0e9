"""What assisted reading reads from a library, in one unit of work: the source, its events,
the claim subjects per event, the codebook and the coded passages to learn from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.library import Library
from db.records import EventRecord, PassageRecord, SourceRecord
from db.uow import UnitOfWork
from desktop.core.assist.coding.model import CodingExample


@dataclass(frozen=True)
class SourceView:
    """A source with what assisted reading needs to know around it."""

    source: SourceRecord
    passages: tuple[PassageRecord, ...]
    events: dict[str, EventRecord]
    subjects: dict[str, tuple[str, ...]]
    code_names: dict[str, str]

    @property
    def linked_events(self) -> tuple[str, ...]:
        """Events the source's passages already link to, in first-mention order."""
        found: list[str] = []
        for passage in self.passages:
            for link in passage.links:
                if link.event_key not in found:
                    found.append(link.event_key)
        return tuple(found)


@dataclass(frozen=True)
class LibraryContext:
    """What every source's suggestions read of the library around it: the events, the claim
    subjects per event and the codebook's names. Storing suggestions changes none of them, so
    a batch reads them once, not once per source."""

    events: dict[str, EventRecord]
    subjects: dict[str, tuple[str, ...]]
    code_names: dict[str, str]


def read_library_context(library: Library) -> LibraryContext:
    with library.unit_of_work() as uow:
        return _context(uow)


def _context(uow: UnitOfWork) -> LibraryContext:
    return LibraryContext(
        {event.key: event for event in uow.events.list()},
        subjects_by_event(uow),
        {code.key: code.name for code in uow.codes.list()},
    )


def read_source_view(
    library: Library, source_key: str, context: LibraryContext | None = None
) -> SourceView:
    """Everything about ``source_key`` that suggestions read (raises if it does not exist);
    the library around it is read too unless ``context`` gives it."""
    with library.unit_of_work() as uow:
        source = uow.sources.get(source_key)
        passages = tuple(uow.passages.for_source(source_key))
        around = context if context is not None else _context(uow)
        return SourceView(source, passages, around.events, around.subjects, around.code_names)


def subjects_by_event(uow: UnitOfWork) -> dict[str, tuple[str, ...]]:
    """Claim subjects per event, through the links of the claims' passages (a record value
    without a passage through its own event)."""
    links = {p.key: [lk.event_key for lk in p.links] for p in uow.passages.list()}
    found: dict[str, list[str]] = {}
    for claim in uow.claims.list():
        if claim.passage_key is None:
            about = [claim.event_key] if claim.event_key else []
        else:
            about = links.get(claim.passage_key, [])
        for event_key in about:
            subjects = found.setdefault(event_key, [])
            if claim.subject not in subjects:
                subjects.append(claim.subject)
    return {key: tuple(value) for key, value in found.items()}


def coding_examples(library: Library, coder: str | None = None) -> list[CodingExample]:
    """Every coded passage as a training example (only ``coder``'s codings when given).

    Passages whose codings all belong to other coders are left out; tone and epistemic status
    come with the passage.
    """
    with library.unit_of_work() as uow:
        languages = {s.key: s.language or "en" for s in uow.sources.list()}
        passages = uow.passages.list()
    return examples_from(passages, languages, coder)


def examples_from(
    passages: Sequence[PassageRecord], languages: dict[str, str], coder: str | None = None
) -> list[CodingExample]:
    found = []
    for passage in passages:
        codes = frozenset(c.code_key for c in passage.codings if coder is None or c.coder == coder)
        if not codes:
            continue
        found.append(
            CodingExample(
                passage.quote,
                codes,
                passage.tone,
                passage.epistemic,
                languages.get(passage.source_key, "en"),
            )
        )
    return found
