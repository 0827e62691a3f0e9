"""Storing a source's suggestions: one multi-row insert whose ids name the rows stored, on
SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from db.library import Library
from db.records import SourceRecord, SuggestionRecord
from db.repositories.suggestions import SuggestionRepository


def _found(count: int) -> list[SuggestionRecord]:
    return [
        SuggestionRecord(
            source_key="",
            kind="link" if number % 2 else "new-event",
            ref=f"ref:{count - number:03d}",  # not in insertion order
            start=number,
            end=number + 5,
            quote=f"quote {number}",
            confidence=round(1 - number / 100, 3),
            reasons=(f"reason {number}",),
            target=f"event-{number}",
            payload={"n": number},
        )
        for number in range(count)
    ]


def test_stored_suggestions_carry_the_ids_of_their_own_rows(library: Library) -> None:
    with library.unit_of_work("t") as uow:
        uow.sources.add(SourceRecord("dw", "DW analysis"))
        uow.commit()
    with library.unit_of_work("t") as uow:
        stored = uow.suggestions.replace_pending("dw", ("link", "new-event"), _found(40))
        uow.commit()
    assert len({s.id for s in stored}) == 40
    with library.unit_of_work() as uow:
        for record in stored:
            assert record.id is not None
            row = uow.suggestions.get(record.id)
            assert (row.kind, row.ref, row.start, row.quote, row.payload) == (
                record.kind,
                record.ref,
                record.start,
                record.quote,
                record.payload,
            )
            assert row.source_key == "dw" and row.status == "pending"


def test_storing_again_keeps_decided_ones_and_replaces_pending_ones(library: Library) -> None:
    with library.unit_of_work("t") as uow:
        uow.sources.add(SourceRecord("dw", "DW analysis"))
        first = uow.suggestions.replace_pending("dw", ("link", "new-event"), _found(6))
        uow.suggestions.set_status(first[0].id or 0, "rejected")
        uow.commit()
    with library.unit_of_work("t") as uow:
        again = uow.suggestions.replace_pending("dw", ("link", "new-event"), _found(8))
        uow.commit()
    assert first[0].ref not in {s.ref for s in again}
    assert len(again) == 7
    with library.unit_of_work() as uow:
        pending = uow.suggestions.for_source("dw")
        assert {(s.id, s.ref) for s in pending} == {(s.id, s.ref) for s in again}
        assert uow.suggestions.get(first[0].id or 0).status == "rejected"


def test_a_new_sources_suggestions_are_added_once_each(library: Library) -> None:
    found = _found(10)
    with library.unit_of_work("t") as uow:
        uow.sources.add(SourceRecord("dw", "DW analysis"))
        stored = uow.suggestions.add_pending("dw", [*found, found[3]])  # one repeated
        uow.commit()
    assert [s.ref for s in stored] == [s.ref for s in found]
    with library.unit_of_work() as uow:
        pending = uow.suggestions.for_source("dw")
        assert {(s.id, s.kind, s.ref) for s in pending} == {(s.id, s.kind, s.ref) for s in stored}


def test_a_new_sources_suggestions_go_under_the_id_its_add_returned_without_a_lookup(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    with library.unit_of_work("t") as uow:
        uow.sources.add(SourceRecord("other", "Another source"))
        added = uow.sources.add(SourceRecord("dw", "DW analysis"))
        monkeypatch.setattr(SuggestionRepository, "_id_of", _no_lookup)
        stored = uow.suggestions.add_pending("dw", _found(3), source_id=added.id)
        uow.commit()
    monkeypatch.undo()
    with library.unit_of_work() as uow:
        assert {s.id for s in uow.suggestions.for_source("dw")} == {s.id for s in stored}
        assert uow.suggestions.for_source("other") == []


def _no_lookup(*_args: object) -> int:
    raise AssertionError("the source's id was looked up again")
