"""Frozen records mirroring the Parallax library format (docs/library-format.md) one to one.

Records point at each other by key. Lists are tuples so that records hash and compare by value;
dates stay EDTF strings. A ``Bundle`` built by a reader has passed the schema and the
referential checks in ``desktop.io.formats.integrity``; one built by hand has not until
``check_integrity`` is called on it.

Field names equal the JSON names except where JSON uses a Python keyword: a relation's ``from``
and ``to`` are ``from_passage`` and ``to_passage`` (the ``json`` field metadata says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ActorData",
    "AttributeData",
    "AttributeValueData",
    "Bundle",
    "ClaimData",
    "CodeData",
    "CodingData",
    "EraData",
    "EventData",
    "LaneData",
    "MetaData",
    "NoteData",
    "NoteTargetData",
    "PassageData",
    "PassageEventLink",
    "RelationData",
    "SourceData",
    "SourceFileData",
]

FORMAT_NAME = "parallax-library"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class MetaData:
    """What the library is: title, description, creation date (EDTF/ISO date), licence."""

    title: str
    description: str = ""
    created: str | None = None
    license: str = ""
    attribution: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class LaneData:
    """A horizontal lane (region); ``position`` orders lanes top to bottom."""

    key: str
    name: str
    color: str
    position: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EraData:
    """A named background period drawn behind the lanes."""

    key: str
    name: str
    start: str
    end: str
    color: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceFileData:
    """The original file passages are anchored in: its name and SHA-256 (hex)."""

    name: str
    sha256: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceData:
    """A text (article, report, statement); ``text`` is None when the full text is not carried."""

    key: str
    title: str
    outlet: str = ""
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_note: str = ""
    url: str = ""
    kind: str = "other"
    language: str = "und"
    file: SourceFileData | None = None
    text: str | None = None
    country: str = ""
    affiliation: str = ""
    stance: str = ""
    notes: str = ""
    label: str = ""
    color: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class EventData:
    """Something that happened, on one lane, from ``start`` to the inclusive ``end`` (or None)."""

    key: str
    title: str
    start: str
    lane: str
    end: str | None = None
    summary: str = ""
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    importance: int = 2
    context: bool = False
    notes: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorData:
    """An actor events name, and its other names in any language or script."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeData:
    """A code of the code book; ``parent`` makes the hierarchy."""

    key: str
    name: str
    parent: str | None = None
    group: str = "user"
    color: str = "#808080"
    definition: str = ""
    include: str = ""
    exclude: str = ""
    example: str = ""
    position: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributeValueData:
    """One allowed value of a passage attribute."""

    key: str
    name: str
    definition: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributeData:
    """A passage attribute (``voice``, ``tone``, ``epistemic``); no values means free text."""

    key: str
    name: str
    definition: str = ""
    values: tuple[AttributeValueData, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PassageEventLink:
    """A passage speaks about an event, with a confidence 0..1 and where the link came from."""

    event: str
    confidence: float = 1.0
    origin: str = "manual"


@dataclass(frozen=True, slots=True, kw_only=True)
class CodingData:
    """A code applied to a passage by a coder."""

    code: str
    coder: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PassageData:
    """Quoted text of a source at code-point offsets ``[start, end)``, anchored twice."""

    key: str
    source: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    voice: str = "author"
    tone: str | None = None
    epistemic: str | None = None
    events: tuple[PassageEventLink, ...] = ()
    codings: tuple[CodingData, ...] = ()
    notes: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimData:
    """A number (``low``..``high``), a date or a statement (``holds``: says it is so, or not) a
    passage asserts about a shared ``subject``; with a ``reference``, the record's value instead,
    which may cite that reference without a ``passage`` (it then names its ``event``)."""

    key: str
    passage: str | None = None
    subject: str
    kind: str
    low: float | None = None
    high: float | None = None
    date: str | None = None
    unit: str = ""
    hedge: str = "exact"
    stated: str = ""
    event: str | None = None
    holds: bool | None = None
    reference: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteTargetData:
    """What a note is about: a record kind and its key."""

    kind: str
    key: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteData:
    """A Markdown note on an event, passage, source or code."""

    key: str
    target: NoteTargetData
    body: str
    created: str
    updated: str
    author: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class RelationData:
    """How one passage relates to another (supports, contradicts, repeats, quotes)."""

    key: str
    from_passage: str = field(metadata={"json": "from"})
    to_passage: str = field(metadata={"json": "to"})
    kind: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Bundle:
    """A whole library, as one document holds it; every kind is a tuple in file order."""

    meta: MetaData
    lanes: tuple[LaneData, ...] = ()
    eras: tuple[EraData, ...] = ()
    sources: tuple[SourceData, ...] = ()
    events: tuple[EventData, ...] = ()
    actors: tuple[ActorData, ...] = ()
    codes: tuple[CodeData, ...] = ()
    attributes: tuple[AttributeData, ...] = ()
    passages: tuple[PassageData, ...] = ()
    claims: tuple[ClaimData, ...] = ()
    notes: tuple[NoteData, ...] = ()
    relations: tuple[RelationData, ...] = ()
    # What the reader left out or repaired, one sentence each, for the import's result line
    # (e.g. TimelineJS placeholder slides). Not part of the library: never written, not compared.
    notices: tuple[str, ...] = field(default=(), compare=False, metadata={"skip": True})
