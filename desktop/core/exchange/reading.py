"""Read a file (or folder) in one of the import formats into a checked ``Bundle``.

Our CSV tables are read from events.csv (in a folder, a zip, or the file itself); passages.csv
and codings.csv are for spreadsheets and are not read back, because the sources they point at
are not in CSV. Any other CSV is read as events through a column mapping guessed from its
headers (title, date, end, group, text). Every failure is a ``FormatError`` naming the row,
slide or field.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.core.exchange.formats import IMPORT_FORMATS, guess_import_format
from desktop.io.bidi import has_bidi, strip_bidi
from desktop.io.formats.bundle import Bundle, LaneData, MetaData
from desktop.io.formats.csv_mapping import import_csv_events
from desktop.io.formats.csv_tables import import_events_csv
from desktop.io.formats.errors import FormatError
from desktop.io.formats.integrity import check_integrity
from desktop.io.formats.library_json import read_library_json
from desktop.io.formats.qdpx import import_qdpx
from desktop.io.formats.timelinejs import import_timelinejs_csv, import_timelinejs_json
from desktop.io.limits import ZipBudget, check_regular_file

__all__ = ["read_import_file"]


def read_import_file(path: str | os.PathLike[str], fmt: str | None = None) -> Bundle:
    """The records of ``path`` in format ``fmt`` (guessed from name and content when None)."""
    return without_bidi(_read(path, fmt))


def without_bidi(bundle: Bundle) -> Bundle:
    """The bundle with bidirectional controls removed from titles, names, outlets, authors."""

    def names(records: tuple[Any, ...], *fields: str) -> tuple[Any, ...]:
        if not any(has_bidi(getattr(r, f)) for r in records for f in fields):
            return records  # the usual case, checked without building new records
        return tuple(replace(r, **{f: strip_bidi(getattr(r, f)) for f in fields}) for r in records)

    sources = tuple(
        replace(
            s,
            title=strip_bidi(s.title),
            outlet=strip_bidi(s.outlet),
            authors=tuple(strip_bidi(a) for a in s.authors),
        )
        for s in bundle.sources
    )
    return replace(
        bundle,
        meta=replace(bundle.meta, title=strip_bidi(bundle.meta.title)),
        lanes=names(bundle.lanes, "name"),
        eras=names(bundle.eras, "name"),
        events=names(bundle.events, "title"),
        codes=names(bundle.codes, "name"),
        sources=sources,
    )


def _read(path: str | os.PathLike[str], fmt: str | None) -> Bundle:
    chosen = fmt or guess_import_format(path)
    if chosen not in IMPORT_FORMATS:
        raise FormatError(f"unknown import format {chosen!r} (use {', '.join(IMPORT_FORMATS)})")
    if not Path(path).exists():
        raise FormatError(f"{path}: no such file")
    if not Path(path).is_dir():
        check_regular_file(path, FormatError)
    if chosen == "json":
        return read_library_json(Path(path))
    if chosen == "timelinejs-json":
        return import_timelinejs_json(path)
    if chosen == "timelinejs-csv":
        return import_timelinejs_csv(path)
    if chosen == "qdpx":
        return _qdpx(Path(path))
    if chosen == "events-csv":
        return import_csv_events(path)
    return _own_csv(Path(path))


def _qdpx(path: Path) -> Bundle:
    try:
        return import_qdpx(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise FormatError(f"{path.name}: not a readable .qdpx project: {exc}") from exc


def _own_csv(path: Path) -> Bundle:
    if path.is_dir():
        return _events_bundle(path / "events.csv", path.name)
    if zipfile.is_zipfile(path):
        return _zipped_events(path)
    return _events_bundle(path, path.stem)


def _events_bundle(events_csv: Path, where: str) -> Bundle:
    if not events_csv.is_file():
        raise FormatError(f"{where}: events.csv is missing")
    try:
        events = import_events_csv(events_csv)
    except FormatError as exc:
        raise FormatError(f"events.csv: {exc}") from exc
    bundle = Bundle(meta=MetaData(title=""), events=events)
    _check_dates_only(bundle)
    return bundle


def _check_dates_only(bundle: Bundle) -> None:
    """Integrity of the events themselves; their lanes may live in the library."""
    lanes = {e.lane for e in bundle.events}
    stand_ins = tuple(LaneData(key=k, name=k, color="#808080", position=0) for k in sorted(lanes))
    check_integrity(Bundle(meta=bundle.meta, lanes=stand_ins, events=bundle.events))


def _zipped_events(path: Path) -> Bundle:
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if Path(n).name == "events.csv"]
        if not names:
            raise FormatError(f"{path.name}: events.csv is missing from the zip")
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "events.csv"
            target.write_bytes(ZipBudget(archive, FormatError).read(names[0]))
            return _events_bundle(target, path.name)
