"""The command contract and the one way a command touches the library.

A command is one user action and one undo step (STYLE points 5 and 7): ``do(uow)`` and
``undo(uow)`` make their changes in the unit of work they are given and return the ``Changes``.
``perform`` (used by the history) opens ONE unit of work with the acting author, runs the step
and commits; on any error the transaction rolls back, the library stays exactly as it was and a
readable ``LibraryError`` (``ConflictError`` for stale data, ``EditError`` for the rest) is
raised. Several commands in one unit of work (a batch) are one transaction.
``do`` after ``undo`` (redo) restores the state ``do`` first made, keys included.
"""

from __future__ import annotations

import copy
from typing import Any, Protocol, runtime_checkable

from db.errors import LibraryError
from db.library import Library
from db.uow import UnitOfWork, UntranslatedError
from desktop.model.changes import Changes
from desktop.model.dates import DateParseError


class EditError(LibraryError):
    """An edit could not be made; the message says why, and nothing was changed."""


@runtime_checkable
class Command(Protocol):
    """An undoable user action. ``do`` and ``undo`` work inside the unit of work they are given
    and never commit (``perform`` does); ``merge_with`` may fold a later command into this one."""

    label: str
    author: str

    def do(self, uow: UnitOfWork) -> Changes: ...

    def undo(self, uow: UnitOfWork) -> Changes: ...

    def merge_with(self, other: Command) -> bool: ...


class UnitCommand:
    """Base of the commands here: holds the label and the acting author."""

    label: str = "Edit"

    def __init__(self, author: str = "") -> None:
        self.author = author

    def merge_with(self, other: Command) -> bool:
        """Commands do not merge unless a subclass says so."""
        return False


def perform(command: Command, library: Library, *, undo: bool = False) -> Changes:
    """Do (or undo) ``command`` in one unit of work opened with its author, and commit.

    On any error the transaction rolls back, the command keeps the state it had before (so it
    can be retried) and a ``LibraryError`` is raised: ``EditError`` with the command's label
    for a failure that is not already one.
    """
    saved = copy.deepcopy(vars(command))
    try:
        with library.unit_of_work(command.author) as uow:
            changes = command.undo(uow) if undo else command.do(uow)
            uow.commit()
            return changes
    except LibraryError:
        _restore(command, saved)
        raise
    except (UntranslatedError, DateParseError, ValueError) as error:
        _restore(command, saved)
        raise EditError(f"Could not {command.label.lower()}: {error}") from error


def _restore(command: Command, saved: dict[str, Any]) -> None:
    state = vars(command)
    state.clear()
    state.update(saved)
