"""Repositories: read and write one kind of record inside a unit of work; never commit."""

from db.repositories.claims import ClaimRepository
from db.repositories.codes import CodeRepository
from db.repositories.events import EventRepository
from db.repositories.lanes import LaneRepository
from db.repositories.meta import MetaRepository
from db.repositories.notes import NoteRepository
from db.repositories.passages import PassageRepository
from db.repositories.relations import RelationRepository
from db.repositories.sources import SourceRepository
from db.repositories.suggestions import SuggestionRepository

__all__ = [
    "ClaimRepository",
    "CodeRepository",
    "EventRepository",
    "LaneRepository",
    "MetaRepository",
    "NoteRepository",
    "PassageRepository",
    "RelationRepository",
    "SourceRepository",
    "SuggestionRepository",
]
