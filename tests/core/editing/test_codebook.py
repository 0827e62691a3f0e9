"""Coding and codebook commands: apply/remove, create/edit/move, merge and delete codes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from db.library import Library
from db.records import CodeRecord
from desktop.core.editing import (
    ApplyCode,
    CreateCode,
    DeleteCode,
    EditCode,
    EditError,
    MergeCodes,
    MoveCode,
    RemoveCode,
    perform,
)
from tests.core.editing.conftest import dump, round_trip


def codings(data: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(p["key"], c["code"], c["coder"]) for p in data["passages"] for c in p["codings"]}


def code(library: Library, key: str) -> CodeRecord:
    with library.unit_of_work() as uow:
        return uow.codes.get(key)


def test_apply_code_uses_the_author_as_coder(lib: Library) -> None:
    _before, after = round_trip(lib, ApplyCode("p2", "military", author="carol"))
    assert ("p2", "military", "carol") in codings(after)


def test_applying_the_same_code_twice_is_refused(lib: Library) -> None:
    before = dump(lib)
    with pytest.raises(EditError, match="already applied"):
        perform(ApplyCode("p1", "security", author="alice"), lib)
    assert dump(lib) == before


def test_remove_code_round_trip(lib: Library) -> None:
    _before, after = round_trip(lib, RemoveCode("p1", "conflict", author="alice", coder="bob"))
    assert ("p1", "conflict", "bob") not in codings(after)


def test_create_and_edit_code_round_trip(lib: Library) -> None:
    round_trip(lib, CreateCode(CodeRecord("blame", "Blame", parent_key="issue", color="#ff0000")))
    security = code(lib, "security")
    round_trip(
        lib,
        EditCode(
            security, replace(security, name="Safety", color="#00ff00", definition="About safety.")
        ),
    )
    assert code(lib, "security").name == "Safety"


def test_move_code_reparents_and_renumbers_siblings(lib: Library) -> None:
    round_trip(lib, MoveCode("military", "issue", 1))
    siblings = {c: code(lib, c) for c in ("security", "military", "conflict")}
    assert all(s.parent_key == "issue" for s in siblings.values())
    assert [siblings[k].position for k in ("security", "military", "conflict")] == [0, 1, 2]


def test_moving_a_code_under_its_own_child_is_refused(lib: Library) -> None:
    with pytest.raises(EditError, match="under itself"):
        perform(MoveCode("security", "military", 0), lib)


def test_merge_codes_keeps_every_coding_and_undoes_exactly(lib: Library) -> None:
    before, after = round_trip(lib, MergeCodes("security", "conflict"))
    assert "security" not in [c["key"] for c in after["codes"]]
    # every (passage, coder) coded with either code is now coded with the target, once
    expected = {
        (p, "conflict", coder) for p, k, coder in codings(before) if k in ("security", "conflict")
    }
    assert {c for c in codings(after) if c[1] == "conflict"} == expected
    assert len(expected) == 3  # p2/bob had both codes: the duplicate collapsed
    [military] = [c for c in after["codes"] if c["key"] == "military"]
    assert military["parent"] == "conflict"
    [memo] = [n for n in after["notes"] if n["key"] == "n3"]
    assert memo["target"] == {"kind": "code", "key": "conflict"}


def test_merge_into_a_sub_code_is_refused_without_change(lib: Library) -> None:
    before = dump(lib)
    with pytest.raises(EditError, match="sub-codes"):
        perform(MergeCodes("security", "military"), lib)
    assert dump(lib) == before


def test_delete_code_moves_children_up_and_restores(lib: Library) -> None:
    _before, after = round_trip(lib, DeleteCode("security"))
    assert not any(c[1] == "security" for c in codings(after))
    [military] = [c for c in after["codes"] if c["key"] == "military"]
    assert military["parent"] == "issue"
    assert "n3" not in [n["key"] for n in after["notes"]]
