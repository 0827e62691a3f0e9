"""Two libraries on one SQLite file: a stale edit raises the conflict dialog, never a silent
overwrite; a failed write is explained and the screen reloaded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton

from db.library import Library, open_library
from desktop.core.editing import DeleteEvent, EditEvent, perform
from desktop.ui.editing.conflict import MINE, THEIRS, ConflictCase, ConflictDialog
from tests.ui.editing.conftest import event_row, installation


@pytest.fixture
def other(window: Any) -> Iterator[Library]:
    second = open_library(window.workbench.library.url)
    yield second
    second.dispose()


def _war(window: Any) -> Any:
    return next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")


def _stale_edit(window: Any, other: Library, choice: str) -> tuple[Any, list[ConflictCase]]:
    war = _war(window)  # loaded before the other client writes
    theirs = replace(event_row(other, war.key), title="Five-day war")
    assert perform(EditEvent(event_row(other, war.key), theirs, "bob"), other)
    cases: list[ConflictCase] = []
    window.session.editing.controller.ask_conflict = lambda case: cases.append(case) or choice
    events = installation(window).events
    events.ask = lambda editor: replace(editor.record(), summary="My new summary.")
    window.workbench.select([war.key])
    events.edit_event()
    return war, cases


def test_keep_mine_reapplies_my_change_onto_theirs(window: Any, other: Library) -> None:
    war, cases = _stale_edit(window, other, MINE)
    assert len(cases) == 1 and cases[0].theirs is not None
    assert cases[0].theirs.title == "Five-day war" and cases[0].mine.summary == "My new summary."
    row = event_row(window.workbench.library, war.key)
    assert (row.title, row.summary) == ("Five-day war", "My new summary.")
    assert window.workbench.catalog.event(war.key).summary == "My new summary."
    window.menu_actions.undo.trigger()
    row = event_row(window.workbench.library, war.key)
    assert (row.title, row.summary) == ("Five-day war", war.summary)


def test_take_theirs_changes_nothing_and_reloads(window: Any, other: Library) -> None:
    war, cases = _stale_edit(window, other, THEIRS)
    assert len(cases) == 1
    row = event_row(window.workbench.library, war.key)
    assert (row.title, row.summary) == ("Five-day war", war.summary)
    assert window.workbench.catalog.event(war.key).title == "Five-day war"
    assert window.session.editing.controller.history.labels == []


def test_deleted_meanwhile_is_explained_and_the_screen_reloads(window: Any, other: Library) -> None:
    war = _war(window)
    perform(DeleteEvent(war.key, "bob"), other)
    warned: list[str] = []
    window.session.editing.controller.warn = lambda title, message: warned.append(message)
    window.session.editing.controller.ask_conflict = lambda case: THEIRS
    events = installation(window).events
    events.ask = lambda editor: replace(editor.record(), summary="x")
    window.workbench.select([war.key])
    assert not events.edit_event()
    assert len(warned) == 1 and war.key in warned[0]
    assert window.workbench.catalog.event(war.key) is None
    assert event_row(window.workbench.library, war.key) is None


def test_dialog_compares_side_by_side_and_keeps_mine(qtbot: Any, window: Any) -> None:
    war = _war(window)
    case = ConflictCase(
        "Edit event", war, replace(war, summary="mine"), replace(war, title="theirs")
    )
    dialog = ConflictDialog(case, window)
    qtbot.addWidget(dialog)
    assert dialog.table.isHidden()
    dialog.compare.click()
    assert not dialog.table.isHidden()
    rows = {dialog.table.verticalHeaderItem(r).text(): r for r in range(dialog.table.rowCount())}
    assert dialog.table.item(rows["summary"], 0).text() == "mine"
    assert dialog.table.item(rows["title"], 1).text() == "theirs"
    assert dialog.table.item(rows["title"], 0).font().bold()
    assert not dialog.table.item(rows["lane"], 0).font().bold()
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Keep mine").click()
    assert dialog.choice == MINE
