"""Import events from any CSV with a column mapping (title, start, end, group, text).

``guess_mapping`` picks columns from header names ("Headline", "Date", "Region"...); the caller
may show it to the user and pass a corrected ``ColumnMapping``. Dates are read as people write
them (``DateSpan.parse``: "7 Aug 2008", "2008-08", "c. 2012", "333 BC", "7-12 Aug 2008").
The result is a complete, checked ``Bundle`` (lanes from the group column) or ``FormatError``
naming the row and column.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from desktop.io.formats.bundle import Bundle, EventData, MetaData
from desktop.io.formats.csv_text import read_csv_sheet
from desktop.io.formats.errors import FormatError
from desktop.io.formats.integrity import check_integrity
from desktop.io.formats.keys import KeyMaker
from desktop.io.formats.lane_registry import LaneRegistry
from desktop.model.dates import DateParseError, DateSpan

__all__ = ["ColumnMapping", "guess_mapping", "import_csv_events"]

_CANDIDATES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "event", "name", "what", "subject", "label"),
    "start": ("start", "start date", "startdate", "date", "from", "begin", "year", "when"),
    "end": ("end", "end date", "enddate", "to", "until", "finish", "end year"),
    "group": ("group", "lane", "category", "region", "track", "theme", "country"),
    "text": ("text", "summary", "description", "details", "notes", "body", "content"),
}


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which CSV column holds what; ``title`` and ``start`` are required, the rest optional."""

    title: str
    start: str
    end: str | None = None
    group: str | None = None
    text: str | None = None


def _normal(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", header.lower()).strip()


def _find(headers: list[str], role: str, taken: set[str]) -> str | None:
    by_normal = {_normal(h): h for h in headers if h not in taken}
    for candidate in _CANDIDATES[role]:
        if candidate in by_normal:
            return by_normal[candidate]
    return None


def guess_mapping(headers: list[str]) -> ColumnMapping:
    """A mapping from header names; ``FormatError`` if no title or start column is found."""
    taken: set[str] = set()
    found: dict[str, str | None] = {}
    for role in ("title", "start", "end", "group", "text"):
        column = _find(headers, role, taken)
        found[role] = column
        if column is not None:
            taken.add(column)
    title, start = found["title"], found["start"]
    if title is None or start is None:
        role = "title" if title is None else "start"
        tried = ", ".join(_CANDIDATES[role])
        raise FormatError(f"header row: no column for the {role} (looked for: {tried})")
    return ColumnMapping(
        title=title, start=start, end=found["end"], group=found["group"], text=found["text"]
    )


def _parse(cell: str, where: str, column: str) -> DateSpan:
    try:
        return DateSpan.parse(cell)
    except DateParseError as exc:
        raise FormatError(f"{where}: field '{column}': {exc}") from exc


def _span(row: dict[str, str], mapping: ColumnMapping, where: str) -> DateSpan:
    first = _parse(row.get(mapping.start, ""), where, mapping.start)
    end_cell = row.get(mapping.end, "").strip() if mapping.end else ""
    if not end_cell or mapping.end is None:
        return first
    last = _parse(end_cell, where, mapping.end).last
    try:
        return DateSpan(first.start, None if last == first.start else last)
    except ValueError as exc:
        raise FormatError(f"{where}: field '{mapping.end}': {exc}") from exc


def _check_columns(headers: list[str], mapping: ColumnMapping) -> None:
    for role in ("title", "start", "end", "group", "text"):
        column = getattr(mapping, role)
        if column is not None and column not in headers:
            raise FormatError(f"header row: the {role} column {column!r} is not in the file")


def import_csv_events(path: str | os.PathLike[str], mapping: ColumnMapping | None = None) -> Bundle:
    """Events (and lanes from the group column) of a CSV; ``mapping`` defaults to the guess."""
    sheet = read_csv_sheet(path)
    headers, rows = sheet.headers, sheet.rows
    mapping = mapping or guess_mapping(headers)
    _check_columns(headers, mapping)
    keys, lanes = KeyMaker("event"), LaneRegistry()
    events: list[EventData] = []
    for number, row in rows:
        where = f"row {number}"
        title = " ".join(row.get(mapping.title, "").split())
        if not title:
            raise FormatError(f"{where}: field '{mapping.title}': an event needs a title")
        start, end = _span(row, mapping, where).to_edtf()
        lane = lanes.key_for(row.get(mapping.group, "") if mapping.group else "")
        summary = row.get(mapping.text, "").strip() if mapping.text else ""
        key = keys.take(title)
        events.append(
            EventData(key=key, title=title, start=start, end=end, lane=lane, summary=summary)
        )
    bundle = Bundle(
        meta=MetaData(title=Path(path).stem),
        lanes=lanes.records(),
        events=tuple(events),
        notices=sheet.notices(),
    )
    check_integrity(bundle)
    return bundle
