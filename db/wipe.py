"""Empty a library inside a unit of work (used by ``sample --reset`` on a shared server)."""

from __future__ import annotations

from sqlalchemy import delete

from db import models
from db.uow import UnitOfWork


def wipe_library(uow: UnitOfWork) -> None:
    """Delete every record, children first; the caller commits (or rolls back)."""
    for model in (
        models.PassageRelation,
        models.Claim,
        models.Coding,
        models.PassageEvent,
        models.Note,
        models.Passage,
        models.Code,
        models.Attribute,
        models.Source,
        models.EventActor,
        models.event_tags,
        models.Event,
        models.Actor,
        models.Tag,
        models.Era,
        models.Lane,
        models.LibraryMeta,
    ):
        uow.session.execute(delete(model))
