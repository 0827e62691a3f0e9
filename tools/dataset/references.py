"""The second reference for every event's dates: ``tools/dataset/references.tsv``.

Each event's dates come from a public record; the table names a second record that confirms
them, one row per event (``event``, ``confirmed``, ``reference``). ``confirmed`` is the event's
start, or ``start/end`` when it has an end, written in EDTF exactly as the event has it, so a
change to an event's dates without a new reference fails the build. Lines starting with ``#``
are comments; the first other line is the header.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

REFERENCES_PATH = Path(__file__).resolve().parent / "references.tsv"
HEADER = ("event", "confirmed", "reference")


@dataclass(frozen=True, slots=True)
class Reference:
    """Where an event's dates were confirmed."""

    event: str
    confirmed: str
    reference: str


class ReferenceTableError(ValueError):
    """The table cannot be read (wrong header or a row without three fields)."""


def read_references(path: Path = REFERENCES_PATH) -> list[Reference]:
    """Every row of the table, in file order."""
    lines = [
        (number, line)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    if not lines or tuple(lines[0][1].split("\t")) != HEADER:
        raise ReferenceTableError(f"{path.name}: the header must be {' / '.join(HEADER)}")
    rows = []
    for number, line in lines[1:]:
        fields = line.split("\t")
        if len(fields) != len(HEADER) or not all(field.strip() for field in fields):
            raise ReferenceTableError(f"{path.name} line {number}: expected three fields")
        rows.append(Reference(*fields))
    return rows


def _dates(event: dict[str, Any]) -> str:
    return event["start"] + (f"/{event['end']}" if event.get("end") else "")


def reference_problems(events: list[dict[str, Any]], references: list[Reference]) -> list[str]:
    """Events without a reference, references to unknown or repeated events, and references
    whose confirmed dates are not the event's dates."""
    by_key = {event["key"]: event for event in events}
    seen: set[str] = set()
    problems = []
    for ref in references:
        event = by_key.get(ref.event)
        if event is None:
            problems.append(f"reference for unknown event {ref.event!r}")
        elif ref.event in seen:
            problems.append(f"event {ref.event}: more than one reference")
        elif ref.confirmed != _dates(event):
            problems.append(
                f"event {ref.event}: dated {_dates(event)}, its reference confirms {ref.confirmed}"
            )
        seen.add(ref.event)
    problems += [f"event {key}: no second reference" for key in by_key if key not in seen]
    return problems
