"""Editing the library through undoable commands (no Qt).

Every user action is a command: ``do(uow)`` and ``undo(uow)`` make their changes in the unit of
work they are given and return the ``Changes``; ``perform`` runs one step as one transaction
and ``UndoHistory`` runs them through it and is the model the UI shows. Commands refuse stale
data (``db.errors.ConflictError``) and explain other failures (``EditError``); after a failure
the library is unchanged.
"""

from desktop.core.editing.batch import Batch
from desktop.core.editing.codebook import CreateCode, DeleteCode, EditCode, MergeCodes, MoveCode
from desktop.core.editing.coding import ApplyCode, RemoveCode
from desktop.core.editing.command import Command, EditError, UnitCommand, perform
from desktop.core.editing.deletion import describe_delete
from desktop.core.editing.events import (
    CreateEvent,
    DeleteEvent,
    DuplicateEvent,
    EditEvent,
    MoveEvent,
)
from desktop.core.editing.history import UndoHistory
from desktop.core.editing.keys import new_key
from desktop.core.editing.notes import CreateNote, DeleteNote, EditNote
from desktop.core.editing.passages import (
    CreatePassage,
    DeletePassage,
    EditPassage,
    LinkPassage,
    RelatePassages,
    UnlinkPassage,
)

__all__ = [
    "ApplyCode",
    "Batch",
    "Command",
    "CreateCode",
    "CreateEvent",
    "CreateNote",
    "CreatePassage",
    "DeleteCode",
    "DeleteEvent",
    "DeleteNote",
    "DeletePassage",
    "DuplicateEvent",
    "EditCode",
    "EditError",
    "EditEvent",
    "EditNote",
    "EditPassage",
    "LinkPassage",
    "MergeCodes",
    "MoveCode",
    "MoveEvent",
    "RelatePassages",
    "RemoveCode",
    "UndoHistory",
    "UnitCommand",
    "UnlinkPassage",
    "describe_delete",
    "new_key",
    "perform",
]
