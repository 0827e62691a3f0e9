"""``Catalog.updated`` re-reads only what an edit changed, and ends where a full load would."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from db.library import Library
from db.records import EventRecord, PassageLink
from desktop.core.catalog import WHOLE, Catalog
from desktop.core.editing import (
    ApplyCode,
    Command,
    CreateEvent,
    CreateNote,
    DeleteEvent,
    EditEvent,
    LinkPassage,
    MoveEvent,
    UnlinkPassage,
    perform,
)
from desktop.core.event_columns import EventColumns
from desktop.core.workbench import Workbench
from desktop.model.changes import LOCAL, MIXED, REMOTE, Changes


def event(library: Library, key: str) -> EventRecord:
    with library.unit_of_work() as uow:
        return uow.events.get(key)


COMMANDS: dict[str, Callable[[Library], Command]] = {
    "create": lambda lib: CreateEvent(
        EventRecord("summit", "Summit", "2009-05", 733528.0, 733559.0, lane="georgia")
    ),
    "move earlier, to another lane": lambda lib: MoveEvent(
        event(lib, "war"), "2001-01-01", None, "russia-great-powers"
    ),
    "delete with passages": lambda lib: DeleteEvent("war"),
    "retitle in place": lambda lib: EditEvent(
        event(lib, "war"),
        replace(event(lib, "war"), title="The war", importance=3, lane="russia-great-powers"),
    ),
    "drop a tag": lambda lib: EditEvent(event(lib, "war"), replace(event(lib, "war"), tags=())),
    "a tag new to the library": lambda lib: EditEvent(
        event(lib, "war"), replace(event(lib, "war"), tags=("war", "caucasus"))
    ),
    "link a passage": lambda lib: LinkPassage("p2", PassageLink("ceasefire")),
    "unlink a passage": lambda lib: UnlinkPassage("p1", "war"),
    "code a passage": lambda lib: ApplyCode("p2", "military", "carol"),
    "note": lambda lib: CreateNote("event", "war", "a memo"),
}


@pytest.mark.parametrize("read_first", [False, True], ids=["columns only", "records read"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_updated_equals_a_full_load(lib: Library, name: str, read_first: bool) -> None:
    before = Catalog.load(lib)
    if read_first:
        assert before.events  # the records are patched too, not read again
    command = COMMANDS[name](lib)
    changes = perform(command, lib)
    after = before.updated(lib, changes)
    partial = not any(getattr(changes, name) for name in WHOLE)
    assert after.events_read == (read_first and partial)
    assert after == Catalog.load(lib)
    assert after.updated(lib, perform(command, lib, undo=True)) == Catalog.load(lib)


def test_opening_reads_columns_and_records_on_demand(lib: Library) -> None:
    catalog = Catalog.load(lib)
    assert not catalog.events_read
    with lib.unit_of_work() as uow:
        records = uow.events.list()
        war = uow.events.get("war")
    assert catalog.keys == tuple(e.key for e in records)
    assert catalog.columns == EventColumns.of_records(records)
    assert catalog.tags == tuple(sorted({tag for e in records for tag in e.tags}))
    assert catalog.event("war") == war and catalog.event("nothing") is None
    assert not catalog.events_read  # one record read alone
    assert catalog.events == tuple(records)
    assert catalog.event("war") is catalog.events[catalog.keys.index("war")]


def test_a_new_lane_reloads_everything(lib: Library) -> None:
    before = Catalog.load(lib)
    with lib.unit_of_work() as uow:
        from db.records import LaneRecord

        uow.lanes.add(LaneRecord("asia", "Central Asia", position=5))
        uow.events.update(replace(uow.events.get("ceasefire"), lane="asia"))
        uow.commit()
    changes = perform(MoveEvent(event(lib, "ceasefire"), "2008-08", None), lib)
    assert "asia" in {lane.key for lane in before.updated(lib, changes).lanes}


def test_workbench_reload_says_what_it_reread(lib: Library) -> None:
    bench = Workbench(lib)
    seen: list[Changes] = []
    bench.events.catalog.connect(seen.append)
    changes = perform(CreateNote("event", "war", "memo"), lib)
    bench.reload(changes)
    bench.reload()
    bench.reload(Changes(everything=True, origin=REMOTE))
    assert seen == [
        changes,
        Changes(everything=True),
        Changes(everything=True, origin=REMOTE),
    ]


def test_change_sets_merge_and_keep_their_origin() -> None:
    mine = Changes.of(events=["a"])
    theirs = Changes.of(events=["b"], codes=["x"]).from_origin(REMOTE)
    assert (mine | mine.from_origin(LOCAL)).origin == LOCAL
    merged = mine | theirs
    assert merged == Changes.of(events=["a", "b"], codes=["x"]).from_origin(MIXED)
    assert not merged.is_empty and Changes(origin=REMOTE).is_empty
    assert (Changes() | Changes(everything=True)).everything


def test_records_read_late_line_up_with_the_columns(lib: Library) -> None:
    """Another client adds and deletes events after the columns were read: the records read
    later still match the catalog's keys one for one."""
    catalog = Catalog.load(lib)
    perform(DeleteEvent("war"), lib)
    perform(
        CreateEvent(EventRecord("summit", "Summit", "2009-05", 733528.0, 733559.0, lane="georgia")),
        lib,
    )
    assert [event.key for event in catalog.events] == list(catalog.keys)
    assert catalog.event("war") is not None and catalog.event("summit") is None


def test_a_record_read_alone_is_the_current_one_after_an_edit_and_its_undo(lib: Library) -> None:
    """The single records ``event(key)`` read before an edit are not carried over the fresh
    ones: editing the event again after an undo starts from its current stamp (a stale one
    made the window report a conflict with the user's own undo)."""
    catalog = Catalog.load(lib)
    before = catalog.event("war")
    assert before is not None and not catalog.events_read
    command = EditEvent(before, replace(before, title="The war"))
    catalog = catalog.updated(lib, perform(command, lib))
    assert catalog.event("war") == event(lib, "war")
    catalog = catalog.updated(lib, perform(command, lib, undo=True))
    assert catalog.event("war") == event(lib, "war")
    assert catalog.event("war") != before  # same title, a newer stamp
    assert not catalog.events_read


def test_actor_names_are_read_without_the_records(lib: Library) -> None:
    catalog = Catalog.load(lib)
    names = catalog.actor_names()
    assert not catalog.events_read
    assert names == {actor for event in catalog.events for actor in event.actors}
    assert names == {"Russia", "Georgia"} and catalog.actor_names() == names  # records read
