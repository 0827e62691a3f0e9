"""The status line's counts: read again when records come or go, not after an edit in place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.library import Library
from desktop.model.changes import Changes
from tests.ui.shell.support import event, fill_library, make_window


def test_counts_are_read_again_only_when_records_come_or_go(
    qtbot: QtBot, sqlite_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_library(sqlite_library)
    window = make_window(qtbot, sqlite_library, tmp_path)
    workbench = window.workbench
    assert window.counts_label.text().startswith("4 of 4 events · 2 sources")
    reads: list[int] = []
    counts = sqlite_library.counts
    monkeypatch.setattr(sqlite_library, "counts", lambda: reads.append(1) or counts())

    def write_and_reload(added: bool, **changed: list[str]) -> None:
        with sqlite_library.unit_of_work("tester") as uow:
            if added:
                uow.events.add(event("new-2020", "New", "2020", None, "georgia", 2, ()))
            else:
                war = uow.events.get("war-2008")
                uow.events.update(replace(war, title="Renamed war"))
            uow.commit()
        with qtbot.waitSignal(window.signals.catalog_changed):
            workbench.reload(Changes.of(**changed))

    write_and_reload(False, events=["war-2008"])
    assert reads == [] and window.counts_label.text().startswith("4 of 4 events · 2 sources")
    write_and_reload(True, events=["new-2020"])
    assert reads == [1] and window.counts_label.text().startswith("5 of 5 events · 2 sources")
    with qtbot.waitSignal(window.signals.catalog_changed):
        workbench.reload(Changes.of(sources=["bbc-2008"]))
    assert reads == [1, 1]
