"""Patching the timeline's scene data after an edit of a few events gives what a full rebuild
from the catalog gives, event by event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from db.library import Library
from db.records import EventRecord
from desktop.core.editing import Command, CreateEvent, DeleteEvent, EditEvent, MoveEvent, perform
from desktop.core.sample import load_sample
from desktop.core.timeline.from_catalog import rows_of_catalog, scene_data_from_catalog
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.scene import SceneData
from desktop.core.timeline.scene_patch import patched_scene_data
from desktop.core.workbench import Workbench


def drawn(data: SceneData) -> dict[str, tuple[Any, ...]]:
    """Per live event: its row, date shapes, coverage and how the store holds it."""
    store = {int(i): k for k, i in enumerate(data.store.ids.tolist())}
    found = {}
    for key, row in data.id_of_key.items():
        rows = data.rows
        at = store.get(row)
        found[key] = (
            rows.lanes[row],
            float(rows.t_lo[row]),
            float(rows.t_hi[row]),
            int(rows.importance[row]),
            rows.titles[row],
            rows.starts[row],
            rows.ends[row],
            bool(data.soft[row]),
            float(data.fuzzy_lo[row]),
            float(data.fuzzy_hi[row]),
            int(data.precision[row]),
            data.coverage_src[data.coverage_ptr[row] : data.coverage_ptr[row + 1]].tolist(),
            None if at is None else int(data.store.lane[at]),
            None if at is None else data.store.titles[at],
        )
    return found


def war(bench: Workbench) -> EventRecord:
    return next(e for e in bench.catalog.events if e.start == "2008-08-07")


def quiet(bench: Workbench) -> EventRecord:
    """An event no passage speaks of (deleting it changes no passage)."""
    return next(e for e in bench.catalog.events if e.key not in bench.catalog.coverage)


EDITS: dict[str, Callable[[Workbench], Command]] = {
    "rename": lambda b: EditEvent(war(b), replace(war(b), title="The August war")),
    "rename and re-rank": lambda b: EditEvent(
        war(b), replace(war(b), title="The August war", importance=3)
    ),
    "to month precision": lambda b: MoveEvent(war(b), "2008-08", None),
    "to another lane": lambda b: MoveEvent(war(b), "2009-01-05", None, b.catalog.lanes[-2].key),
    "create": lambda b: CreateEvent(
        EventRecord("summit", "A summit", "2012~", 0.0, 1.0, lane=b.catalog.lanes[0].key)
    ),
    "delete": lambda b: DeleteEvent(quiet(b).key),
}


@pytest.mark.parametrize("shared", [False, True], ids=["copied rows", "catalog's rows"])
@pytest.mark.parametrize("name", list(EDITS))
def test_patched_scene_matches_a_rebuild(sqlite_library: Library, name: str, shared: bool) -> None:
    load_sample(sqlite_library)
    lane = Workbench(sqlite_library).catalog.lanes[0].key
    perform(
        CreateEvent(
            EventRecord("lonely", "No source speaks of it", "2015-06-01", 0.0, 1.0, lane=lane)
        ),
        sqlite_library,
    )
    bench = Workbench(sqlite_library)
    before = scene_data_from_catalog(bench.catalog, LaneState())
    command = EDITS[name](bench)
    for undo in (False, True):
        changes = perform(command, sqlite_library, undo=undo)
        assert changes.events and not changes.passages
        bench.reload(changes)
        fresh = {key: bench.catalog.event(key) for key in changes.events}
        same_keys = bench.catalog.keys is before.rows.keys
        rows = rows_of_catalog(bench.catalog) if shared and same_keys else None
        before = patched_scene_data(before, changes.events, fresh, rows)
        if shared and name.startswith("rename"):  # the catalog's columns, patched in place
            assert same_keys and before.rows.titles is bench.catalog.columns.titles
        full = scene_data_from_catalog(bench.catalog, LaneState())
        assert drawn(before) == drawn(full)
        assert len(before.store) == len(full.store)


def test_a_retitle_copies_the_store_instead_of_rebuilding_it(sqlite_library: Library) -> None:
    load_sample(sqlite_library)
    bench = Workbench(sqlite_library)
    before = scene_data_from_catalog(bench.catalog, LaneState())
    list(before.store.titles)  # read now: titles not read yet are read as the library has them
    changes = perform(EDITS["rename and re-rank"](bench), sqlite_library)
    bench.reload(changes)
    fresh = {key: bench.catalog.event(key) for key in changes.events}
    after = patched_scene_data(before, changes.events, fresh)
    assert after.store.origin is not None and after.store.origin.ranked
    assert after.store.t_lo is before.store.t_lo  # same order: nothing sorted again
    assert "The August war" in after.store.titles and "The August war" not in before.store.titles
    for name in ("soft", "fuzzy_lo", "fuzzy_hi", "precision", "coverage_ptr"):
        assert getattr(after, name) is getattr(before, name), name  # unchanged: not copied
    moved = perform(EDITS["to another lane"](bench), sqlite_library)
    bench.reload(moved)
    fresh = {key: bench.catalog.event(key) for key in moved.events}
    assert patched_scene_data(after, moved.events, fresh).store.origin is None  # rebuilt
