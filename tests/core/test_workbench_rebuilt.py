"""A worker preparing the texts of a catalog that a full reload has replaced keeps nothing; the
library's join of the search texts, read ahead, is what the search is built from."""

from __future__ import annotations

import threading

import pytest

from db.library import Library
from db.repositories.event_texts import JoinedTexts
from desktop.core import workbench as workbench_module
from desktop.core.catalog import Catalog
from desktop.core.event_columns import EventColumns
from desktop.core.workbench import Workbench, rebuilds_catalog
from desktop.model.changes import Changes
from tests.core.test_workbench import fill


def test_a_worker_of_a_rebuilt_catalog_keeps_nothing_and_stops(
    sqlite_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(sqlite_library)
    workbench = Workbench(sqlite_library)
    old = workbench.catalog
    reading, release = threading.Event(), threading.Event()
    read, titled = Catalog._read_texts, []

    def held(catalog: Catalog, joined: JoinedTexts | None = None) -> tuple[str, ...]:
        if catalog is old:
            reading.set()
            release.wait(10)
        return read(catalog, joined)

    monkeypatch.setattr(Catalog, "_read_texts", held)
    monkeypatch.setattr(EventColumns, "read_texts", lambda columns: titled.append(columns))
    workbench.prepare_texts()
    assert reading.wait(5)
    stale = workbench._reader
    assert stale is not None
    workbench.reload()
    release.set()
    stale[1].join(10)
    assert workbench._search is None  # the old catalog's search was not kept
    assert titled == []  # nor its titles read
    workbench.prepare_texts()
    fresh = workbench._reader
    assert fresh is not None and fresh[0] is workbench.catalog
    fresh[1].join(10)
    prepared = workbench._prepared()
    assert prepared is not None and prepared[0] is workbench.catalog
    assert titled == [workbench.catalog.columns]


def test_what_rebuilds_the_catalog() -> None:
    assert rebuilds_catalog(None) and rebuilds_catalog(Changes(everything=True))
    assert rebuilds_catalog(Changes.of(lanes=["l1"])) and rebuilds_catalog(
        Changes.of(sources=["s"])
    )
    assert not rebuilds_catalog(Changes.of(events=["e1"]))


def test_the_join_read_ahead_is_what_the_search_is_built_from(
    sqlite_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.repositories.events import EventRepository

    monkeypatch.setattr(workbench_module, "READ_AHEAD_FROM", 1)
    fill(sqlite_library)
    expected = Workbench(sqlite_library).catalog.search_texts()
    workbench = Workbench(sqlite_library)
    joined, joiners = EventRepository.joined_texts, []

    def joining(events: EventRepository) -> object:
        joiners.append(threading.current_thread().name)
        return joined(events)

    monkeypatch.setattr(EventRepository, "joined_texts", joining)
    workbench.read_search_ahead()
    workbench.read_search_ahead()  # once is enough
    workbench.prepare_search()
    reader = workbench._reader
    assert reader is not None
    reader[1].join(10)
    assert joiners == ["parallax-search-join"]  # joined once, ahead, not by the search worker
    assert list(workbench.catalog.search_texts()) == list(expected)
    assert workbench._prepared_search() is not None and workbench._ahead is None


def test_a_join_read_ahead_is_not_used_for_an_edited_catalog(
    sqlite_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    monkeypatch.setattr(workbench_module, "READ_AHEAD_FROM", 1)
    fill(sqlite_library)
    workbench = Workbench(sqlite_library)
    workbench.read_search_ahead()
    assert workbench._ahead is not None
    with sqlite_library.unit_of_work() as uow:
        uow.events.update(replace(uow.events.get("war"), title="Battle of Tskhinvali"))
        uow.commit()
    workbench.reload(Changes.of(events=["war"]))
    assert workbench._ahead is None
    workbench.prepare_search()
    reader = workbench._reader
    assert reader is not None
    reader[1].join(10)
    position = workbench.catalog.keys.index("war")
    assert "tskhinvali" in workbench.catalog.search_texts()[position]


def test_a_small_library_is_not_read_ahead(sqlite_library: Library) -> None:
    fill(sqlite_library)
    workbench = Workbench(sqlite_library)
    workbench.read_search_ahead()
    assert workbench._ahead is None
