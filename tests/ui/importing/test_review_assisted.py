"""Accepting assisted suggestions in the review panel: a Russian article on the AZAL crash in
the bundled dataset. Each acceptance is one step of the window's undo history, the Facts tab
then shows the accepted claim, and accepting a code retrains the model off the GUI thread."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from db.library import Library
from desktop.core.assist import acceptors
from desktop.core.assist.refresh import train_current
from desktop.core.assist.storing import assist_sources
from desktop.core.importing import MetadataOverrides, import_document
from desktop.core.sample import load_sample
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.compare import ComparePanel
from desktop.ui.editing.controller import EditingController
from desktop.ui.importing import ReviewPanel
from desktop.ui.importing.model_refresh import CodingModelRefresher
from tests.support import REPO

ARTICLE = REPO / "tests" / "fixtures" / "assist" / "azal_ru.txt"
CRASH = "2024-azal-8243-crash"


def _row_of(panel: ReviewPanel, kind: str, text: str = "", start: int | None = None) -> int:
    for index, item in enumerate(panel.items):
        row = panel.table.topLevelItem(index)
        at = start is None or item.payload.get("passage_start") == start
        if item.kind == kind and row is not None and text in row.text(1) and at:
            return index
    raise AssertionError(f"no {kind} row with {text!r}: {[i.kind for i in panel.items]}")


def _accept(panel: ReviewPanel, index: int) -> str | None:
    panel.table.setCurrentItem(panel.table.topLevelItem(index))
    return panel.accept_current()


def _facts(compare: ComparePanel) -> list[tuple[str, str, str]]:
    """(subject, source, value) for every statement in the Facts tab."""
    tree = compare.strip.facts
    rows = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            rows.append((top.toolTip(0), top.child(j).text(0), top.child(j).text(1)))
    return rows


def _caspian_deaths(compare: ComparePanel) -> list[str]:
    return [v for s, who, v in _facts(compare) if s == "azal-8243.deaths" and "Caspian" in who]


@pytest.mark.slow
def test_accepting_a_claim_and_a_code_in_the_panel(qtbot: Any, sqlite_library: Library) -> None:
    for widget in QApplication.topLevelWidgets():  # report dialogs earlier import tests left
        if isinstance(widget, QDialog) and widget.isVisible():  # open would trip the watchdog
            widget.reject()  # while this test waits for training
    acceptors.register()
    load_sample(sqlite_library)
    overrides = MetadataOverrides(outlet="Caspian Wire", published="2024-12-26", language="ru")
    key = import_document(sqlite_library, ARTICLE, overrides=overrides, suggest=True).source_key
    assert key is not None
    trained = train_current(sqlite_library)
    assist_sources(sqlite_library, [key], model=trained.model)

    workbench = Workbench(sqlite_library, author="tester")
    signals = WorkbenchSignals(workbench)
    editing = EditingController(workbench)
    refresher = CodingModelRefresher(sqlite_library, signals, delay_ms=100)
    refresher.adopt(trained)
    panel = ReviewPanel(workbench, signals, history=editing.history, refresher=refresher)
    panel.recorded.connect(editing.history_changed)
    editing.history_changed.connect(panel.reload_sources)
    compare = ComparePanel(workbench, signals)
    qtbot.addWidget(panel)
    qtbot.addWidget(compare)
    panel.show_source(key)
    assert "This source is in Russian" in panel.model_label.text()
    workbench.select([CRASH])
    qtbot.waitUntil(lambda: bool(_facts(compare)), timeout=20_000)
    assert _caspian_deaths(compare) == []

    claim = _row_of(panel, "claim", "deaths")
    start = panel.items[claim].payload["passage_start"]
    assert panel.table.topLevelItem(claim).text(1) == "Claim azal-8243.deaths: 30 people"
    assert _accept(panel, claim)
    assert editing.history.labels == ["Review: accept 1 suggestion"]
    qtbot.waitUntil(lambda: bool(_caspian_deaths(compare)), timeout=20_000)
    assert _caspian_deaths(compare)[0].startswith("30")

    qtbot.waitUntil(lambda: not refresher.busy, timeout=300_000)  # the claim's check is done
    code = _row_of(panel, "code", "Code: ", start)  # a code of the claim's passage
    with qtbot.waitSignal(refresher.refreshed, timeout=300_000):
        assert _accept(panel, code)  # a coding changed: the model learns again, off the GUI
        assert len(editing.history.labels) == 2
        qtbot.waitUntil(lambda: refresher.busy, timeout=5000)
    assert refresher.trained is not trained
    assert refresher.trained.model.examples == trained.model.examples + 1
    with sqlite_library.unit_of_work() as uow:
        (made,) = uow.passages.for_source(key)
    assert [c.coder for c in made.codings] == ["tester"]

    refresher.stop()  # undoing changes codings again; that retrain is not this test's
    assert editing.undo() and editing.undo()
    qtbot.waitUntil(lambda: _caspian_deaths(compare) == [], timeout=20_000)
    with sqlite_library.unit_of_work() as uow:
        assert uow.passages.for_source(key) == []
