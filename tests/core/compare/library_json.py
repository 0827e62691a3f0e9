"""Build frozen records from a Parallax library document read with plain ``json``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db.records import (
    ClaimRecord,
    CodeRecord,
    CodingRecord,
    EventRecord,
    PassageLink,
    PassageRecord,
    SourceRecord,
)
from desktop.model.dates import DateSpan


@dataclass(frozen=True)
class LoadedLibrary:
    events: tuple[EventRecord, ...]
    sources: tuple[SourceRecord, ...]
    passages: tuple[PassageRecord, ...]
    codes: tuple[CodeRecord, ...]
    claims: tuple[ClaimRecord, ...]


def _source(d: dict[str, Any]) -> SourceRecord:
    file = d.get("file") or {}
    return SourceRecord(
        key=d["key"],
        title=d.get("title", ""),
        outlet=d.get("outlet") or "",
        authors=tuple(d.get("authors") or ()),
        published=d.get("published"),
        kind=d.get("kind") or "other",
        full_text=d.get("text"),
        file_name=file.get("name"),
    )


def _event(d: dict[str, Any]) -> EventRecord:
    span = DateSpan.from_edtf(d["start"], d.get("end"))
    return EventRecord(
        key=d["key"],
        title=d.get("title", ""),
        start=d["start"],
        end=d.get("end"),
        t_lo=span.t_lo,
        t_hi=span.t_hi,
        lane=d.get("lane") or "",
    )


def _passage(d: dict[str, Any]) -> PassageRecord:
    return PassageRecord(
        key=d["key"],
        source_key=d["source"],
        start=d.get("start") or 0,
        end=d.get("end") or 0,
        quote=d["quote"],
        voice=d.get("voice") or "author",
        tone=d.get("tone") or "",
        epistemic=d.get("epistemic") or "",
        links=tuple(
            PassageLink(e["event"], e.get("confidence", 1.0), e.get("origin", "manual"))
            for e in d.get("events") or ()
        ),
        codings=tuple(CodingRecord(c["code"], c.get("coder", "")) for c in d.get("codings") or ()),
    )


def _code(d: dict[str, Any]) -> CodeRecord:
    return CodeRecord(
        key=d["key"],
        name=d["name"],
        parent_key=d.get("parent"),
        group=d.get("group", "user"),
        color=d.get("color", "#9e9e9e"),
        position=d.get("position", 0),
    )


def _claim(d: dict[str, Any]) -> ClaimRecord:
    return ClaimRecord(
        key=d["key"],
        passage_key=d.get("passage"),  # a record value cites its reference instead
        subject=d["subject"],
        kind=d["kind"],
        stated=d.get("stated") or "",
        low=d.get("low"),
        high=d.get("high"),
        date=d.get("date"),
        unit=d.get("unit") or "",
        hedge=d.get("hedge") or "exact",
        event_key=d.get("event"),
        holds=d.get("holds"),
        reference=d.get("reference") or "",
    )


def records_from_library(doc: dict[str, Any]) -> LoadedLibrary:
    return LoadedLibrary(
        events=tuple(_event(d) for d in doc.get("events", [])),
        sources=tuple(_source(d) for d in doc.get("sources", [])),
        passages=tuple(_passage(d) for d in doc.get("passages", [])),
        codes=tuple(_code(d) for d in doc.get("codes", [])),
        claims=tuple(_claim(d) for d in doc.get("claims", [])),
    )
