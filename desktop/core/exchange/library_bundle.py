"""Move a whole library between the database and a ``Bundle`` (the interchange format).

``load_bundle`` writes every record of a bundle inside the caller's unit of work (one
transaction: the caller commits); a record that cannot be written raises ``BundleLoadError``
naming it. ``bundle_from_library`` reads everything back; loading its result into an empty
library gives an identical library.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

from db.errors import LibraryError
from db.records import (
    ActorRecord,
    AttributeValue,
    CodeRecord,
    CodingRecord,
    EraRecord,
    EventRecord,
    PassageLink,
    PassageRecord,
    SourceRecord,
    Stamp,
)
from db.uow import UnitOfWork
from desktop.core.exchange.entities import (
    ACTOR,
    ATTRIBUTE,
    CLAIM,
    CODE,
    ERA,
    LANE,
    NOTE,
    PASSAGE,
    RELATION,
    SOURCE,
)
from desktop.io.formats import bundle as b
from desktop.model.dates import DateParseError, DateSpan, HistDate
from desktop.model.day_spans import span_times
from desktop.model.source_identity import is_color, label_from_outlet, next_free_color


class BundleLoadError(LibraryError):
    """A record of the bundle could not be written; nothing of the bundle was kept."""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def published_day(published: str | None) -> float | None:
    return HistDate.parse_edtf(published).first_day() if published else None


@lru_cache(maxsize=1 << 16)
def _times(start: str, end: str | None) -> tuple[float, float]:
    """(t_lo, t_hi) of a span: events of a large library share dates, so each is read once."""
    return span_times(start, end)


def event_record(event: b.EventData) -> EventRecord:
    """What ``EVENT.to_record`` makes of ``event`` with its times, built positionally (a
    100k-event import builds 100k: half the cost of keyword arguments and a new empty stamp
    each; ``test_event_times`` holds the two equal field by field)."""
    t_lo, t_hi = _times(event.start, event.end)
    e = event
    return EventRecord(
        e.key, e.title, e.start, t_lo, t_hi, e.end, e.summary, e.lane, e.actors, e.tags,
        e.importance, e.context, e.notes, e.aliases, None, _NO_STAMP,
    )  # fmt: skip


_NO_STAMP = Stamp()  # immutable: every new record shares it


def source_record(source: b.SourceData, used_colors: Iterable[str] = ()) -> SourceRecord:
    """The record of ``source``; one without a label or colour gets them as a new source would
    (label from the outlet, first palette colour not in ``used_colors``)."""
    return SOURCE.to_record(
        source,
        content_hash=text_hash(source.text) if source.text is not None else None,
        file_name=source.file.name if source.file else None,
        file_sha256=source.file.sha256 if source.file else None,
        label=source.label or label_from_outlet(source.outlet, source.title),
        color=source.color if is_color(source.color) else next_free_color(used_colors),
    )


def passage_record(passage: b.PassageData) -> PassageRecord:
    return PASSAGE.to_record(
        passage,
        tone=passage.tone or "",
        epistemic=passage.epistemic or "",
        links=tuple(PassageLink(x.event, x.confidence, x.origin) for x in passage.events),
        codings=tuple(CodingRecord(c.code, c.coder) for c in passage.codings),
    )


def code_record(code: b.CodeData) -> CodeRecord:
    return CODE.to_record(code)


def parents_first(codes: Iterable[b.CodeData]) -> list[b.CodeData]:
    """Codes ordered so that each parent is written before its children."""
    pending = list(codes)
    placed: set[str] = set()
    ordered: list[b.CodeData] = []
    while pending:
        ready = [c for c in pending if c.parent is None or c.parent in placed]
        if not ready:
            raise BundleLoadError(f"code '{pending[0].key}': its parent chain is circular")
        ordered.extend(ready)
        placed.update(c.key for c in ready)
        pending = [c for c in pending if c.key not in placed]
    return ordered


def _write(kind: str, key: str, action: object) -> None:
    try:
        action()  # type: ignore[operator]
    except (LibraryError, DateParseError, ValueError, KeyError) as error:
        if isinstance(error, BundleLoadError):
            raise
        raise BundleLoadError(f"{kind} '{key}': {error}") from error


def load_bundle(uow: UnitOfWork, bundle: b.Bundle) -> None:
    """Write every record of ``bundle``; the caller commits or lets the unit of work roll back.

    A bulk write (``uow.bulk()``): each kind of record goes to the database in batches."""
    with uow.bulk():
        _load_records(uow, bundle)
        _flushed("annotations", uow)


def _flushed(kind: str, uow: UnitOfWork) -> None:
    """Send the batch of ``kind`` records; a rule the database enforces names the kind."""
    try:
        uow.flush()
    except LibraryError as error:
        raise BundleLoadError(f"{kind}: {error}") from error


def _load_records(uow: UnitOfWork, bundle: b.Bundle) -> None:
    if bundle.meta.title:
        uow.meta.set("title", bundle.meta.title)
        uow.meta.set("description", bundle.meta.description)
        uow.meta.set("license", bundle.meta.license)
        uow.meta.set("attribution", bundle.meta.attribution)
        uow.meta.set("created", bundle.meta.created or "")
    for lane in bundle.lanes:
        _write(
            "lane",
            lane.key,
            lambda lane=lane: uow.lanes.add(LANE.to_record(lane)),
        )
    for era in bundle.eras:
        _write("era", era.key, lambda era=era: uow.lanes.add_era(_era_record(era)))
    used = [source.color for source in uow.sources.list()]
    used += [source.color for source in bundle.sources if is_color(source.color)]
    for source in bundle.sources:
        record = source_record(source, used)
        used.append(record.color)
        _write(
            "source",
            source.key,
            lambda r=record: uow.sources.add(r, published_day(r.published)),
        )
    _flushed("lanes and sources", uow)
    records: list[EventRecord] = []
    for event in bundle.events:
        _write("event", event.key, lambda e=event: records.append(event_record(e)))
    _write("events", f"{len(records)} new", lambda: uow.events.add_many(records))
    _flushed("events", uow)
    actors: list[ActorRecord] = []
    for actor in bundle.actors:
        _write("actor", actor.name, lambda a=actor: actors.append(ACTOR.to_record(a)))
    _write("actors", f"{len(actors)} named", lambda: uow.actors.set_many_aliases(actors))
    for code in parents_first(bundle.codes):
        _write("code", code.key, lambda c=code: uow.codes.add(code_record(c)))
    for attribute in bundle.attributes:
        _write(
            "attribute",
            attribute.key,
            lambda a=attribute: uow.codes.add_attribute(
                ATTRIBUTE.to_record(
                    a, values=tuple(AttributeValue(v.key, v.name, v.definition) for v in a.values)
                )
            ),
        )
    _flushed("codes", uow)
    _load_annotations(uow, bundle)


def _load_annotations(uow: UnitOfWork, bundle: b.Bundle) -> None:
    for passage in bundle.passages:
        _write("passage", passage.key, lambda p=passage: uow.passages.add(passage_record(p)))
    for claim in bundle.claims:
        _write(
            "claim",
            claim.key,
            lambda c=claim: uow.claims.add(CLAIM.to_record(c)),
        )
    for note in bundle.notes:
        _write(
            "note",
            note.key,
            lambda n=note: uow.notes.add(
                NOTE.to_record(
                    n,
                    target_kind=n.target.kind,
                    target_key=n.target.key,
                    created_at=_timestamp(n.created),
                    updated_at=_timestamp(n.updated),
                )
            ),
        )
    for relation in bundle.relations:
        _write(
            "relation",
            relation.key,
            lambda r=relation: uow.relations.add(RELATION.to_record(r)),
        )


def _era_record(era: b.EraData) -> EraRecord:
    span = DateSpan.from_edtf(era.start, era.end)
    return ERA.to_record(era, t_lo=span.t_lo, t_hi=span.t_hi)


def _timestamp(text: str) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
