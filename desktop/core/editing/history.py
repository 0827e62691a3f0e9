"""The undo history: the model of undo/redo that the UI lists and drives.

``UndoHistory`` executes commands itself (``run``, ``undo``, ``redo``), each step in one unit of
work (``perform``), and is the single source of truth; a Qt view or menu shows ``labels``,
``index``, ``undo_label``/``redo_label`` and ``is_clean`` and calls these methods (no
QUndoStack keeps a second copy). It is pure Python and holds no database session between
actions.

Failures never corrupt the history: if a command raises, the history is unchanged (a failed
``run`` is not recorded; a failed ``undo``/``redo`` keeps the position, so the user may retry
after reloading, or ``clear()``).
"""

from __future__ import annotations

from db.library import Library
from desktop.core.editing.command import Command, perform
from desktop.model.changes import Changes


class UndoHistory:
    """Commands done so far; those before ``index`` are done, those after it are undone."""

    def __init__(self, limit: int = 200) -> None:
        self._commands: list[Command] = []
        self._index = 0
        self._clean: int | None = 0
        self._limit = limit

    @property
    def index(self) -> int:
        return self._index

    @property
    def labels(self) -> list[str]:
        return [command.label for command in self._commands]

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    @property
    def undo_label(self) -> str:
        return self._commands[self._index - 1].label if self.can_undo else ""

    @property
    def redo_label(self) -> str:
        return self._commands[self._index].label if self.can_redo else ""

    @property
    def is_clean(self) -> bool:
        """True when the library is as it was at the last ``set_clean`` (e.g. an export)."""
        return self._clean == self._index

    def set_clean(self) -> None:
        self._clean = self._index

    def clear(self) -> None:
        self._commands.clear()
        self._index = 0
        self._clean = 0

    def run(self, command: Command, library: Library) -> Changes:
        """Do ``command`` and record it, dropping anything undone; merge it into the last
        command when that one accepts (a drag), unless the last is the clean state."""
        changes = perform(command, library)
        del self._commands[self._index :]
        if self._clean is not None and self._clean > self._index:
            self._clean = None
        last = self._commands[-1] if self._commands else None
        if last is not None and self._clean != self._index and last.merge_with(command):
            return changes
        self._commands.append(command)
        self._index += 1
        self._trim()
        return changes

    def undo(self, library: Library) -> Changes:
        if not self.can_undo:
            return Changes()
        changes = perform(self._commands[self._index - 1], library, undo=True)
        self._index -= 1
        return changes

    def redo(self, library: Library) -> Changes:
        if not self.can_redo:
            return Changes()
        changes = perform(self._commands[self._index], library)
        self._index += 1
        return changes

    def _trim(self) -> None:
        excess = len(self._commands) - self._limit
        if excess > 0:
            del self._commands[:excess]
            self._index -= excess
            if self._clean is not None:
                self._clean = self._clean - excess if self._clean >= excess else None
