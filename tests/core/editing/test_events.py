"""Event commands: each undoes and redoes exactly; moves merge; conflicts are refused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.errors import ConflictError
from db.library import Library
from db.records import ClaimRecord, EventRecord
from desktop.core.editing import (
    CreateEvent,
    DeleteEvent,
    DuplicateEvent,
    EditError,
    EditEvent,
    MoveEvent,
    UndoHistory,
    perform,
)
from desktop.model.dates import DateSpan
from tests.core.editing.conftest import dump, round_trip


def event(library: Library, key: str) -> EventRecord:
    with library.unit_of_work() as uow:
        return uow.events.get(key)


def test_create_event_round_trip_and_times(lib: Library) -> None:
    new = EventRecord("talks", "Geneva talks", "2008-10", 0.0, 0.0, lane="georgia", actors=("EU",))
    round_trip(lib, CreateEvent(new, author="carol"))
    stored = event(lib, "talks")
    span = DateSpan.from_edtf("2008-10")
    assert (stored.t_lo, stored.t_hi) == (span.t_lo, span.t_hi)
    assert stored.stamp.author == "carol" and stored.actors == ("EU",)


def test_create_event_in_unknown_lane_fails_and_changes_nothing(lib: Library) -> None:
    before = dump(lib)
    new = EventRecord("talks", "Geneva talks", "2008-10", 0.0, 0.0, lane="atlantis")
    with pytest.raises(EditError, match="no lane 'atlantis'"):
        perform(CreateEvent(new), lib)
    assert dump(lib) == before


def test_bad_date_fails_readably_and_changes_nothing(lib: Library) -> None:
    before = dump(lib)
    war = event(lib, "war")
    with pytest.raises(EditError, match="EDTF"):
        perform(EditEvent(war, replace(war, start="next tuesday")), lib)
    assert dump(lib) == before


def test_edit_event_round_trip(lib: Library) -> None:
    war = event(lib, "war")
    after = replace(
        war,
        title="August war",
        summary="Five days.",
        tags=("war", "2008"),
        actors=("Russia",),
        lane="russia-great-powers",
        end="2008-08-16",
    )
    _before, edited = round_trip(lib, EditEvent(war, after, author="bob"))
    [stored] = [e for e in edited["events"] if e["key"] == "war"]
    assert stored["title"] == "August war" and stored["end"] == "2008-08-16"
    assert event(lib, "war").t_hi == DateSpan.from_edtf("2008-08-07", "2008-08-16").t_hi


def test_stale_edit_raises_conflict_instead_of_overwriting(lib: Library) -> None:
    loaded = event(lib, "war")
    perform(EditEvent(loaded, replace(loaded, title="First edit")), lib)
    with pytest.raises(ConflictError):
        perform(EditEvent(loaded, replace(loaded, title="Stale edit")), lib)
    assert event(lib, "war").title == "First edit"


def test_undo_refuses_when_someone_edited_after_us(lib: Library) -> None:
    loaded = event(lib, "war")
    mine = EditEvent(loaded, replace(loaded, title="Mine"))
    perform(mine, lib)
    current = event(lib, "war")
    perform(EditEvent(current, replace(current, title="Theirs"), author="bob"), lib)
    with pytest.raises(ConflictError):
        perform(mine, lib, undo=True)
    assert event(lib, "war").title == "Theirs"


def test_move_event_keeps_precision_and_round_trips(lib: Library) -> None:
    ceasefire = event(lib, "ceasefire")
    round_trip(lib, MoveEvent(ceasefire, "2008-09", None, "russia-great-powers"))
    moved = event(lib, "ceasefire")
    assert (moved.start, moved.end, moved.lane) == ("2008-09", None, "russia-great-powers")
    assert (moved.t_lo, moved.t_hi) == (
        DateSpan.from_edtf("2008-09").t_lo,
        DateSpan.from_edtf("2008-09").t_hi,
    )


def test_consecutive_moves_merge_into_one_undo_step(lib: Library) -> None:
    before = dump(lib)
    history = UndoHistory()
    for month in ("2008-09", "2008-10", "2008-11"):
        history.run(MoveEvent(event(lib, "ceasefire"), month, None), lib)
    history.run(MoveEvent(event(lib, "war"), "2008-08-08", "2008-08-13"), lib)
    assert history.labels == ["Move event 'Ceasefire'", "Move event 'Russo-Georgian war'"]
    history.undo(lib)
    assert event(lib, "ceasefire").start == "2008-11"
    history.undo(lib)
    assert dump(lib) == before
    history.redo(lib)
    assert event(lib, "ceasefire").start == "2008-11"


def test_duplicate_event_round_trip(lib: Library) -> None:
    original = event(lib, "war")
    command = DuplicateEvent(original)
    _before, after = round_trip(lib, command)
    copies = [e for e in after["events"] if e["title"] == "Russo-Georgian war (copy)"]
    assert len(copies) == 1 and copies[0]["key"].startswith("russo-georgian-war-")
    assert sorted(copies[0]["actors"]) == ["Georgia", "Russia"]


def test_delete_event_restores_links_and_notes(lib: Library) -> None:
    before, after = round_trip(lib, DeleteEvent("war"))
    assert "war" not in [e["key"] for e in after["events"]]
    assert all(link["event"] != "war" for p in after["passages"] for link in p["events"])
    assert [n["key"] for n in after["notes"]] == ["n2", "n3"]
    [p1] = [p for p in before["passages"] if p["key"] == "p1"]
    assert {"event": "war", "confidence": 0.9, "origin": "suggested"} in p1["events"]


def test_delete_event_takes_its_record_values_without_a_passage_along(lib: Library) -> None:
    toll = ClaimRecord(
        "toll",
        None,
        "war.deaths",
        "number",
        low=850,
        high=850,
        event_key="war",
        reference="official figures, https://example.org/toll",
    )
    with lib.unit_of_work() as uow:
        uow.claims.add(toll)
        uow.commit()
    before, after = round_trip(lib, DeleteEvent("war"))
    assert "toll" in [c["key"] for c in before["claims"]]
    assert "toll" not in [c["key"] for c in after["claims"]]  # it would name no event


def test_deleting_a_missing_event_changes_nothing(lib: Library) -> None:
    before = dump(lib)
    with pytest.raises(Exception, match="No event 'nope'"):
        perform(DeleteEvent("nope"), lib)
    assert dump(lib) == before
