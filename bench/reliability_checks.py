"""Checking a reliability run: results, the writers' journals against the library, integrity.

Used by ``bench.reliability``: a ``Result`` counts edits made, acknowledged, found afterwards,
conflicts and lost; ``verify`` fills it from the journals and the library.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from db.library import open_library


@dataclass
class Result:
    scenario: str
    engine: str
    made: int = 0
    acknowledged: int = 0
    found: int = 0
    conflicts: int = 0
    lost: int = 0
    reported: int = 0
    integrity: str = "ok"
    missing: list[str] = field(default_factory=list)  # what each lost edit was

    def line(self) -> str:
        lost = f"lost {self.lost}" + (f" ({'; '.join(self.missing[:5])})" if self.missing else "")
        return (
            f"{self.scenario:<22} {self.engine:<10} made {self.made:>5}  acknowledged "
            f"{self.acknowledged:>5}  found {self.found:>5}  conflicts {self.conflicts:>4}  "
            f"{lost}  outages reported {self.reported}  integrity {self.integrity}"
        )


# --- checking ---------------------------------------------------------------------------------
def read_journals(paths: list[Path]) -> list[dict[str, Any]]:
    entries = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # the half-written last line of a killed writer
    return entries


def verify(url: str, result: Result, journals: list[Path]) -> Result:
    """Count made/acknowledged/conflicts from the journals; find every acknowledged edit."""
    entries = read_journals(journals)
    acked = [e for e in entries if "t" in e]
    result.made += sum(1 for e in entries if "begin" in e)
    result.acknowledged += len(acked)
    result.conflicts += sum(1 for e in entries if "conflict" in e)
    result.reported += sum(1 for e in entries if "outage" in e)
    held: dict[str, bool] = {}
    for path in journals:  # one writer at a time holds a slot: any final holder keeps it
        for slot, state in _holdings(read_journals([path])).items():
            held[slot] = held.get(slot, False) or state
    missing = _lost(url, entries, held)
    result.missing += missing
    result.lost += len(missing)
    result.found += len(acked) - len(missing)
    result.integrity = integrity(url)
    return result


def _holdings(entries: list[dict[str, Any]]) -> dict[str, bool]:
    """Whether each slot (a link, a relation) is held at the end of one journal.

    A slot held when a killed writer's last link or relation edit was cut off is left out: that
    edit may have been committed without being acknowledged, so its state is not known.
    """
    held: dict[str, bool] = {}
    uncertain: set[str] = set()
    begun: dict[str, Any] | None = None
    for entry in [*entries, {"begin": "end"}]:
        if "begin" in entry:
            if begun is not None and str(begun.get("what", "")).startswith(("link", "relation")):
                uncertain |= {slot for slot, state in held.items() if state}
            begun = entry
        elif entry.get("t") == "hold":
            held[entry["slot"]] = entry["held"]
            begun = None
        elif "t" in entry or "conflict" in entry:
            begun = None
    return {slot: state for slot, state in held.items() if slot not in uncertain}


def _stored(url: str) -> dict[str, Any]:
    """Every record the writers edit, by kind and key, plus codings, links and relations."""
    library = open_library(url)
    try:
        with library.unit_of_work() as uow:
            passages = uow.passages.list()
            return {
                "event": {e.key: e for e in uow.events.list()},
                "passage": {p.key: p for p in passages},
                "code": {c.key: c for c in uow.codes.list()},
                "claim": {c.key: c for c in uow.claims.list()},
                "source": {s.key: s for s in uow.sources.list()},
                "note": {n.key: n for n in uow.notes.list()},
                "codings": {(p.key, c.code_key, c.coder) for p in passages for c in p.codings},
                "slots": {f"link {p.key} {link.event_key}" for p in passages for link in p.links}
                | {f"relation {r.key}" for r in uow.relations.list()},
            }
    finally:
        library.dispose()


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _version(row: Any) -> int:
    return int(row.version if hasattr(row, "version") else row.stamp.version)


def _cut_off(entries: list[dict[str, Any]]) -> dict[tuple[str, str, str], list[Any]]:
    """The values a killed writer's cut-off edits may have set, by record field, counting only
    the cut-off edits made after the last acknowledged edit of that field (None: not known).

    An edit whose process was killed after the database committed it but before the writer
    heard back (on PostgreSQL the reply travels over a socket) is in the library without an
    acknowledgement: the field may hold its value rather than the newest acknowledged one.
    """
    values: dict[tuple[str, str, str], list[Any]] = {}
    begun: dict[str, Any] | None = None
    for entry in [*entries, {"begin": "end"}]:
        if "begin" in entry:
            if begun is not None and begun.get("sets"):
                kind, key = str(begun["what"]).split()[:2]
                for name, value in begun["sets"].items():
                    values.setdefault((kind, key, name), []).append(value)
            begun = entry
        elif "t" in entry or "conflict" in entry:
            if "version" in entry:
                values.pop((entry["t"], entry["key"], entry["field"]), None)
            begun = None
    return values


def _lost(url: str, entries: list[dict[str, Any]], held: dict[str, bool]) -> list[str]:
    """Acknowledged edits that are not in the library as acknowledged, each described.

    A versioned edit is lost when two writers were acknowledged the same version of a record,
    when the record is at an older version than one acknowledged, or when the field it set does
    not hold the value of the newest acknowledged edit of that field (any later edit loaded the
    record after it, so it carried the value on) -- unless it holds the value of a killed
    writer's cut-off edit of that field made after the field's last acknowledged edit.
    """
    stored = _stored(url)
    acked = [e for e in entries if "t" in e]
    cut_off = _cut_off(entries)
    lost: list[str] = []
    versions = Counter((e["t"], e["key"], e["version"]) for e in acked if "version" in e)
    lost += [f"{k} {key} v{v} acknowledged {n}x" for (k, key, v), n in versions.items() if n > 1]
    latest: dict[tuple[str, str, str], dict[str, Any]] = {}
    for entry in acked:
        if "version" in entry:
            slot = (entry["t"], entry["key"], entry["field"])
            if slot not in latest or latest[slot]["version"] < entry["version"]:
                latest[slot] = entry
        elif entry["t"] == "coding":
            if (entry["passage"], entry["code"], entry["coder"]) not in stored["codings"]:
                lost.append(f"coding {entry['passage']} {entry['code']} {entry['coder']}")
        elif entry["t"] == "new_note":
            note = stored["note"].get(entry["key"])
            if note is None or note.body != entry["body"]:
                lost.append(f"new note {entry['key']}")
    for (kind, key, name), entry in latest.items():
        row = stored[kind][key]
        if _version(row) < entry["version"]:
            lost.append(f"{kind} {key} at v{_version(row)} < acknowledged v{entry['version']}")
        elif _plain(getattr(row, name)) != entry["value"]:
            candidates = cut_off.get((kind, key, name), [])
            if not (None in candidates or _plain(getattr(row, name)) in candidates):
                lost.append(f"{kind} {key} {name} v{entry['version']} != stored")
    lost += [
        f"{slot} held={state}" for slot, state in held.items() if state != (slot in stored["slots"])
    ]
    return lost


FK_CHECKS = (
    "SELECT count(*) FROM codings c LEFT JOIN passages p ON p.id = c.passage_id WHERE p.id IS NULL",
    "SELECT count(*) FROM codings c LEFT JOIN codes d ON d.id = c.code_id WHERE d.id IS NULL",
    "SELECT count(*) FROM passages p LEFT JOIN sources s ON s.id = p.source_id WHERE s.id IS NULL",
    "SELECT count(*) FROM passage_events l LEFT JOIN events e ON e.id = l.event_id "
    "WHERE e.id IS NULL",
)


def integrity(url: str) -> str:
    """'ok', or what is wrong: SQLite's own checks, else orphan counts and version sanity."""
    engine = create_engine(url)
    problems: list[str] = []
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                check = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
                if check != "ok":
                    problems.append(f"integrity_check: {check}")
                if connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    problems.append("foreign_key_check found rows")
            for query in FK_CHECKS:
                if connection.scalar(text(query)):
                    problems.append(query)
            if connection.scalar(text("SELECT count(*) FROM events WHERE version < 1")):
                problems.append("events with a version below 1")
    finally:
        engine.dispose()
    return "; ".join(problems) or "ok"
