"""Plan how an incoming ``Bundle`` joins a library that may already hold records.

Policy for a record whose key already exists in the library (per kind):
- identical content: skipped (the library's record stays; references to it keep working);
- different content: a conflict. Without ``rename`` the whole import is refused and every
  conflict is named; with ``rename`` the incoming record gets a fresh key (``key-2``,
  ``key-3``...) and every incoming reference to it follows (so records pointing at it differ
  from the library's too and are renamed in turn).
Lanes are the same lane when key and name agree (colour and position stay as the library has
them); an incoming lane with a new key but the name of a library lane (ignoring case) is that
lane, so groups of TimelineJS or CSV files land in the lanes of the same name. Attributes
(voice, tone, epistemic) have fixed keys, so a differing one is always a conflict. Events that
name a lane found neither in the import nor in the library get a new lane named after the key
(our events.csv carries lane keys only). Imported lanes go below the library's lanes. The
library's title and description are only set when it holds no records.
Pure: ``plan_import`` reads two bundles and returns a new one; nothing is written here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from desktop.io.formats import bundle as b
from desktop.io.formats.lane_registry import LANE_COLORS

__all__ = ["KIND_NAMES", "ImportConflictError", "ImportPlan", "plan_import"]

KIND_NAMES = {
    "lanes": "lane",
    "eras": "era",
    "sources": "source",
    "events": "event",
    "codes": "code",
    "attributes": "attribute",
    "passages": "passage",
    "claims": "claim",
    "notes": "note",
    "relations": "relation",
}
_SHOWN_CONFLICTS = 12
KeyMap = dict[str, dict[str, str]]


class ImportConflictError(ValueError):
    """Incoming records whose keys exist in the library with other content; nothing changed."""

    def __init__(self, conflicts: Iterable[str]) -> None:
        self.conflicts = tuple(conflicts)
        shown = ", ".join(self.conflicts[:_SHOWN_CONFLICTS])
        more = len(self.conflicts) - _SHOWN_CONFLICTS
        if more > 0:
            shown += f" and {more} more"
        super().__init__(
            f"Nothing imported: {len(self.conflicts)} record(s) already exist in the library "
            f"with different content: {shown}. Import with the rename option (--rename) to "
            "give the incoming ones new keys."
        )


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What to write (``bundle``) and what happened to each incoming record.

    ``added``/``skipped`` count records per kind (JSON list names); ``renamed`` maps
    (kind, incoming key) to the key it is written under; ``conflicts`` names the records that
    differ from the library's and could not be renamed (an empty tuple means the plan can run).
    """

    bundle: b.Bundle
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    renamed: dict[tuple[str, str], str] = field(default_factory=dict)
    conflicts: tuple[str, ...] = ()


def _moment(text: str) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _comparable(kind: str, record: Any) -> Any:
    """The part of a record that decides whether two records with one key are the same."""
    if kind == "lanes":
        return record.name
    if kind == "sources":  # label and colour are how this library shows it, not content
        return replace(record, label="", color="")
    if kind == "notes":
        return (
            replace(record, created="", updated=""),
            _moment(record.created),
            _moment(record.updated),
        )
    if kind == "passages":
        return replace(  # the library keeps links and codings in its own order
            record,
            tone=record.tone or None,
            epistemic=record.epistemic or None,
            events=tuple(sorted(record.events, key=lambda x: x.event)),
            codings=tuple(sorted(record.codings, key=lambda c: (c.code, c.coder))),
        )
    return record


def _remap_passage(p: b.PassageData, maps: KeyMap) -> b.PassageData:
    events, codes = maps["events"], maps["codes"]
    return replace(
        p,
        source=maps["sources"].get(p.source, p.source),
        events=tuple(replace(x, event=events.get(x.event, x.event)) for x in p.events),
        codings=tuple(replace(c, code=codes.get(c.code, c.code)) for c in p.codings),
    )


def _remap_note(n: b.NoteData, maps: KeyMap) -> b.NoteData:
    kind = n.target.kind + "s"
    new_key = maps.get(kind, {}).get(n.target.key, n.target.key)
    return replace(n, target=replace(n.target, key=new_key))


_REMAP: dict[str, Callable[[Any, KeyMap], Any]] = {
    "events": lambda e, m: replace(e, lane=m["lanes"][e.lane]) if e.lane in m["lanes"] else e,
    "codes": lambda c, m: replace(c, parent=m["codes"].get(c.parent, c.parent)) if c.parent else c,
    "passages": _remap_passage,
    "claims": lambda c, m: replace(c, passage=m["passages"].get(c.passage, c.passage)),
    "notes": _remap_note,
    "relations": lambda r, m: replace(
        r,
        from_passage=m["passages"].get(r.from_passage, r.from_passage),
        to_passage=m["passages"].get(r.to_passage, r.to_passage),
    ),
}


def _fresh_key(key: str, taken: set[str]) -> str:
    number = 2
    while f"{key}-{number}" in taken:
        number += 1
    return f"{key}-{number}"


@dataclass
class _Planner:
    existing: b.Bundle
    rename: bool
    maps: KeyMap = field(default_factory=lambda: {kind: {} for kind in KIND_NAMES})
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    renamed: dict[tuple[str, str], str] = field(default_factory=dict)

    def kind(self, kind: str, records: Sequence[Any]) -> tuple[Any, ...]:
        """Decide each incoming record of one kind; returns those to write (renamed, remapped)."""
        ours = {r.key: r for r in getattr(self.existing, kind)}
        taken = set(ours) | {r.key for r in records}
        remap = _REMAP.get(kind)
        kept: list[Any] = []
        for record in records:
            incoming = remap(record, self.maps) if remap else record
            if kind == "lanes" and incoming.key not in ours:
                incoming = self._same_named_lane(incoming)
            current = ours.get(incoming.key)
            if current is not None and _comparable(kind, current) == _comparable(kind, incoming):
                self.skipped[kind] = self.skipped.get(kind, 0) + 1
                continue
            if current is not None:
                if not self.rename or kind == "attributes":
                    self.conflicts.append(f"{KIND_NAMES[kind]} '{incoming.key}'")
                    continue
                new_key = _fresh_key(incoming.key, taken)
                taken.add(new_key)
                self.maps[kind][incoming.key] = new_key
                self.renamed[(kind, incoming.key)] = new_key
                incoming = replace(incoming, key=new_key)
            kept.append(incoming)
        self.added[kind] = len(kept)
        return tuple(kept)

    def _same_named_lane(self, lane: b.LaneData) -> b.LaneData:
        """A lane named like one of the library's (ignoring case) becomes that lane."""
        wanted = lane.name.casefold()
        for ours in self.existing.lanes:
            if ours.name.casefold() == wanted:
                self.maps["lanes"][lane.key] = ours.key
                return replace(lane, key=ours.key, name=ours.name)
        return lane

    def codes(self, codes: Iterable[b.CodeData]) -> tuple[b.CodeData, ...]:
        """Codes parent first, so a renamed parent is known before its children are remapped."""
        pending, ordered, placed = list(codes), [], set[str]()
        while pending:
            ready = [c for c in pending if c.parent is None or c.parent in placed]
            ready = ready or pending  # a cycle: keep going, the loader names it
            ordered += ready
            placed |= {c.key for c in ready}
            pending = [c for c in pending if c.key not in placed]
        return self.kind("codes", ordered)


def _with_missing_lanes(incoming: b.Bundle, existing: b.Bundle) -> b.Bundle:
    known = {lane.key for lane in (*incoming.lanes, *existing.lanes)}
    missing = list(dict.fromkeys(e.lane for e in incoming.events if e.lane not in known))
    if not missing:
        return incoming
    start = len(incoming.lanes)
    made = tuple(
        b.LaneData(
            key=key,
            name=key.replace("-", " ").replace("_", " ").capitalize(),
            color=LANE_COLORS[(start + k) % len(LANE_COLORS)],
            position=start + k,
        )
        for k, key in enumerate(missing)
    )
    return replace(incoming, lanes=incoming.lanes + made)


def _below(lanes: tuple[b.LaneData, ...], existing: b.Bundle) -> tuple[b.LaneData, ...]:
    if not existing.lanes:
        return lanes
    first = max(lane.position for lane in existing.lanes) + 1
    order = sorted(lanes, key=lambda lane: lane.position)
    return tuple(replace(lane, position=first + k) for k, lane in enumerate(order))


def is_empty_library(bundle: b.Bundle) -> bool:
    """True when the library holds no lanes, events, sources or codes."""
    return not (bundle.lanes or bundle.events or bundle.sources or bundle.codes)


def plan_import(existing: b.Bundle, incoming: b.Bundle, *, rename: bool = False) -> ImportPlan:
    """Decide every incoming record against the library's ``existing`` records (see module)."""
    incoming = _with_missing_lanes(incoming, existing)
    planner = _Planner(existing, rename)
    lanes = _below(planner.kind("lanes", incoming.lanes), existing)
    eras = planner.kind("eras", incoming.eras)
    sources = planner.kind("sources", incoming.sources)
    events = planner.kind("events", incoming.events)
    codes = planner.codes(incoming.codes)
    attributes = planner.kind("attributes", incoming.attributes)
    passages = planner.kind("passages", incoming.passages)
    claims = planner.kind("claims", incoming.claims)
    notes = planner.kind("notes", incoming.notes)
    relations = planner.kind("relations", incoming.relations)
    meta = incoming.meta if is_empty_library(existing) else b.MetaData(title="")
    written = b.Bundle(
        meta=meta,
        lanes=lanes,
        eras=eras,
        sources=sources,
        events=events,
        codes=codes,
        attributes=attributes,
        passages=passages,
        claims=claims,
        notes=notes,
        relations=relations,
    )
    return ImportPlan(
        written, planner.added, planner.skipped, planner.renamed, tuple(planner.conflicts)
    )
