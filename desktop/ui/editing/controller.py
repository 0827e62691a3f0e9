"""The one place the editing interface writes: run a command, refresh, explain failures.

``execute`` runs a command through the ``UndoHistory`` (one unit of work, committed when it
returns: there is no Save). After every attempt, failed or not, the workbench is reloaded so
the screen matches the database. A stale edit asks the user (``ask_conflict``); any other
failure is shown with its reason (``warn``). Both are attributes so tests can patch them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from db.errors import ConflictError, LibraryError
from desktop.core.editing import Changes, Command, UndoHistory
from desktop.core.editing.edits import RecordEdit
from desktop.core.workbench import Workbench
from desktop.ui.editing.conflict import MINE, ConflictCase, ask_conflict, current_record, rebased


class EditingController(QObject):
    """Runs commands for one workbench. ``history_changed`` fires after every run/undo/redo;
    ``changed(Changes)`` after each successful one."""

    history_changed = Signal()
    changed = Signal(object)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.history = UndoHistory()
        self._window = parent
        self.ask_conflict: Callable[[ConflictCase], str] = lambda c: ask_conflict(c, parent)
        self.warn: Callable[[str, str], None] = self._warn_box
        self.confirm: Callable[[str, str], bool] = self._confirm_box

    @property
    def library(self):  # type: ignore[no-untyped-def]
        return self.workbench.library

    @property
    def author(self) -> str:
        return self.workbench.author

    def execute(self, command: Command) -> bool:
        """Do ``command`` as one undo step; True if it was made."""
        return self._attempt(lambda: self.history.run(command, self.library), command)

    def undo(self) -> bool:
        return self._attempt(lambda: self.history.undo(self.library), None)

    def redo(self) -> bool:
        return self._attempt(lambda: self.history.redo(self.library), None)

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
        except LibraryError as error:
            self.warn("The change was not made", str(error))
        self.workbench.reload()
        self.history_changed.emit()
        if done:
            self.changed.emit(changes)
        return done

    def _on_conflict(self, command: Command | None, error: ConflictError) -> bool:
        if not isinstance(command, RecordEdit):
            self.warn("Someone else changed this", f"{error} The view now shows the library as "
                      "it is; nothing was overwritten.")
            return False
        case = ConflictCase(command.label, command.before, command.after,
                            current_record(self.library, command.after))
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
