"""Frozen records: what the data layer hands out and takes in.

Repositories return these, never ORM objects, so nothing above ``db`` can lazy-load, mutate a
session's state by accident or outlive its transaction. Every record is immutable and hashable;
change one with ``dataclasses.replace`` and hand it back to a repository.

Dates are EDTF strings (see docs/library-format.md); ``t_lo``/``t_hi`` are the matching float day
numbers (half-open), computed by ``desktop.model.dates`` before a record reaches the database, so
the data layer never parses a date itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

SourceKind = Literal[
    "news",
    "analysis",
    "op-ed",
    "commentary",
    "digest",
    "policy-report",
    "official-statement",
    "other",
]
SOURCE_KINDS: tuple[str, ...] = (
    "news",
    "analysis",
    "op-ed",
    "commentary",
    "digest",
    "policy-report",
    "official-statement",
    "other",
)
AnchorStatus = Literal["ok", "relocated", "orphan"]
LinkOrigin = Literal["manual", "suggested", "imported"]
NoteTargetKind = Literal["event", "passage", "source", "code"]
RelationKind = Literal["supports", "contradicts", "repeats", "quotes"]
ClaimKind = Literal["number", "date", "statement"]


@dataclass(frozen=True, slots=True)
class Stamp:
    """Who made a row and when; ``version`` is the optimistic-concurrency counter."""

    created_at: datetime | None = None
    updated_at: datetime | None = None
    author: str = ""
    version: int = 0


@dataclass(frozen=True, slots=True)
class LaneRecord:
    key: str
    name: str
    color: str = "#607d8b"
    position: int = 0
    id: int | None = None


@dataclass(frozen=True, slots=True)
class EraRecord:
    key: str
    name: str
    start: str
    end: str
    t_lo: float
    t_hi: float
    color: str = "#cfd8dc"
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SourceRecord:
    key: str
    title: str
    outlet: str = ""
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_note: str = ""
    url: str = ""
    kind: str = "other"
    language: str = "en"
    full_text: str | None = None
    content_hash: str | None = None
    file_name: str | None = None
    file_sha256: str | None = None
    imported_at: datetime | None = None
    country: str = ""
    affiliation: str = ""
    stance: str = ""
    notes: str = ""
    label: str = ""  # short name shown in panes, legends and matrices ("DW")
    color: str = ""  # "#rrggbb", stored so that it never changes with the order of sources
    id: int | None = None
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(frozen=True, slots=True)
class EventRecord:
    key: str
    title: str
    start: str
    t_lo: float
    t_hi: float
    end: str | None = None
    summary: str = ""
    lane: str = ""
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    importance: int = 2
    context: bool = False
    notes: str = ""
    aliases: tuple[str, ...] = ()
    id: int | None = None
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """An actor (by its name, as events list it) and its other names in any language."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PassageLink:
    """A passage speaks of an event."""

    event_key: str
    confidence: float = 1.0
    origin: str = "manual"


@dataclass(frozen=True, slots=True)
class CodingRecord:
    """A code applied to a passage by one coder."""

    code_key: str
    coder: str = ""
    created_at: datetime | None = None
    passage_key: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class PassageRecord:
    key: str
    source_key: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    anchor_status: str = "ok"
    voice: str = "author"
    tone: str = ""
    epistemic: str = ""
    notes: str = ""
    links: tuple[PassageLink, ...] = ()
    codings: tuple[CodingRecord, ...] = ()
    id: int | None = None
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(frozen=True, slots=True)
class CodeRecord:
    key: str
    name: str
    parent_key: str | None = None
    group: str = "user"
    color: str = "#9e9e9e"
    definition: str = ""
    include: str = ""
    exclude: str = ""
    example: str = ""
    position: int = 0
    id: int | None = None
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(frozen=True, slots=True)
class AttributeValue:
    key: str
    name: str
    definition: str = ""


@dataclass(frozen=True, slots=True)
class AttributeRecord:
    """A passage attribute (voice, tone, epistemic status) and its allowed values."""

    key: str
    name: str
    definition: str = ""
    values: tuple[AttributeValue, ...] = ()
    id: int | None = None


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    key: str
    passage_key: str | None  # None only for a record value, which cites its ``reference``
    subject: str
    kind: str
    stated: str = ""
    low: float | None = None
    high: float | None = None
    date: str | None = None
    unit: str = ""
    hedge: str = "exact"
    event_key: str | None = None
    holds: bool | None = None
    reference: str = ""
    id: int | None = None
    stamp: Stamp = field(default_factory=Stamp)

    @property
    def is_record(self) -> bool:
        """The record's value for the subject (with its source), not a source's claim."""
        return bool(self.reference)


@dataclass(frozen=True, slots=True)
class NoteRecord:
    key: str
    target_kind: str
    target_key: str
    body: str
    author: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class RelationRecord:
    key: str
    from_key: str
    to_key: str
    kind: str
    id: int | None = None


@dataclass(frozen=True, slots=True)
class LibraryCounts:
    sources: int
    events: int
    passages: int
    codes: int
    notes: int
    claims: int = 0
    codings: int = 0


SuggestionStatus = Literal["pending", "accepted", "rejected"]


@dataclass(frozen=True, slots=True)
class SuggestionRecord:
    """A proposal about ``[start, end)`` of a source's text, waiting for a person's word.

    ``kind`` says what accepting it makes ("link", "new-event", "claim", "code", ...);
    ``ref`` names what is proposed independently of where (``link:<event key>``), so a
    rejection survives a new text; ``target`` is the key proposed (an event, a code) or "".
    ``payload`` holds what the kind needs beyond that (JSON values only). ``id`` is the short
    number a person types to accept or reject it.
    """

    source_key: str
    kind: str
    ref: str
    start: int
    end: int
    quote: str = ""
    confidence: float = 0.0
    reasons: tuple[str, ...] = ()
    target: str = ""
    payload: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    status: str = "pending"
    id: int | None = None
