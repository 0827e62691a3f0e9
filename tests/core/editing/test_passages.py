"""Passage commands: marking, editing, linking, relating, deleting — all exactly undoable."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.library import Library
from db.records import PassageLink, PassageRecord
from desktop.core.editing import (
    ApplyCode,
    CreatePassage,
    DeletePassage,
    EditError,
    EditPassage,
    LinkPassage,
    RelatePassages,
    UnlinkPassage,
    perform,
)
from tests.core.editing.conftest import TEXT, dump, round_trip


def passage(library: Library, key: str) -> PassageRecord:
    with library.unit_of_work() as uow:
        return uow.passages.get(key)


def test_create_passage_quotes_the_source(lib: Library) -> None:
    command = CreatePassage(
        "dw", 95, 140, links=(PassageLink("ceasefire"),), author="carol", tone="neutral"
    )
    round_trip(lib, command)
    made = passage(lib, command.passage.key)
    assert made.quote == TEXT[95:140] and made.prefix == TEXT[63:95]
    assert made.links == (PassageLink("ceasefire"),) and made.tone == "neutral"


def test_create_passage_outside_the_text_is_refused(lib: Library) -> None:
    before = dump(lib)
    with pytest.raises(EditError, match="inside the text"):
        perform(CreatePassage("dw", 100, 10_000), lib)
    assert dump(lib) == before


def test_edit_passage_bounds_requotes_and_keeps_codings(lib: Library) -> None:
    p2 = passage(lib, "p2")
    # someone codes the passage after we loaded it: our edit must not drop that coding
    perform(ApplyCode("p2", "military", author="dana"), lib)
    command = EditPassage(p2, replace(p2, start=50, end=70, tone="positive"))
    round_trip(lib, command)
    edited = passage(lib, "p2")
    assert edited.quote == TEXT[50:70] and edited.tone == "positive"
    assert ("military", "dana") in {(c.code_key, c.coder) for c in edited.codings}


def test_link_and_unlink_round_trip(lib: Library) -> None:
    round_trip(lib, LinkPassage("p2", PassageLink("ceasefire", 0.5, "suggested")))
    assert PassageLink("ceasefire", 0.5, "suggested") in passage(lib, "p2").links
    round_trip(lib, UnlinkPassage("p1", "war"))
    assert [link.event_key for link in passage(lib, "p1").links] == ["ceasefire"]


def test_linking_twice_is_refused(lib: Library) -> None:
    with pytest.raises(EditError, match="already linked"):
        perform(LinkPassage("p1", PassageLink("war")), lib)
    assert PassageLink("war", 0.9, "suggested") in passage(lib, "p1").links


def test_unlink_undo_restores_confidence_and_origin(lib: Library) -> None:
    command = UnlinkPassage("p1", "war")
    perform(command, lib)
    perform(command, lib, undo=True)
    assert PassageLink("war", 0.9, "suggested") in passage(lib, "p1").links


def test_relate_passages_round_trip(lib: Library) -> None:
    _before, after = round_trip(lib, RelatePassages("p2", "p1", "contradicts"))
    kinds = {(r["from_passage"], r["to_passage"], r["kind"]) for r in after["relations"]}
    assert ("p2", "p1", "contradicts") in kinds


def test_delete_passage_restores_codings_claims_links_relations_notes(lib: Library) -> None:
    before, after = round_trip(lib, DeletePassage("p1"))
    assert [p["key"] for p in after["passages"]] == ["p2"]
    assert after["claims"] == () or after["claims"] == []
    assert not after["relations"]
    assert [n["key"] for n in after["notes"]] == ["n1", "n3"]
    [p1] = [p for p in before["passages"] if p["key"] == "p1"]
    assert {(c["code"], c["coder"]) for c in p1["codings"]} == {
        ("security", "alice"),
        ("conflict", "bob"),
    }
