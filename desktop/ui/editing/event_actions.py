"""Event commands from the menu, the toolbar and the timeline: new, edit, duplicate, delete,
double-click to create, drag to move."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from db.records import EventRecord
from desktop.core.editing import (
    Batch,
    Command,
    CreateEvent,
    DeleteEvent,
    DuplicateEvent,
    EditEvent,
    describe_delete,
)
from desktop.core.editing.actors import alias_edits, known_actor_aliases
from desktop.core.editing.dragging import drag_move
from desktop.core.workbench import Workbench
from desktop.model.dates import DateParseError, HistDate, from_day_number
from desktop.ui.editing.controller import EditingController
from desktop.ui.editing.event_editor import EventEditor

Ask = Callable[[EventEditor], EventRecord | None]


def run_editor(editor: EventEditor) -> EventRecord | None:
    """Show the dialog modally; the edited record, or None when cancelled."""
    return editor.record() if editor.exec() == QDialog.DialogCode.Accepted else None


class EventActions:
    """What the Event menu and the timeline do. ``ask`` shows an editor (patched in tests)."""

    def __init__(self, controller: EditingController, parent: QWidget | None) -> None:
        self.controller = controller
        self.parent = parent
        self.ask: Ask = run_editor

    @property
    def workbench(self) -> Workbench:
        return self.controller.workbench

    def selected(self) -> EventRecord | None:
        key = self.workbench.selected_event
        return None if key is None else self.workbench.catalog.event(key)

    def new_event(self, start_text: str = "", lane: str = "") -> bool:
        editor = EventEditor(
            self.workbench.catalog, None, self.parent, start_text=start_text, lane=lane
        )
        event = self.ask(editor)
        if event is None:
            return False
        done = self.controller.execute(CreateEvent(event, self.controller.author))
        if done:
            self.workbench.select([event.key])
        return done

    def new_event_at(self, t: float, lane_key: str) -> bool:
        """Double-click on empty timeline space: a new event on that day, in that lane."""
        year, month, day = from_day_number(t)
        try:
            text = HistDate(year, month, day).display()
        except ValueError:
            text = HistDate(year).display()
        return self.new_event(text, lane_key)

    def edit_event(self, key: str | None = None) -> bool:
        event = self.workbench.catalog.event(key) if key else self.selected()
        if event is None:
            return False
        known = known_actor_aliases(self.controller.library)
        editor = EventEditor(self.workbench.catalog, event, self.parent, actor_aliases=known)
        edited = self.ask(editor)
        if edited is None:
            return False
        author = self.controller.author
        parts: list[Command] = [EditEvent(event, edited, author)] if edited != event else []
        parts += alias_edits(known, editor.actor_aliases(), author)
        if not parts:
            return False
        return self.controller.execute(parts[0] if len(parts) == 1 else Batch("Edit event", parts))

    def duplicate_event(self) -> bool:
        event = self.selected()
        if event is None:
            return False
        command = DuplicateEvent(event, self.controller.author)
        done = self.controller.execute(command)
        if done:
            self.workbench.select([command.event.key])
        return done

    def delete_event(self) -> bool:
        event = self.selected()
        if event is None:
            return False
        message = describe_delete(self.controller.library, "event", event.key)
        if not self.controller.confirm("Delete event?", f"{message}\nYou can undo this."):
            return False
        return self.controller.execute(DeleteEvent(event.key, self.controller.author, event.title))

    def move_event(self, key: str, new_t_lo: float, lane_key: str) -> bool:
        """A finished drag: the event starts near ``new_t_lo`` in ``lane_key`` (one undo step)."""
        event = self.workbench.catalog.event(key)
        if event is None:
            return False
        try:
            move = drag_move(event, new_t_lo, lane_key, self.controller.author)
        except DateParseError as error:
            self.controller.warn("The event cannot be moved", str(error))
            return False
        return move is not None and self.controller.execute(move)
