"""The data formats users can export and import, and how a file's format is recognised.

Names (``--format``): ``json`` (the Parallax library document), ``csv`` (our tables:
events.csv, passages.csv and codings.csv in a folder, or in a zip when the target ends in
``.zip``), ``timelinejs-json``, ``timelinejs-csv`` (the TimelineJS Google-Sheets template),
``qdpx`` (REFI-QDA project) and, for export only, ``coverage-csv`` (events x sources).
Import also reads ``events-csv`` (any CSV with title and date columns, mapped by header names).
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

from desktop.io.formats.csv_text import read_csv_rows
from desktop.io.formats.errors import FormatError
from desktop.io.limits import check_regular_file, read_regular_file

__all__ = ["EXPORT_FORMATS", "IMPORT_FORMATS", "guess_export_format", "guess_import_format"]

EXPORT_FORMATS = ("json", "csv", "timelinejs-json", "timelinejs-csv", "qdpx", "coverage-csv")
IMPORT_FORMATS = ("json", "csv", "timelinejs-json", "timelinejs-csv", "qdpx", "events-csv")
OWN_EVENT_COLUMNS = frozenset({"key", "title", "start", "lane"})
_PEEK_BYTES = 65536


def guess_export_format(path: str | os.PathLike[str]) -> str:
    """The export format a target name suggests: .json, .qdpx, .zip or a folder (csv)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".qdpx":
        return "qdpx"
    if suffix in ("", ".zip"):
        return "csv"
    raise FormatError(
        f"cannot tell the format from the name {Path(path).name!r}; "
        f"choose one with --format ({', '.join(EXPORT_FORMATS)})"
    )


def guess_import_format(path: str | os.PathLike[str]) -> str:
    """The import format of an existing file or folder, from its name and its first bytes.

    Raises ``FormatError`` when the file is missing or its format cannot be recognised.
    """
    target = Path(path)
    if target.is_dir():
        return "csv"
    if not target.exists():
        raise FormatError(f"{target}: no such file")
    check_regular_file(target, FormatError)
    suffix = target.suffix.lower()
    if suffix == ".qdpx":
        return "qdpx"
    if zipfile.is_zipfile(target):
        return _zip_format(target)
    if suffix == ".json" or _starts_with_brace(target):
        return _json_format(target)
    if suffix in (".csv", ".tsv", ".txt"):
        return _csv_format(target)
    raise FormatError(
        f"{target.name}: cannot tell its format; choose one with --format "
        f"({', '.join(IMPORT_FORMATS)})"
    )


def _starts_with_brace(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _zip_format(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        names = {Path(name).name for name in archive.namelist()}
    if "project.qde" in names:
        return "qdpx"
    if "events.csv" in names:
        return "csv"
    raise FormatError(f"{path.name}: a zip without events.csv or project.qde")


# A library document's top-level "format" member: in JSON text no string value holds an
# unescaped quote, so this only ever matches a member, and no other format has this one.
_LIBRARY_FORMAT = re.compile(rb'"format"\s*:\s*"parallax-library"')


def _json_format(path: Path) -> str:
    """ "json" for a Parallax library document, found by its "format" member without parsing
    the whole file (an import then parses it once, not twice); else the parsed document says."""
    raw = read_regular_file(path, FormatError)
    if _LIBRARY_FORMAT.search(raw):
        return "json"
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        raise FormatError(f"{path.name}: JSON nested too deeply to read") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormatError(f"{path.name} is not readable JSON: {exc}") from exc
    if isinstance(document, dict) and document.get("format") == "parallax-library":
        return "json"
    if isinstance(document, dict) and "events" in document:
        return "timelinejs-json"
    raise FormatError(
        f"{path.name}: neither a Parallax library (field 'format') nor a TimelineJS "
        "file (field 'events')"
    )


def _csv_format(path: Path) -> str:
    headers, _rows = read_csv_rows(path)
    if {"Year", "Headline"} <= set(headers):
        return "timelinejs-csv"
    if set(headers) >= OWN_EVENT_COLUMNS:
        return "csv"
    return "events-csv"
