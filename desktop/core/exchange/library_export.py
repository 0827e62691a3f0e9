"""Read a whole library out of the database as a ``Bundle`` (lossless, key-ordered)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from db.records import AttributeRecord, NoteRecord, PassageRecord, SourceRecord
from db.uow import UnitOfWork
from desktop.core.exchange.entities import (
    ACTOR,
    ATTRIBUTE,
    CLAIM,
    CODE,
    ERA,
    EVENT,
    LANE,
    NOTE,
    PASSAGE,
    RELATION,
    SOURCE,
)
from desktop.io.formats import bundle as b


def _iso(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def _source(s: SourceRecord) -> b.SourceData:
    file = (
        b.SourceFileData(name=s.file_name, sha256=s.file_sha256)
        if (s.file_name and s.file_sha256)
        else None
    )
    return SOURCE.to_data(s, file=file)


def _passage(p: PassageRecord) -> b.PassageData:
    return PASSAGE.to_data(
        p,
        tone=p.tone or None,
        epistemic=p.epistemic or None,
        events=tuple(
            b.PassageEventLink(event=x.event_key, confidence=x.confidence, origin=x.origin)
            for x in p.links
        ),
        codings=tuple(b.CodingData(code=c.code_key, coder=c.coder) for c in p.codings),
    )


def _attribute(a: AttributeRecord) -> b.AttributeData:
    values = tuple(
        b.AttributeValueData(key=v.key, name=v.name, definition=v.definition) for v in a.values
    )
    return ATTRIBUTE.to_data(a, values=values)


def _note(n: NoteRecord) -> b.NoteData:
    return NOTE.to_data(
        n,
        target=b.NoteTargetData(kind=n.target_kind, key=n.target_key),
        created=_iso(n.created_at),
        updated=_iso(n.updated_at),
    )


def bundle_from_library(uow: UnitOfWork) -> b.Bundle:
    """Everything in the library, as the interchange format holds it."""
    meta = uow.meta.all()
    return b.Bundle(
        meta=b.MetaData(
            title=meta.get("title", "Parallax library"),
            description=meta.get("description", ""),
            created=meta.get("created") or date.today().isoformat(),
            license=meta.get("license", ""),
            attribution=meta.get("attribution", ""),
        ),
        lanes=tuple(LANE.to_data(x) for x in uow.lanes.list()),
        eras=tuple(ERA.to_data(x) for x in uow.lanes.list_eras()),
        sources=tuple(_source(s) for s in uow.sources.list()),
        events=tuple(EVENT.to_data(e) for e in uow.events.list()),
        actors=tuple(ACTOR.to_data(a) for a in uow.actors.list() if a.aliases),
        codes=tuple(CODE.to_data(c) for c in uow.codes.list()),
        attributes=tuple(_attribute(a) for a in uow.codes.list_attributes()),
        passages=tuple(_passage(p) for p in uow.passages.list()),
        claims=tuple(CLAIM.to_data(c) for c in uow.claims.list()),
        notes=tuple(_note(n) for n in uow.notes.list()),
        relations=tuple(RELATION.to_data(r) for r in uow.relations.list()),
    )
