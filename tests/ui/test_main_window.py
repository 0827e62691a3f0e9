"""The main window: docks, slots, menus, settings across restarts, library switching."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from db.library import Library, open_library
from desktop.core.filters import Filters
from desktop.ui.main_window import MainWindow
from desktop.ui.shell import library_dialogs
from tests.ui.shell.support import fill_library, make_window
from tests.ui.switching import switch_and_wait


@pytest.fixture
def filled_library(sqlite_library: Library) -> Library:
    fill_library(sqlite_library)
    return sqlite_library


class FakeTimeline(QWidget):
    """Stands in for the timeline slot: records navigation and round-trips its state."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []
        self.window_state: dict[str, Any] = {"t0": 1.0, "t1": 2.0}

    def zoom_in(self) -> None:
        self.calls.append("in")

    def zoom_out(self) -> None:
        self.calls.append("out")

    def fit_all(self) -> None:
        self.calls.append("fit")

    def go_home(self) -> None:
        self.calls.append("home")

    def state(self) -> dict[str, Any]:
        return dict(self.window_state)

    def restore(self, state: dict[str, Any]) -> None:
        self.window_state = dict(state)


def test_window_opens_with_every_dock(qtbot, filled_library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, filled_library, tmp_path)
    assert "Parallax" in window.windowTitle()
    assert window.counts_label.text().startswith("4 of 4 events · 2 sources")
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    assert set(docks) == {"dock_filters", "dock_details"}
    assert all(d.isVisible() for d in docks.values())
    panel_titles = [a.text() for a in window.panels.toggles()]
    assert panel_titles == ["Filters", "Event details"]
    labels = [
        host.currentWidget()
        for host in window.slot_hosts
        if isinstance(host.currentWidget(), QLabel)
    ]
    assert len(labels) == 2  # both slots hold placeholders until the composition root fills them


def test_actions_have_names_tips_and_honest_states(
    qtbot: QtBot, filled_library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, filled_library, tmp_path)
    for action in window.menu_actions.all():
        assert action.toolTip() and action.statusTip(), action.objectName()
    assert not window.menu_actions.undo.isEnabled()
    assert not window.menu_actions.import_documents.isEnabled()  # no library session yet
    assert "until a library is shown" in window.menu_actions.import_documents.statusTip()
    assert not window.menu_actions.zoom_in.isEnabled()  # no timeline yet
    assert window.menu_actions.open_library.shortcut().toString()
    for button in window.toolbar.actions():
        assert button.isSeparator() or button.text()


def test_navigation_reaches_a_navigable_timeline(
    qtbot: QtBot, filled_library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, filled_library, tmp_path)
    timeline = FakeTimeline()
    window.set_timeline_widget(timeline)
    assert window.slot_hosts[0].currentWidget() is timeline
    for action in window.menu_actions.navigation():
        assert action.isEnabled()
        action.trigger()
    assert timeline.calls == ["in", "out", "fit", "home"]


def test_layout_filters_selection_and_view_survive_a_restart(
    qtbot: QtBot, filled_library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, filled_library, tmp_path)
    window.resize(700, 520)
    window.panels.docks["details"].hide()
    window.workbench.set_filters(Filters(lanes=frozenset({"georgia"}), text="war"))
    window.workbench.select(["war-2008"])
    timeline = FakeTimeline()
    timeline.window_state = {"t0": 733000.0, "t1": 734000.0}
    window.set_timeline_widget(timeline)
    window.close()

    again = make_window(qtbot, filled_library, tmp_path)
    assert (again.width(), again.height()) == (700, 520)
    assert again.panels.docks["details"].isHidden()
    assert again.panels.docks["filters"].isVisible()
    assert again.workbench.filters == Filters(lanes=frozenset({"georgia"}), text="war")
    assert again.filters_panel.search.text() == "war"
    assert again.workbench.selection == ("war-2008",)
    restored = FakeTimeline()
    again.set_timeline_widget(restored)
    assert restored.window_state == {"t0": 733000.0, "t1": 734000.0}


def test_filters_dock_writes_filters_and_shows_counts(
    qtbot: QtBot, filled_library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, filled_library, tmp_path)
    panel = window.filters_panel
    assert panel.count_label.text() == "4 of 4 events"
    panel.lanes.set_checked_key("georgia", True)
    assert window.workbench.filters.lanes == frozenset({"georgia"})
    assert panel.count_label.text() == "2 of 4 events"
    qtbot.keyClicks(panel.search, "rose")
    qtbot.waitUntil(lambda: window.workbench.filters.text == "rose")
    assert panel.count_label.text() == "1 of 4 events"
    panel.dim_radio.click()
    assert window.workbench.filters.dim_instead_of_hide
    panel.sources.set_checked_key("rt-2008", True)
    assert panel.count_label.text() == "0 of 4 events"
    panel.clear_button.click()
    qtbot.waitUntil(lambda: panel.count_label.text() == "4 of 4 events")
    assert not panel.lanes.checked() and panel.search.text() == ""
    assert window.workbench.filters == Filters(dim_instead_of_hide=True)
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("4 of 4 events"))


def test_sources_filter_lists_short_labels_with_the_title_as_tooltip(
    qtbot: QtBot, filled_library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, filled_library, tmp_path)
    items = window.filters_panel.sources
    rows = {items.item(r).text(): items.item(r).toolTip() for r in range(items.count())}
    assert set(rows) == {"BBC", "RT"}  # the labels the panes and legend use, not the titles
    assert rows["BBC"].startswith("War report by BBC")


def test_event_details_follow_the_selection(qtbot, filled_library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, filled_library, tmp_path)
    details = window.details_panel
    assert "Select an event" in details.toPlainText()
    window.workbench.select(["war-2008"])
    qtbot.waitUntil(lambda: "Russo-Georgian war" in details.toPlainText())
    text = details.toPlainText()
    assert "7–12 August 2008" in text and "Georgia" in text and "war" in text
    assert "War report by BBC" in text and "War report by RT" in text
    window.menu_actions.clear_selection.trigger()
    qtbot.waitUntil(lambda: "Select an event" in details.toPlainText())
    assert window.workbench.selection == ()


def test_escape_clears_the_selection(qtbot, filled_library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, filled_library, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.workbench.select(["crimea-2014"])
    window.details_panel.setFocus()
    qtbot.keyClick(window.details_panel, Qt.Key.Key_Escape)
    assert window.workbench.selection == ()


def test_find_focuses_the_search_box(qtbot, filled_library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, filled_library, tmp_path)
    window.panels.docks["filters"].close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.menu_actions.find.trigger()
    assert window.panels.docks["filters"].isVisible()
    qtbot.waitUntil(window.filters_panel.search.hasFocus)


def test_new_and_open_switch_libraries(
    qtbot: QtBot, filled_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, filled_library, tmp_path)
    switched: list[object] = []
    window.workbench_changed.connect(lambda wb, _signals: switched.append(wb))
    window.set_timeline_widget(FakeTimeline())
    new_path = tmp_path / "second.sqlite"
    monkeypatch.setattr(library_dialogs, "ask_new_library_path", lambda _parent: str(new_path))
    with qtbot.waitSignal(window.workbench_changed, timeout=30000):
        window.menu_actions.new_library.trigger()
    assert new_path.exists()
    assert window.workbench.library.url.endswith("second.sqlite")
    assert window.workbench.catalog.events == ()
    assert window.filters_panel.count_label.text() == "0 of 0 events"
    assert switched == [window.workbench]
    assert window.timeline_widget is None and not window.menu_actions.zoom_in.isEnabled()
    assert "second.sqlite" in window.windowTitle()

    first = filled_library.url.removeprefix("sqlite:///")
    monkeypatch.setattr(library_dialogs, "ask_library_to_open", lambda _parent, _recent: first)
    with qtbot.waitSignal(window.workbench_changed, timeout=30000):
        window.menu_actions.open_library.trigger()
    assert len(window.workbench.catalog.events) == 4
    assert window.recent_menu.actions()[0].text() == window.library_key
    assert [a.text() for a in window.recent_menu.actions()][1].endswith("second.sqlite")


def test_a_foreign_file_keeps_the_current_library(
    qtbot: QtBot, filled_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, filled_library, tmp_path)
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database at all, just some text " * 50)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        MainWindow, "show_problem", lambda _self, title, msg: shown.append((title, msg))
    )
    monkeypatch.setattr(library_dialogs, "ask_library_to_open", lambda _p, _r: str(foreign))
    before = window.workbench
    window.menu_actions.open_library.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert window.workbench is before
    assert shown and shown[0][0] == "Cannot open the library" and "notes.txt" in shown[0][1]
    assert len(window.workbench.catalog.events) == 4
    missing = tmp_path / "nowhere.sqlite"
    assert not window.open_existing(str(missing))
    assert not missing.exists() and "no library file" in shown[-1][1]


def test_a_library_open_in_another_window_is_fine(
    qtbot: QtBot, filled_library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, filled_library, tmp_path)
    other = open_library(filled_library.url)
    try:
        switch_and_wait(qtbot, window, other.url.removeprefix("sqlite:///"))
        assert len(window.workbench.catalog.events) == 4
    finally:
        other.dispose()


def test_welcome_shows_once_and_on_request(qtbot, filled_library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, filled_library, tmp_path)
    assert window.welcome.isVisible()
    assert not window.welcome.dont_show.isChecked()  # never decided for the researcher
    window.welcome.dont_show.setChecked(True)
    window.welcome.close_button.click()
    assert not window.welcome.isVisible()
    window.close()
    again = make_window(qtbot, filled_library, tmp_path)
    assert not again.welcome.isVisible()
    again.menu_actions.welcome.trigger()
    assert again.welcome.isVisible()


def test_every_focusable_control_has_an_accessible_name(
    qtbot: QtBot, filled_library: Library, tmp_path: Path
) -> None:
    from PySide6.QtGui import QAccessible

    window = make_window(qtbot, filled_library, tmp_path)
    focusable = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert len(focusable) >= 10
    for widget in focusable:
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface.text(QAccessible.Text.Name).strip(), type(widget).__name__


def test_tab_moves_from_timeline_to_comparison_to_filters(
    qtbot: QtBot, filled_library: Library, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLineEdit

    window = make_window(qtbot, filled_library, tmp_path)
    timeline, compare = QLineEdit("timeline"), QLineEdit("compare")
    window.set_timeline_widget(timeline)
    window.set_compare_widget(compare)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    timeline.setFocus()
    qtbot.waitUntil(timeline.hasFocus)
    qtbot.keyClick(timeline, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert compare.hasFocus(), (type(focused).__name__, focused.accessibleName())
    qtbot.keyClick(compare, Qt.Key.Key_Tab)
    assert window.filters_panel.search.hasFocus()


def test_added_panels_join_the_view_menu_and_keep_their_place(
    qtbot: QtBot, filled_library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, filled_library, tmp_path)
    window.add_panel("notes", "Notes", QLabel("notes"), Qt.DockWidgetArea.LeftDockWidgetArea)
    panels_menu = window.view_menu.actions()[0].menu()
    assert [a.text() for a in panels_menu.actions()] == ["Filters", "Event details", "Notes"]
    notes = window.panels.docks["notes"]
    assert window.dockWidgetArea(notes) == Qt.DockWidgetArea.LeftDockWidgetArea
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, notes)
    window.close()

    again = make_window(qtbot, filled_library, tmp_path)
    again.add_panel("notes", "Notes", QLabel("notes"), Qt.DockWidgetArea.LeftDockWidgetArea)
    moved = again.panels.docks["notes"]
    assert again.dockWidgetArea(moved) == Qt.DockWidgetArea.BottomDockWidgetArea
    with pytest.raises(ValueError):
        again.add_panel("notes", "Notes again", QLabel())


def gated_opener(opened: list[Library], gate: threading.Event) -> Any:
    """An opener that waits (bounded) until ``gate`` is set, then opens and records the library:
    a stand-in for reading a big library, driven by the test instead of by the clock."""

    def opener(location: str) -> Library:
        if not gate.wait(timeout=20):
            raise TimeoutError("the gate was never opened: the event loop did not turn")
        library = open_library(location)
        opened.append(library)
        return library

    return opener


def test_opening_a_library_keeps_the_window_answering(
    qtbot: QtBot, filled_library: Library, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer

    opened: list[Library] = []
    gate = threading.Event()
    window = make_window(qtbot, filled_library, tmp_path, opener=gated_opener(opened, gate))
    path = filled_library.url.removeprefix("sqlite:///")
    with qtbot.waitSignal(window.workbench_changed, timeout=30000):
        handle = window.switch_library(path)
        assert not handle.done  # the call returned at once: the work runs on a worker thread
        QTimer.singleShot(20, gate.set)  # only a turning event loop lets the open finish
    assert window.workbench.library is opened[0]
    assert len(window.workbench.catalog.events) == 4


def test_cancelling_an_open_keeps_the_current_library(
    qtbot: QtBot, filled_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Library] = []
    gate = threading.Event()
    window = make_window(qtbot, filled_library, tmp_path, opener=gated_opener(opened, gate))
    before = window.workbench
    changed: list[object] = []
    window.workbench_changed.connect(lambda wb, _s: changed.append(wb))
    disposed: list[Library] = []
    monkeypatch.setattr(Library, "dispose", lambda self: disposed.append(self))
    handle = window.switch_library(filled_library.url.removeprefix("sqlite:///"))
    with qtbot.waitSignal(handle.cancelled, timeout=30000):
        handle.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
        gate.set()  # the read ends after the cancel, as a slow read would
    assert window.workbench is before and not changed
    assert len(opened) == 1 and disposed == opened  # the library read in vain is closed again
