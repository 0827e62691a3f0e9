"""The first text search of a library never blocks the window while what it searches is read:
the read starts as the user types, on a worker thread, and the search applies once it is done."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from db.library import Library
from db.repositories.event_texts import JoinedTexts
from desktop.core.catalog import Catalog
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.filters_panel import FiltersPanel
from tests.ui.shell.support import fill_library


def test_a_search_waits_for_the_worker_without_blocking(
    qtbot: QtBot, sqlite_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_library(sqlite_library)
    workbench = Workbench(sqlite_library)
    panel = FiltersPanel(workbench, WorkbenchSignals(workbench))
    qtbot.addWidget(panel)
    release, reading = threading.Event(), threading.Event()
    read, threads = Catalog._read_texts, set()

    def slow_read(catalog: Catalog, joined: JoinedTexts | None = None) -> tuple[str, ...]:
        threads.add(threading.current_thread().name)
        reading.set()
        release.wait(10)
        return read(catalog, joined)

    monkeypatch.setattr(Catalog, "_read_texts", slow_read)
    qtbot.keyClicks(panel.search, "rose")
    assert reading.wait(5)  # typing started the read
    panel._search_timer.stop()
    panel._write()  # what the typing delay's timer does
    assert panel.count_label.text() == "Searching…"
    qtbot.wait(50)  # the window keeps turning meanwhile
    assert workbench.filters.text == "" and panel.count_label.text() == "Searching…"
    release.set()
    qtbot.waitUntil(lambda: workbench.filters.text == "rose")
    assert panel.count_label.text() == "1 of 4 events"
    assert threads == {"parallax-search-texts"}  # read once, on the worker
    assert not workbench.catalog.events_read
