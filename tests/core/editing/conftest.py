"""A small library to edit, and a dump of it that ignores times and versions."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest

from db.library import Library
from db.records import (
    ClaimRecord,
    CodeRecord,
    CodingRecord,
    EventRecord,
    LaneRecord,
    NoteRecord,
    PassageLink,
    PassageRecord,
    RelationRecord,
    SourceRecord,
)
from desktop.core.editing import perform
from desktop.core.editing.command import Command
from desktop.core.exchange.library_export import bundle_from_library

TEXT = (
    "On 7 August 2008 fighting began in South Ossetia. Russian troops crossed the border "
    "the next day. The war ended with a ceasefire on 12 August."
)


def fill(library: Library) -> None:
    with library.unit_of_work("alice") as uow:
        uow.meta.set("created", "2025-01-01")
        uow.lanes.add(LaneRecord("georgia", "Georgia", "#aa0000", 0))
        uow.lanes.add(LaneRecord("russia-great-powers", "Russia", "#0000aa", 1))
        uow.sources.add(SourceRecord("dw", "DW analysis", outlet="DW", full_text=TEXT))
        uow.events.add(
            EventRecord(
                "war",
                "Russo-Georgian war",
                "2008-08-07",
                733261.0,
                733267.0,
                end="2008-08-12",
                lane="georgia",
                actors=("Russia", "Georgia"),
                tags=("war",),
            )
        )
        uow.events.add(
            EventRecord("ceasefire", "Ceasefire", "2008-08", 733255.0, 733286.0, lane="georgia")
        )
        uow.codes.add(CodeRecord("issue", "Issue frames", group="issue"))
        uow.codes.add(CodeRecord("security", "Security", parent_key="issue", position=0))
        uow.codes.add(CodeRecord("conflict", "Conflict", parent_key="issue", position=1))
        uow.codes.add(CodeRecord("military", "Military", parent_key="security"))
        uow.passages.add(
            PassageRecord(
                "p1",
                "dw",
                0,
                49,
                TEXT[0:49],
                tone="negative",
                links=(PassageLink("war", 0.9, "suggested"), PassageLink("ceasefire")),
                codings=(CodingRecord("security", "alice"), CodingRecord("conflict", "bob")),
            )
        )
        uow.passages.add(
            PassageRecord(
                "p2",
                "dw",
                50,
                94,
                TEXT[50:94],
                links=(PassageLink("war"),),
                codings=(CodingRecord("security", "bob"), CodingRecord("conflict", "bob")),
            )
        )
        uow.claims.add(ClaimRecord("c1", "p1", "war.start", "date", date="2008-08-07"))
        uow.notes.add(NoteRecord("n1", "event", "war", "memo on the war"))
        uow.notes.add(NoteRecord("n2", "passage", "p1", "memo on p1"))
        uow.notes.add(NoteRecord("n3", "code", "security", "memo on security"))
        uow.relations.add(RelationRecord("r1", "p1", "p2", "supports"))
        uow.commit()


@pytest.fixture
def lib(library: Library) -> Library:
    fill(library)
    return library


def dump(library: Library) -> dict[str, Any]:
    """The whole library as plain data, without timestamps (they move on every write)."""
    with library.unit_of_work() as uow:
        data = asdict(bundle_from_library(uow))
    for note in data["notes"]:
        note.pop("created"), note.pop("updated")
    return data


def round_trip(library: Library, command: Command) -> tuple[dict[str, Any], dict[str, Any]]:
    """do, undo, redo: undo restores the first state exactly, redo the second."""
    before = dump(library)
    perform(command, library)
    after = dump(library)
    assert after != before, "the command changed nothing"
    perform(command, library, undo=True)
    assert dump(library) == before
    perform(command, library)
    assert dump(library) == after
    return before, after
