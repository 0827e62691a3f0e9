"""One definition per entity: how a database record and its library-format record correspond.

Each ``EntityMap`` pairs a record of ``db.records`` with its record in the interchange format
(``desktop.io.formats.bundle``). Fields with the same name correspond; ``renames`` lists the
others (record name -> format name). ``record_only`` names what the database keeps and files do
not (ids, stamps, times derived from dates); ``converted`` names the fields on either side that
need a conversion of their own (nested records, timestamps), which the caller passes in.
``tests/core/exchange/test_entities.py`` fails when a field of either side is in none of these,
or when a format field has no property in the JSON Schema: adding a field means adding it on
both sides (or saying why not) here, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from db.records import (
    ActorRecord,
    AttributeRecord,
    ClaimRecord,
    CodeRecord,
    EraRecord,
    EventRecord,
    LaneRecord,
    NoteRecord,
    PassageRecord,
    RelationRecord,
    SourceRecord,
)
from desktop.io.formats import bundle as b

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_KEPT = frozenset({"id", "stamp"})  # given by the database, never written to a file


class _Fields:
    """Some fields of a record by name, read all at once with ``operator.attrgetter``."""

    __slots__ = ("_get", "names")

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        self._get = attrgetter(*names) if names else None

    def values(self, record: object) -> tuple[Any, ...]:
        if self._get is None:
            return ()
        found = self._get(record)
        return found if len(self.names) > 1 else (found,)


@dataclass(frozen=True)
class EntityMap[R: DataclassInstance, D: DataclassInstance]:
    record: type[R]
    data: type[D]
    schema: str  # the entity's name under "$defs" in the JSON Schema
    renames: Mapping[str, str] = field(default_factory=dict)
    record_only: frozenset[str] = _KEPT
    converted: frozenset[str] = frozenset()  # names on either side

    _pairs: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)
    _own: _Fields = field(init=False, repr=False, compare=False)
    _theirs: _Fields = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        skip = self.record_only | self.converted
        pairs = tuple(
            (f.name, self.renames.get(f.name, f.name))
            for f in fields(self.record)
            if f.name not in skip
        )
        object.__setattr__(self, "_pairs", pairs)  # frozen: set once, read per record
        # each side's fields read in one C call per record (a 100k-event import reads 100k)
        object.__setattr__(self, "_own", _Fields(tuple(own for own, _ in pairs)))
        object.__setattr__(self, "_theirs", _Fields(tuple(name for _, name in pairs)))

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """(record field, format field) of every field copied as it is."""
        return self._pairs

    def to_data(self, record: R, **converted: Any) -> D:
        """The format record of ``record``; ``converted`` gives (or overrides) format fields."""
        values = dict(zip(self._theirs.names, self._own.values(record), strict=True))
        return self.data(**(values | converted))

    def to_record(self, data: D, **converted: Any) -> R:
        """The database record of ``data``; ``converted`` gives (or overrides) record fields."""
        values = dict(zip(self._own.names, self._theirs.values(data), strict=True))
        return self.record(**(values | converted))


_DERIVED_TIMES = frozenset({"id", "t_lo", "t_hi"})

LANE = EntityMap(LaneRecord, b.LaneData, "lane", record_only=frozenset({"id"}))
ERA = EntityMap(EraRecord, b.EraData, "era", record_only=_DERIVED_TIMES)
EVENT = EntityMap(EventRecord, b.EventData, "event", record_only=_DERIVED_TIMES | {"stamp"})
ACTOR = EntityMap(ActorRecord, b.ActorData, "actor", record_only=frozenset())
CODE = EntityMap(CodeRecord, b.CodeData, "code", renames={"parent_key": "parent"})
ATTRIBUTE = EntityMap(
    AttributeRecord,
    b.AttributeData,
    "attribute",
    record_only=frozenset({"id"}),
    converted=frozenset({"values"}),
)
SOURCE = EntityMap(
    SourceRecord,
    b.SourceData,
    "source",
    renames={"full_text": "text"},
    record_only=_KEPT | {"content_hash", "imported_at"},
    converted=frozenset({"file_name", "file_sha256", "file"}),
)
PASSAGE = EntityMap(
    PassageRecord,
    b.PassageData,
    "passage",
    renames={"source_key": "source"},
    record_only=_KEPT | {"anchor_status"},
    converted=frozenset({"links", "events", "codings"}),
)
CLAIM = EntityMap(
    ClaimRecord,
    b.ClaimData,
    "claim",
    renames={"passage_key": "passage", "event_key": "event"},
)
NOTE = EntityMap(
    NoteRecord,
    b.NoteData,
    "note",
    record_only=frozenset({"id", "version"}),
    converted=frozenset(
        {"target_kind", "target_key", "target", "created_at", "updated_at", "created", "updated"}
    ),
)
RELATION = EntityMap(
    RelationRecord,
    b.RelationData,
    "relation",
    renames={"from_key": "from_passage", "to_key": "to_passage"},
    record_only=frozenset({"id"}),
)

ENTITIES: tuple[EntityMap[Any, Any], ...] = (
    LANE,
    ERA,
    SOURCE,
    EVENT,
    ACTOR,
    CODE,
    ATTRIBUTE,
    PASSAGE,
    CLAIM,
    NOTE,
    RELATION,
)
