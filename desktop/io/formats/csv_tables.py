"""Our own CSV tables: events.csv, passages.csv and codings.csv, and events.csv back.

Lists (actors, tags, linked events, codes) are joined with "; " in one cell. Export is
deterministic (records in bundle order) and atomic; ``import_events_csv`` of an exported file
gives the same events (as long as no list item contains ";"), or ``FormatError`` naming the row
and column.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path

from desktop.io.formats.atomic import write_text_atomic
from desktop.io.formats.bundle import Bundle, EventData
from desktop.io.formats.csv_text import join_list, read_csv_rows, split_list
from desktop.io.formats.errors import FormatError
from desktop.io.formats.keys import is_key
from desktop.model.dates import DateParseError, DateSpan, HistDate
from desktop.model.source_identity import label_from_outlet

__all__ = [
    "CODING_COLUMNS",
    "EVENT_COLUMNS",
    "PASSAGE_COLUMNS",
    "export_codings_csv",
    "export_csv_tables",
    "export_events_csv",
    "export_passages_csv",
    "import_events_csv",
]

EVENT_COLUMNS = (
    "key",
    "title",
    "start",
    "end",
    "lane",
    "importance",
    "context",
    "actors",
    "tags",
    "summary",
    "notes",
    "aliases",
)
PASSAGE_COLUMNS = (
    "key",
    "source",
    "source_label",
    "start",
    "end",
    "quote",
    "voice",
    "tone",
    "epistemic",
    "events",
    "codes",
    "notes",
)
CODING_COLUMNS = ("passage", "source", "source_label", "code", "code_name", "coder", "quote")


def _write_table(
    path: str | os.PathLike[str], columns: Sequence[str], rows: list[dict[str, str]]
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text_atomic(path, buffer.getvalue())


def export_events_csv(bundle: Bundle, path: str | os.PathLike[str]) -> None:
    """One row per event, columns ``EVENT_COLUMNS``."""
    rows = [
        {
            "key": e.key,
            "title": e.title,
            "start": e.start,
            "end": e.end or "",
            "lane": e.lane,
            "importance": str(e.importance),
            "context": "true" if e.context else "false",
            "actors": join_list(e.actors),
            "tags": join_list(e.tags),
            "summary": e.summary,
            "notes": e.notes,
            "aliases": join_list(e.aliases),
        }
        for e in bundle.events
    ]
    _write_table(path, EVENT_COLUMNS, rows)


def _source_labels(bundle: Bundle) -> dict[str, str]:
    return {s.key: s.label or label_from_outlet(s.outlet, s.title) for s in bundle.sources}


def export_passages_csv(bundle: Bundle, path: str | os.PathLike[str]) -> None:
    """One row per passage with its linked event keys and code keys joined."""
    labels = _source_labels(bundle)
    rows = [
        {
            "key": p.key,
            "source": p.source,
            "source_label": labels.get(p.source, ""),
            "start": str(p.start),
            "end": str(p.end),
            "quote": p.quote,
            "voice": p.voice,
            "tone": p.tone or "",
            "epistemic": p.epistemic or "",
            "events": join_list(tuple(link.event for link in p.events)),
            "codes": join_list(tuple(dict.fromkeys(coding.code for coding in p.codings))),
            "notes": p.notes,
        }
        for p in bundle.passages
    ]
    _write_table(path, PASSAGE_COLUMNS, rows)


def export_codings_csv(bundle: Bundle, path: str | os.PathLike[str]) -> None:
    """One row per coding (a code applied to a passage by a coder)."""
    names = {code.key: code.name for code in bundle.codes}
    labels = _source_labels(bundle)
    rows = [
        {
            "passage": p.key,
            "source": p.source,
            "source_label": labels.get(p.source, ""),
            "code": c.code,
            "code_name": names.get(c.code, ""),
            "coder": c.coder,
            "quote": p.quote,
        }
        for p in bundle.passages
        for c in p.codings
    ]
    _write_table(path, CODING_COLUMNS, rows)


def export_csv_tables(bundle: Bundle, folder: str | os.PathLike[str]) -> list[Path]:
    """Write events.csv, passages.csv and codings.csv into ``folder``; returns their paths."""
    target = Path(folder)
    paths = [target / "events.csv", target / "passages.csv", target / "codings.csv"]
    export_events_csv(bundle, paths[0])
    export_passages_csv(bundle, paths[1])
    export_codings_csv(bundle, paths[2])
    return paths


def _key_cell(row: dict[str, str], column: str, where: str) -> str:
    value = row.get(column, "").strip()
    if not is_key(value):
        raise FormatError(f"{where}: field '{column}': {value!r} is not a valid key")
    return value


def _check_span(start: str, end: str | None, where: str) -> None:
    for field, value in (("start", start), ("end", end)):
        try:
            if value is not None:
                HistDate.parse_edtf(value)
        except DateParseError as exc:
            raise FormatError(f"{where}: field '{field}': {exc}") from exc
    try:
        DateSpan.from_edtf(start, end)
    except DateParseError as exc:
        raise FormatError(f"{where}: field 'end': {exc}") from exc


def _event_from_row(row: dict[str, str], where: str) -> EventData:
    start, end = row.get("start", "").strip(), row.get("end", "").strip() or None
    _check_span(start, end, where)
    importance = row.get("importance", "").strip() or "2"
    if importance not in ("1", "2", "3"):
        raise FormatError(f"{where}: field 'importance': {importance!r} is not 1, 2 or 3")
    context = row.get("context", "").strip().lower() or "false"
    if context not in ("true", "false"):
        raise FormatError(f"{where}: field 'context': {context!r} is not true or false")
    title = row.get("title", "").strip()
    if not title:
        raise FormatError(f"{where}: field 'title': an event needs a title")
    return EventData(
        key=_key_cell(row, "key", where),
        title=title,
        start=start,
        end=end,
        lane=_key_cell(row, "lane", where),
        importance=int(importance),
        context=context == "true",
        actors=split_list(row.get("actors", "")),
        tags=split_list(row.get("tags", "")),
        summary=row.get("summary", ""),
        notes=row.get("notes", ""),
        aliases=split_list(row.get("aliases", "")),
    )


def import_events_csv(path: str | os.PathLike[str]) -> tuple[EventData, ...]:
    """The events of an events.csv written by ``export_events_csv`` (or by hand alike)."""
    headers, rows = read_csv_rows(path)
    missing = [name for name in ("key", "title", "start", "lane") if name not in headers]
    if missing:
        raise FormatError(f"header row: column '{missing[0]}' is missing")
    events = tuple(_event_from_row(row, f"row {number}") for number, row in rows)
    seen: set[str] = set()
    for (number, _), event in zip(rows, events, strict=True):
        if event.key in seen:
            raise FormatError(f"row {number}: field 'key': duplicate key {event.key!r}")
        seen.add(event.key)
    return events
