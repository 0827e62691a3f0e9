"""Loading a catalog runs no cyclic garbage collection and leaves what it made to the oldest
generation, so no collection of young objects walks the columns right after; the collector
is left as it was found (enabled or not, nothing frozen that was not)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from db.library import Library
from db.records import EventRecord
from desktop.core.catalog import Catalog
from desktop.core.event_columns import EventColumns


@pytest.fixture
def filled(sqlite_library: Library) -> Library:
    with sqlite_library.unit_of_work() as uow:
        uow.events.add_many(
            [
                EventRecord(f"e{k}", f"Event {k}", "2001-01-01", 730486.0 + k, 730487.0 + k)
                for k in range(50)
            ]
        )
        uow.commit()
    return sqlite_library


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generations collected while the test runs."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def test_a_load_collects_nothing_and_leaves_its_columns_to_full_collections(
    filled: Library, collections: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    during: list[int] = []
    read = EventColumns.of

    def of(*args: Any) -> EventColumns:
        before = len(collections)
        found = read(*args)
        garbage = [[k] for k in range(100)]  # allocations that would start collections
        during.append(len(collections) - before)
        del garbage
        return found

    monkeypatch.setattr(EventColumns, "of", of)
    frozen, threshold = gc.get_freeze_count(), gc.get_threshold()
    gc.set_threshold(1, *threshold[1:])  # would collect at almost every allocation
    try:
        catalog = Catalog.load(filled)
    finally:
        gc.set_threshold(*threshold)
    assert during == [0]  # none while the columns were read
    assert gc.isenabled()
    assert catalog.keys == tuple(f"e{k}" for k in range(50))
    if not frozen:  # nothing frozen before: nothing frozen after, the columns in the oldest
        assert gc.get_freeze_count() == 0
        assert any(found is catalog.columns for found in gc.get_objects(generation=2))
    else:  # the app froze what it holds: the catalog is frozen with it
        assert gc.get_freeze_count() > frozen


def test_a_load_leaves_a_disabled_collector_disabled(filled: Library) -> None:
    gc.disable()
    try:
        Catalog.load(filled)
        assert not gc.isenabled()
    finally:
        gc.enable()
