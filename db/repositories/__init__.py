"""Repositories: read and write one kind of record inside a unit of work; never commit."""

from db.repositories.actors import ActorRepository
from db.repositories.claims import ClaimRepository
from db.repositories.codes import CodeRepository
from db.repositories.codings import CodingRepository
from db.repositories.events import EventRepository
from db.repositories.lanes import LaneRepository
from db.repositories.links import LinkRepository
from db.repositories.meta import MetaRepository
from db.repositories.notes import NoteRepository
from db.repositories.passages import PassageRepository
from db.repositories.relations import RelationRepository
from db.repositories.sources import SourceRepository
from db.repositories.suggestions import SuggestionRepository

__all__ = [
    "ActorRepository",
    "ClaimRepository",
    "CodeRepository",
    "CodingRepository",
    "EventRepository",
    "LaneRepository",
    "LinkRepository",
    "MetaRepository",
    "NoteRepository",
    "PassageRepository",
    "RelationRepository",
    "SourceRepository",
    "SuggestionRepository",
]
