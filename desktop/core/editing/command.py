"""The command contract and the one way a command touches the library.

A command is one user action and one undo step (STYLE points 5 and 7). ``do`` and ``undo`` each
run inside ONE unit of work opened with the acting author and committed at the end; on any
error the transaction rolls back, the library stays exactly as it was and a readable
``LibraryError`` (``ConflictError`` for stale data, ``EditError`` for the rest) is raised.
``do`` after ``undo`` (redo) restores the state ``do`` first made, keys included.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar, runtime_checkable

from sqlalchemy.exc import SQLAlchemyError

from db.errors import LibraryError
from db.library import Library
from db.uow import UnitOfWork
from desktop.core.dates import DateParseError
from desktop.core.editing.changes import Changes

T = TypeVar("T")


class EditError(LibraryError):
    """An edit could not be made; the message says why, and nothing was changed."""


@runtime_checkable
class Command(Protocol):
    """An undoable user action. ``merge_with`` may fold a later command into this one."""

    label: str

    def do(self, library: Library) -> Changes: ...

    def undo(self, library: Library) -> Changes: ...

    def merge_with(self, other: Command) -> bool: ...


class UnitCommand:
    """Base of the commands here: holds the author and runs actions in one unit of work."""

    label: str = "Edit"

    def __init__(self, author: str = "") -> None:
        self.author = author

    def merge_with(self, other: Command) -> bool:
        """Commands do not merge unless a subclass says so."""
        return False

    def run(self, library: Library, action: Callable[[UnitOfWork], T]) -> T:
        """Run ``action`` in one unit of work and commit; roll back and explain on failure."""
        try:
            with library.unit_of_work(self.author) as uow:
                result = action(uow)
                uow.commit()
                return result
        except LibraryError:
            raise
        except (SQLAlchemyError, DateParseError, ValueError) as error:
            raise EditError(f"Could not {self.label.lower()}: {error}") from error
