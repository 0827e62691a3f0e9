"""The one place the editing interface writes: run a command, refresh, explain failures.

``execute`` runs a command through the ``UndoHistory`` (one unit of work, committed when it
returns: there is no Save). After every attempt, failed or not, the workbench is reloaded so
the screen matches the database. A stale edit asks the user (``ask_conflict``); any other
failure is shown with its reason (``warn``). Both are attributes so tests can patch them, and so
is ``ask_author``: the first edit without an author name asks for one (``author_chosen``).

With a ``relay`` (the team hub's outbox, see ``use_relay``), an edit made while the library is
unreachable is kept, not refused: the banner counts it, it is sent again automatically, and
when it settles (``settle``) it joins the undo history or its conflict/refusal is shown.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from contextlib import suppress
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from db.errors import ConflictError, LibraryError, LibraryUnavailableError
from db.library import Library
from desktop.core.editing import Command, UndoHistory
from desktop.core.editing.edits import RecordEdit
from desktop.core.editing.identity import system_user_name
from desktop.core.reads import current_record
from desktop.core.workbench import Workbench
from desktop.model.changes import Changes
from desktop.ui.editing.conflict import MINE, ConflictCase, ask_conflict, rebased


class Settled(Protocol):
    """What a relay reports for an edit it ran: sent (with its result) or refused (error)."""

    @property
    def label(self) -> str: ...
    @property
    def sent(self) -> bool: ...
    @property
    def result(self) -> Any: ...
    @property
    def error(self) -> LibraryError | None: ...


Relay = Callable[[str, Callable[[], Changes]], Settled | None]


class EditingController(QObject):
    """Runs commands for one workbench. ``history_changed`` fires after every run/undo/redo;
    ``changed(Changes)`` after each successful one."""

    history_changed = Signal()
    changed = Signal(object)
    author_chosen = Signal(str)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.history = UndoHistory()
        self._window = parent
        self.ask_conflict: Callable[[ConflictCase], str] = lambda c: ask_conflict(c, parent)
        self.warn: Callable[[str, str], None] = self._warn_box
        self.confirm: Callable[[str, str], bool] = self._confirm_box
        self.ask_author: Callable[[str], str | None] = self._ask_author_box
        self.relay: Relay | None = None
        self.waiting: deque[Command] = deque()  # kept by the relay, oldest first

    def use_relay(self, relay: Relay | None) -> None:
        """Send edits through ``relay`` (None: run them directly)."""
        self.relay = relay

    @property
    def library(self) -> Library:
        return self.workbench.library

    @property
    def author(self) -> str:
        """Who makes the edit. Read when a command is built, so with no name yet this is the
        first edit: ask for one (offering the system user's name) and remember it."""
        if not self.workbench.author.strip():
            chosen = (self.ask_author(system_user_name()) or "").strip()
            if chosen:
                self.workbench.author = chosen
                self.author_chosen.emit(chosen)
        return self.workbench.author

    def _ask_author_box(self, default: str) -> str | None:
        name, accepted = QInputDialog.getText(
            self._window,
            "Your name",
            "Your name is recorded on your edits, notes and codings\n"
            "(you can change it in Edit > Preferences):",
            text=default,
        )
        return name if accepted else None

    def execute(self, command: Command) -> bool:
        """Do ``command`` as one undo step; True if it was made (False also when it is kept
        to be sent once the library can be reached again: see ``waiting``)."""
        if self.relay is None:
            return self._attempt(lambda: self.history.run(command, self.library), command)
        outcome = self.relay(command.label, lambda: self.history.run(command, self.library))
        if outcome is None:
            self.waiting.append(command)
            self.history_changed.emit()
            return False
        return self._settled(command, outcome)

    def settle(self, outcome: Settled) -> None:
        """A kept edit reached the library (or was refused there): update history and views."""
        if self.waiting:
            self._settled(self.waiting.popleft(), outcome)

    def _settled(self, command: Command, outcome: Settled) -> bool:
        def replay() -> Changes:
            if outcome.error is not None:
                raise outcome.error
            changes: Changes = outcome.result
            return changes

        return self._attempt(replay, command)

    def undo(self) -> bool:
        if self._edits_waiting():
            return False
        return self._attempt(lambda: self.history.undo(self.library), None)

    def redo(self) -> bool:
        if self._edits_waiting():
            return False
        return self._attempt(lambda: self.history.redo(self.library), None)

    def _edits_waiting(self) -> bool:
        """Undo and redo wait for kept edits (they would otherwise apply out of order)."""
        if self.waiting:
            self.warn(
                "Edits are waiting to be saved",
                f"{len(self.waiting)} edit(s) are waiting "
                "for the library to be reachable again; undo and redo resume once they "
                "are saved.",
            )
        return bool(self.waiting)

    def go_to(self, index: int) -> None:
        """Undo or redo until ``index`` commands are done (stops at the first failure)."""
        while self.history.index > index and self.undo():
            pass
        while self.history.index < index and self.redo():
            pass

    def _attempt(self, action: Callable[[], Changes], command: Command | None) -> bool:
        done = False
        try:
            changes = action()
            done = True
        except ConflictError as error:
            done = self._on_conflict(command, error)
            changes = Changes(everything=True)
        except LibraryUnavailableError as error:
            self.warn(
                "The library cannot be reached",
                f"{error} Nothing was changed; try again when the connection is back.",
            )
            changes = Changes()
        except LibraryError as error:
            self.warn("The change was not made", str(error))
            changes = Changes()
        self._reload(changes if done else None)
        self.history_changed.emit()
        if done:
            self.changed.emit(changes)
        return done

    def _reload(self, changes: Changes | None) -> None:
        """Re-read what ``changes`` names (everything after a failure or a conflict)."""
        with suppress(LibraryError):  # unreachable: views keep what they show, the banner says why
            self.workbench.reload(changes)

    def _on_conflict(self, command: Command | None, error: ConflictError) -> bool:
        if not isinstance(command, RecordEdit):
            self.warn(
                "Someone else changed this",
                f"{error} The view now shows the library as it is; nothing was overwritten.",
            )
            return False
        case = ConflictCase(
            command.label,
            command.before,
            command.after,
            current_record(self.library, command.after),
        )
        if self.ask_conflict(case) != MINE or case.theirs is None:
            return False
        try:
            self.history.run(rebased(case, self.author), self.library)
        except LibraryError as again:
            self.warn("The change was not made", str(again))
            return False
        return True

    def _warn_box(self, title: str, message: str) -> None:
        QMessageBox.warning(self._window, title, message)

    def _confirm_box(self, title: str, message: str) -> bool:
        answer = QMessageBox.question(self._window, title, message)
        return answer == QMessageBox.StandardButton.Yes
