"""Notes, the undo history, keys, Changes and delete descriptions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.errors import ConflictError
from db.library import Library
from desktop.core.editing import (
    CreateNote,
    DeleteNote,
    EditNote,
    UndoHistory,
    describe_delete,
    new_key,
    perform,
)
from desktop.core.editing.keys import slug
from desktop.model.changes import Changes
from tests.core.editing.conftest import dump, round_trip


def test_note_commands_round_trip(lib: Library) -> None:
    create = CreateNote("source", "dw", "Check the **date**.", author="carol")
    round_trip(lib, create)
    with lib.unit_of_work() as uow:
        note = uow.notes.get(create.note.key)
    assert note.author == "carol" and note.target_key == "dw"
    round_trip(lib, EditNote(note, replace(note, body="Checked.")))
    round_trip(lib, DeleteNote("n1"))


def test_stale_note_edit_is_a_conflict(lib: Library) -> None:
    with lib.unit_of_work() as uow:
        note = uow.notes.get("n1")
    perform(EditNote(note, replace(note, body="first")), lib)
    with pytest.raises(ConflictError):
        perform(EditNote(note, replace(note, body="second")), lib)


def test_history_undo_redo_and_clean_state(lib: Library) -> None:
    history = UndoHistory()
    start = dump(lib)
    history.set_clean()
    history.run(CreateNote("event", "war", "one"), lib)
    changes = history.run(DeleteNote("n2"), lib)
    assert changes == Changes.of(notes=["n2"])
    assert history.labels == ["Add note", "Delete note"] and history.index == 2
    assert not history.is_clean and history.undo_label == "Delete note"
    history.undo(lib)
    history.undo(lib)
    assert history.is_clean and dump(lib) == start and not history.can_undo
    assert history.redo_label == "Add note"
    history.redo(lib)
    history.run(DeleteNote("n1"), lib)  # drops the undone "Delete note"
    assert history.labels == ["Add note", "Delete note"] and not history.can_redo
    assert history.undo(lib).notes == {"n1"}


def test_failed_command_is_not_recorded(lib: Library) -> None:
    history = UndoHistory()
    with pytest.raises(Exception, match="No note 'nope'"):
        history.run(DeleteNote("nope"), lib)
    assert history.labels == [] and history.index == 0


def test_history_limit_drops_the_oldest(lib: Library) -> None:
    history = UndoHistory(limit=2)
    for body in ("a", "b", "c"):
        history.run(CreateNote("event", "war", body), lib)
    assert history.index == 2 and len(history.labels) == 2


def test_describe_delete_counts_what_goes_with_it(lib: Library) -> None:
    assert describe_delete(lib, "event", "war") == (
        "Deleting 'Russo-Georgian war' also removes 2 passage links and 1 note."
    )
    assert describe_delete(lib, "code", "conflict") == (
        "Deleting 'Conflict' also removes 2 codings."
    )
    assert describe_delete(lib, "passage", "p2").endswith(
        "also removes 2 codings, 1 event link and 1 relation."
    )
    assert describe_delete(lib, "note", "n1") == "Deleting 'memo on the war' removes nothing else."


def test_keys_are_readable_and_unique() -> None:
    assert slug("Battle of Crécy, 1346") == "battle-of-crecy-1346"
    assert slug("Война") == "item"
    keys = {new_key("Russo-Georgian war") for _ in range(50)}
    assert len(keys) == 50
    assert all(k.startswith("russo-georgian-war-") and len(k) == 25 for k in keys)


def test_changes_combine() -> None:
    both = Changes.of(events=["a"]) | Changes.of(events=["b"], codes=["c"])
    assert both.events == {"a", "b"} and both.codes == {"c"} and not both.is_empty
    assert Changes().is_empty and not Changes(everything=True).is_empty
