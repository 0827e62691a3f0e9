"""The editing part of a library session: the controller, the Undo/Redo/Find/New event and
event actions' handlers, the timeline and reader hooks, and four panels (Search, Notes,
History, Codebook).

Built by the composition root for one library (``EditingFeature``); the window adds its
panels and connects its actions once, so a library switch builds a new one and closes this
one: nothing is wired twice and the new library gets a fresh undo history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.workbench import Workbench
from desktop.ui.compare import ComparePanel
from desktop.ui.editing.codebook_dock import CodebookDock
from desktop.ui.editing.controller import EditingController
from desktop.ui.editing.event_actions import EventActions
from desktop.ui.editing.history_dock import HistoryDock
from desktop.ui.editing.navigate import Navigator
from desktop.ui.editing.notes_dock import NotesDock
from desktop.ui.editing.passage_tools import ReaderEditing
from desktop.ui.editing.search_dock import SearchDock
from desktop.ui.editing.source_actions import add_source, edit_source_identity, read_source
from desktop.ui.shell.docks import Panel
from desktop.ui.timeline.panel import TimelinePanel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

TIPS = {
    "undo": "Undo the last change",
    "redo": "Redo the change just undone",
    "new_event": "Add an event to the timeline",
    "find": "Search events, sources, passages and notes",
}


class EditingFeature:
    """Editing for one library in ``window``; ``close`` takes it down."""

    def __init__(
        self,
        window: MainWindow,
        workbench: Workbench,
        timeline: TimelinePanel,
        compare: ComparePanel,
    ) -> None:
        self.window = window
        self.controller = EditingController(workbench, window)
        self.events = EventActions(self.controller, window)
        self.codebook = CodebookDock(self.controller)
        self.navigator = Navigator(workbench, timeline, compare, self.show_code)
        self.compare = compare
        self.notes = NotesDock(self.controller, self.navigator.describe)
        self.search = SearchDock(workbench.library)
        self.history = HistoryDock(self.controller)
        self.notes.target_activated.connect(self.navigator.go)
        self.search.target_activated.connect(self.navigator.go)
        self.codebook.note_requested.connect(self.notes.add_note)
        self.controller.history_changed.connect(self.update_actions)
        self.controller.author_chosen.connect(window.remember_author)
        compare.identity_requested.connect(self.edit_identity)
        self.reader_tools = ReaderEditing(compare.reader, self.controller, self.notes.add_note)
        view = timeline.view
        view.events_draggable = True
        view.event_drag_finished.connect(self.events.move_event)
        view.empty_double_clicked.connect(self.events.new_event_at)

    def panels(self) -> list[Panel]:
        """Search, Notes, History and Codebook: one tabbed group on first start, Search in front."""
        return [
            Panel("search", "Search", self.search, group="editing"),
            Panel("notes", "Notes", self.notes, group="editing"),
            Panel("history", "History", self.history, group="editing"),
            Panel("codebook", "Codebook", self.codebook, group="editing"),
        ]

    def handlers(self) -> dict[str, Callable[[], object]]:
        events, workbench = self.events, self.controller.workbench
        return {
            "undo": self.controller.undo,
            "redo": self.controller.redo,
            "find": self.show_search,
            "new_event": events.new_event,
            "edit_event": events.edit_event,
            "duplicate_event": events.duplicate_event,
            "delete_event": events.delete_event,
            "note_on_event": self._note_on_event,
            "add_source": lambda: add_source(self.window, self.controller),
            "read_source": lambda: read_source(self.window, workbench, self.compare),
            "source_identity": lambda: self.edit_identity(None),
        }

    def shown(self) -> None:
        """The window shows this library now: name the actions and set Undo/Redo."""
        for name, tip in TIPS.items():
            action = getattr(self.window.menu_actions, name)
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self.update_actions()

    def show_code(self, key: str) -> None:
        self.window.panels.show("codebook")
        self.codebook.select(key)

    def edit_identity(self, source_key: str | None) -> None:
        edit_source_identity(self.window, self.controller, source_key)

    def show_search(self) -> None:
        self.window.panels.show("search")
        self.search.focus_query()

    def _note_on_event(self) -> bool:
        key = self.controller.workbench.selected_event
        return key is not None and self.notes.add_note("event", key)

    def update_actions(self) -> None:
        a, history = self.window.menu_actions, self.controller.history
        a.undo.setEnabled(history.can_undo)
        a.redo.setEnabled(history.can_redo)
        a.undo.setText(f"&Undo {history.undo_label}" if history.can_undo else "&Undo")
        a.redo.setText(f"&Redo {history.redo_label}" if history.can_redo else "&Redo")

    def close(self) -> None:
        self.controller.history_changed.disconnect(self.update_actions)
        self.reader_tools.toolbar.deleteLater()
        self.controller.deleteLater()
