"""Read a whole library out of the database as a ``Bundle`` (lossless, key-ordered)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from db.records import PassageRecord, SourceRecord
from db.uow import UnitOfWork
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
    return b.SourceData(
        key=s.key,
        title=s.title,
        outlet=s.outlet,
        authors=s.authors,
        published=s.published,
        published_note=s.published_note,
        url=s.url,
        kind=s.kind,
        language=s.language,
        file=file,
        text=s.full_text,
        country=s.country,
        affiliation=s.affiliation,
        stance=s.stance,
        notes=s.notes,
        label=s.label,
        color=s.color,
    )


def _passage(p: PassageRecord) -> b.PassageData:
    return b.PassageData(
        key=p.key,
        source=p.source_key,
        start=p.start,
        end=p.end,
        quote=p.quote,
        prefix=p.prefix,
        suffix=p.suffix,
        voice=p.voice,
        tone=p.tone or None,
        epistemic=p.epistemic or None,
        notes=p.notes,
        events=tuple(
            b.PassageEventLink(event=x.event_key, confidence=x.confidence, origin=x.origin)
            for x in p.links
        ),
        codings=tuple(b.CodingData(code=c.code_key, coder=c.coder) for c in p.codings),
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
        lanes=tuple(
            b.LaneData(key=x.key, name=x.name, color=x.color, position=x.position)
            for x in uow.lanes.list()
        ),
        eras=tuple(
            b.EraData(key=x.key, name=x.name, start=x.start, end=x.end, color=x.color)
            for x in uow.lanes.list_eras()
        ),
        sources=tuple(_source(s) for s in uow.sources.list()),
        events=tuple(
            b.EventData(
                key=e.key,
                title=e.title,
                start=e.start,
                end=e.end,
                lane=e.lane,
                summary=e.summary,
                actors=e.actors,
                tags=e.tags,
                aliases=e.aliases,
                importance=e.importance,
                context=e.context,
                notes=e.notes,
            )
            for e in uow.events.list()
        ),
        codes=tuple(
            b.CodeData(
                key=c.key,
                name=c.name,
                parent=c.parent_key,
                group=c.group,
                color=c.color,
                definition=c.definition,
                include=c.include,
                exclude=c.exclude,
                example=c.example,
                position=c.position,
            )
            for c in uow.codes.list()
        ),
        attributes=tuple(
            b.AttributeData(
                key=a.key,
                name=a.name,
                definition=a.definition,
                values=tuple(
                    b.AttributeValueData(key=v.key, name=v.name, definition=v.definition)
                    for v in a.values
                ),
            )
            for a in uow.codes.list_attributes()
        ),
        passages=tuple(_passage(p) for p in uow.passages.list()),
        claims=tuple(
            b.ClaimData(
                key=c.key,
                passage=c.passage_key,
                subject=c.subject,
                kind=c.kind,
                low=c.low,
                high=c.high,
                date=c.date,
                unit=c.unit,
                hedge=c.hedge,
                stated=c.stated,
                event=c.event_key,
            )
            for c in uow.claims.list()
        ),
        notes=tuple(
            b.NoteData(
                key=n.key,
                target=b.NoteTargetData(kind=n.target_kind, key=n.target_key),
                body=n.body,
                created=_iso(n.created_at),
                updated=_iso(n.updated_at),
                author=n.author,
            )
            for n in uow.notes.list()
        ),
        relations=tuple(
            b.RelationData(key=r.key, from_passage=r.from_key, to_passage=r.to_key, kind=r.kind)
            for r in uow.relations.list()
        ),
    )
