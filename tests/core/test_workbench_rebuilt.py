"""A worker preparing the texts of a catalog that a full reload has replaced keeps nothing."""

from __future__ import annotations

import threading

import pytest

from db.library import Library
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

    def held(catalog: Catalog) -> tuple[str, ...]:
        if catalog is old:
            reading.set()
            release.wait(10)
        return read(catalog)

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
