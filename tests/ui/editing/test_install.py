"""A library session enables the editing actions; after a library switch the new session's
handlers run, once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from db.library import open_library
from desktop.core.sample import load_sample
from desktop.ui.team.coder_switch import CoderSwitch
from tests.ui.editing.conftest import installation
from tests.ui.switching import switch_and_wait


def test_actions_enabled_and_docks_tabbed(window: Any) -> None:
    actions = window.menu_actions
    assert actions.new_event.isEnabled() and actions.find.isEnabled()
    assert not actions.undo.isEnabled() and not actions.redo.isEnabled()
    assert "not built" not in actions.new_event.statusTip()
    for name in ("search", "notes", "history", "codebook"):
        assert name in window.panels.docks
    tabbed = window.tabifiedDockWidgets(window.panels.docks["search"])
    assert {d.objectName() for d in tabbed} == {"dock_notes", "dock_history", "dock_codebook"}
    assert window.timeline_widget.view.events_draggable


def test_library_switch_reinstalls_once(qtbot: Any, window: Any, tmp_path: Path) -> None:
    old_session = window.session
    first = old_session.editing.controller
    other = open_library(str(tmp_path / "other.sqlite"))
    load_sample(other)
    other.dispose()
    switch_and_wait(qtbot, window, str(tmp_path / "other.sqlite"))
    second = window.session.editing.controller
    assert second is not first and second.workbench is window.workbench
    assert second.history.labels == []
    # the session left behind is closed: its poller no longer ticks, its tools are gone
    assert old_session.closed and not old_session.team.hub.timer.isActive()
    shown = map(window.toolbar.widgetForAction, window.toolbar.actions())
    assert [w for w in shown if isinstance(w, CoderSwitch)] == [window.session.team.coder_switch]
    asked: list[object] = []
    installation(window).events.ask = lambda editor: asked.append(editor)
    window.menu_actions.new_event.trigger()
    assert len(asked) == 1, "New event must be wired exactly once after a switch"
    window.menu_actions.find.trigger()
    assert window.panels.docks["search"].isVisible()
