"""Puts the editing interface into the main window: the controller, the Undo/Redo/Find/New
event actions, the Event menu entries, the timeline and reader hooks, and four docks
(Search, Notes, History, Codebook).

Called by the composition root after the slots are filled, again after each library switch:
the previous installation is taken down first (its connections and actions), so nothing is
wired twice and the new library gets a fresh undo history.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.editing.codebook_dock import CodebookDock
from desktop.ui.editing.controller import EditingController
from desktop.ui.editing.event_actions import EventActions
from desktop.ui.editing.history_dock import HistoryDock
from desktop.ui.editing.navigate import Navigator
from desktop.ui.editing.notes_dock import NotesDock
from desktop.ui.editing.passage_tools import ReaderEditing
from desktop.ui.editing.search_dock import SearchDock
from desktop.ui.editing.source_actions import add_source, edit_source_identity, read_source
from desktop.ui.shell.actions import available
from desktop.ui.shell.docks import Area

TIPS = {
    "undo": "Undo the last change",
    "redo": "Redo the change just undone",
    "new_event": "Add an event to the timeline",
    "find": "Search events, sources, passages and notes",
}


def _disconnect(signal: Any, slot: Callable[..., Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with contextlib.suppress(RuntimeError, TypeError):
            signal.disconnect(slot)


class Editing:
    """Everything ``install_editing`` adds, so a later install can take it down."""

    def __init__(self, window: Any, workbench: Workbench) -> None:
        self.window = window
        self.controller = EditingController(workbench, window)
        self.events = EventActions(self.controller, window)
        self.codebook = CodebookDock(self.controller)
        self.navigator = Navigator(window, workbench, self.show_code)
        self.notes = NotesDock(self.controller, self.navigator.describe)
        self.search = SearchDock(workbench.library)
        self.history = HistoryDock(self.controller)
        self.reader_tools: ReaderEditing | None = None
        self._connections: list[tuple[Any, Callable[..., Any]]] = []
        self._owned: list[QAction] = []
        self.notes.target_activated.connect(self.navigator.go)
        self.search.target_activated.connect(self.navigator.go)
        self.codebook.note_requested.connect(self.notes.add_note)
        self.controller.history_changed.connect(self.update_actions)
        remember = getattr(window, "remember_author", None)
        if remember is not None:
            self.controller.author_chosen.connect(remember)

    def show_code(self, key: str) -> None:
        self.window.panels.show("codebook")
        self.codebook.select(key)

    def edit_identity(self, source_key: str | None) -> None:
        edit_source_identity(self.window, self.controller, source_key)

    def show_search(self) -> None:
        self.window.panels.show("search")
        self.search.focus_query()

    def connect(self, signal: Any, slot: Callable[..., Any]) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    def install(self) -> None:
        self._add_docks()
        self._wire_actions()
        self._wire_timeline()
        compare = self.window.compare_widget
        reader = getattr(compare, "reader", None)
        if reader is not None:
            self.reader_tools = ReaderEditing(reader, self.controller, self.notes.add_note)
        self.update_actions()

    def _add_docks(self) -> None:
        area = Area.RightDockWidgetArea
        added = []
        for name, title, widget in (
            ("search", "Search", self.search),
            ("notes", "Notes", self.notes),
            ("history", "History", self.history),
            ("codebook", "Codebook", self.codebook),
        ):
            if name in self.window.panels.docks:
                self.window.panels.replace(name, widget)
            else:
                self.window.add_panel(name, title, widget, area)
                added.append(self.window.panels.docks[name])
        if added and not self._layout_saved_with(added[0].objectName()):
            for dock in added[1:]:  # first time: one tabbed group, Search in front
                self.window.tabifyDockWidget(added[0], dock)
            added[0].raise_()

    def _layout_saved_with(self, dock_name: str) -> bool:
        """True if the window's saved layout already places this dock (names are stored as
        UTF-16 in ``QMainWindow.saveState``)."""
        state = self.window.settings.window_layout()[1]
        return state is not None and dock_name.encode("utf-16-be") in bytes(state.data())

    def _wire_actions(self) -> None:
        a = self.window.menu_actions
        _disconnect(a.find.triggered, self.window.find_events)  # Find now searches everything
        self.connect(a.undo.triggered, lambda _c=False: self.controller.undo())
        self.connect(a.redo.triggered, lambda _c=False: self.controller.redo())
        self.connect(a.new_event.triggered, lambda _c=False: self.events.new_event())
        self.connect(a.find.triggered, lambda _c=False: self.show_search())
        for name, tip in TIPS.items():
            action = getattr(a, name)
            action.setStatusTip(tip)
            action.setToolTip(tip)
        a.new_event.setEnabled(True)
        self.connect(
            a.add_source.triggered, lambda _c=False: add_source(self.window, self.controller)
        )
        self.connect(a.read_source.triggered, lambda _c=False: read_source(self.window))
        self.connect(a.source_identity.triggered, lambda _c=False: self.edit_identity(None))
        compare = getattr(self.window, "compare_widget", None)
        if compare is not None and hasattr(compare, "identity_requested"):
            self.connect(compare.identity_requested, self.edit_identity)
        available(a.add_source)
        available(a.read_source)
        available(a.source_identity)
        a.find.setEnabled(True)
        menu = self._event_menu()
        for text, keys, slot in (
            ("&Edit event…", "F2", self.events.edit_event),
            ("&Duplicate event", "Ctrl+D", self.events.duplicate_event),
            ("De&lete event…", "Delete", self.events.delete_event),
            ("Add &note to event…", "Ctrl+Shift+M", self._note_on_event),
        ):
            action = QAction(text, self.window)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.window.addAction(action)
            if menu is not None:
                menu.addAction(action)
            self._owned.append(action)

    def _event_menu(self) -> QMenu | None:
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and menu.title().replace("&", "") == "Event":
                return menu
        return None

    def _note_on_event(self) -> bool:
        key = self.controller.workbench.selected_event
        return key is not None and self.notes.add_note("event", key)

    def _wire_timeline(self) -> None:
        view = getattr(self.window.timeline_widget, "view", None)
        if view is None or not hasattr(view, "event_drag_finished"):
            return
        view.events_draggable = True
        self.connect(view.event_drag_finished, self.events.move_event)
        self.connect(view.empty_double_clicked, self.events.new_event_at)

    def update_actions(self) -> None:
        a, history = self.window.menu_actions, self.controller.history
        a.undo.setEnabled(history.can_undo)
        a.redo.setEnabled(history.can_redo)
        a.undo.setText(f"&Undo {history.undo_label}" if history.can_undo else "&Undo")
        a.redo.setText(f"&Redo {history.redo_label}" if history.can_redo else "&Redo")

    def dispose(self) -> None:
        for signal, slot in self._connections:
            _disconnect(signal, slot)
        for action in self._owned:
            self.window.removeAction(action)
            action.deleteLater()
        if self.reader_tools is not None:
            self.reader_tools.toolbar.deleteLater()
        self.controller.deleteLater()


def install_editing(
    window: Any, workbench: Workbench, signals: WorkbenchSignals
) -> EditingController:
    """Add the editing interface to ``window`` for ``workbench``; returns its controller
    (also kept as ``window.editing``)."""
    previous = getattr(window, "editing_installation", None)
    if isinstance(previous, Editing):
        previous.dispose()
    editing = Editing(window, workbench)
    editing.install()
    window.editing_installation = editing
    window.editing = editing.controller
    return editing.controller
