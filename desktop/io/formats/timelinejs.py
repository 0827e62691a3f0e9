"""TimelineJS: the JSON format and the Google-Sheets CSV, both ways.

Import (``import_timelinejs_json``, ``import_timelinejs_csv``) returns a complete, checked
``Bundle`` (lanes from groups, eras, events) or raises ``FormatError`` naming the slide
(``events[3]``, ``row 5``) and the field; see ``timelinejs_build`` for the rules and
``timelinejs_dates`` for year numbering and circa. Export writes every event with its date
precision kept by leaving parts empty, circa as a display date, the lane as the group, the
event key as ``unique_id`` (JSON only) and the sources whose passages link the event cited in
the text, in a paragraph the importer recognises and skips. Files are written atomically.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.io.formats.atomic import write_text_atomic
from desktop.io.formats.bundle import Bundle
from desktop.io.formats.csv_text import decode_import_text, read_csv_sheet
from desktop.io.formats.errors import FormatError
from desktop.io.formats.timelinejs_build import RawSlide, build_bundle
from desktop.io.formats.timelinejs_dates import RawDate
from desktop.io.formats.timelinejs_export import CSV_HEADERS, csv_rows, timelinejs_document
from desktop.io.limits import read_regular_file

__all__ = [
    "CSV_HEADERS",
    "export_timelinejs_csv",
    "export_timelinejs_json",
    "import_timelinejs_csv",
    "import_timelinejs_json",
]

_DATE_FIELDS = {"start": "start_date", "end": "end_date"}


def export_timelinejs_json(bundle: Bundle, path: str | os.PathLike[str]) -> None:
    """Write ``bundle`` as TimelineJS JSON (UTF-8, deterministic)."""
    document = timelinejs_document(bundle)
    write_text_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def export_timelinejs_csv(bundle: Bundle, path: str | os.PathLike[str]) -> None:
    """Write ``bundle`` as a TimelineJS spreadsheet CSV with the exact TimelineJS headers."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_HEADERS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_rows(bundle))
    write_text_atomic(path, buffer.getvalue())


def _read_text(path: str | os.PathLike[str]) -> str:
    try:
        return decode_import_text(read_regular_file(path, FormatError), str(path))[0]
    except OSError as exc:
        raise FormatError(f"cannot read {path}: {exc}") from exc


def _string(value: Any, where: str, field: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise FormatError(f"{where}: field '{field}': expected text, found {type(value).__name__}")


def _json_date(slide: dict[str, Any], which: str, where: str) -> RawDate | None:
    name = _DATE_FIELDS[which]
    value = slide.get(name)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FormatError(f"{where}: field '{name}': expected an object with a year")
    fields = (f"{name}.year", f"{name}.month", f"{name}.day")
    display = _string(value.get("display_date"), where, f"{name}.display_date")
    return RawDate(value.get("year"), value.get("month"), value.get("day"), display, where, fields)


def _json_slide(slide: Any, where: str, kind: str) -> RawSlide:
    if not isinstance(slide, dict):
        raise FormatError(f"{where}: expected an object")
    text = slide.get("text") or {}
    if not isinstance(text, dict):
        raise FormatError(f"{where}: field 'text': expected an object with headline and text")
    return RawSlide(
        where=where,
        kind=kind,
        headline_html=_string(text.get("headline"), where, "text.headline"),
        text_html=_string(text.get("text"), where, "text.text"),
        start=_json_date(slide, "start", where),
        end=_json_date(slide, "end", where),
        display=_string(slide.get("display_date"), where, "display_date"),
        group=_string(slide.get("group"), where, "group"),
        unique_id=_string(slide.get("unique_id"), where, "unique_id"),
    )


def _json_slides(document: Any) -> list[RawSlide]:
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise FormatError("document: field 'events': a TimelineJS file needs an events list")
    slides: list[RawSlide] = []
    if document.get("title") is not None:
        slides.append(_json_slide(document["title"], "title", "title"))
    slides += [_json_slide(s, f"events[{i}]", "event") for i, s in enumerate(document["events"])]
    eras = document.get("eras") or []
    if not isinstance(eras, list):
        raise FormatError("document: field 'eras': expected a list")
    slides += [_json_slide(s, f"eras[{i}]", "era") for i, s in enumerate(eras)]
    return slides


def import_timelinejs_json(path: str | os.PathLike[str]) -> Bundle:
    """Read a TimelineJS JSON file into a new ``Bundle``."""
    try:
        document = json.loads(_read_text(path))
    except RecursionError:
        raise FormatError(f"{path}: JSON nested too deeply to read") from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path} is not JSON: line {exc.lineno}: {exc.msg}") from exc
    return build_bundle(_json_slides(document), Path(path).stem)


def _csv_slide(row: dict[str, str], where: str) -> RawSlide:
    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    kind = {"title": "title", "era": "era"}.get(cell("Type").lower(), "event")
    start = RawDate(cell("Year"), cell("Month"), cell("Day"), "", where, ("Year", "Month", "Day"))
    end = RawDate(
        cell("End Year"),
        cell("End Month"),
        cell("End Day"),
        "",
        where,
        ("End Year", "End Month", "End Day"),
    )
    return RawSlide(
        where=where,
        kind=kind,
        headline_html=cell("Headline"),
        text_html=cell("Text"),
        start=None if kind == "title" else start,
        end=end,
        display=cell("Display Date"),
        group=cell("Group"),
        unique_id="",
    )


def import_timelinejs_csv(path: str | os.PathLike[str]) -> Bundle:
    """Read a TimelineJS spreadsheet (CSV export of the Google Sheets template)."""
    sheet = read_csv_sheet(path, sniff=False)
    missing = [name for name in ("Year", "Headline") if name not in sheet.headers]
    if missing:
        raise FormatError(f"header row: column '{missing[0]}' is missing (TimelineJS headers)")
    slides = [_csv_slide(row, f"row {number}") for number, row in sheet.rows]
    bundle = build_bundle(slides, Path(path).stem)
    return replace(bundle, notices=bundle.notices + sheet.notices())
