"""Export the whole library in a data format, read in one unit of work (a consistent state).

``csv`` writes events.csv, passages.csv and codings.csv into a folder (created if new; its
parent folder must exist, as for every export), or,
when the target ends in ``.zip``, into one zip holding the three. Every file is written through a
temporary file in the target folder and ``os.replace``, so a failed write leaves no half-written
file. Write failures are ``OSError``; an unsound library is ``FormatError``.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from db.library import Library
from desktop.core.compare.from_library import coverage_in_library
from desktop.core.exchange.coverage_csv import write_coverage_csv
from desktop.core.exchange.formats import EXPORT_FORMATS
from desktop.core.exchange.library_export import bundle_from_library
from desktop.io.formats.atomic import atomic_path, check_folder
from desktop.io.formats.bundle import Bundle
from desktop.io.formats.csv_tables import export_csv_tables
from desktop.io.formats.errors import FormatError
from desktop.io.formats.library_json import write_library_json
from desktop.io.formats.qdpx import export_qdpx
from desktop.io.formats.timelinejs import export_timelinejs_csv, export_timelinejs_json

__all__ = ["ExportOutcome", "export_bundle", "export_library"]


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """The files written and how many events and sources they describe."""

    format: str
    paths: tuple[Path, ...]
    events: int
    sources: int

    def summary(self) -> str:
        where = ", ".join(str(p) for p in self.paths)
        return f"Wrote {self.events} events and {self.sources} sources as {self.format}: {where}"


def _zip_tables(bundle: Bundle, target: Path) -> tuple[Path, ...]:
    with tempfile.TemporaryDirectory(dir=target.parent) as folder:
        written = export_csv_tables(bundle, folder)
        with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in written:
                zf.write(path, path.name)
    return (target,)


def _csv_tables(bundle: Bundle, target: Path) -> tuple[Path, ...]:
    if target.suffix.lower() == ".zip":
        return _zip_tables(bundle, target)
    if target.exists() and not target.is_dir():
        raise FormatError(f"{target} is a file; csv export writes a folder or a .zip")
    check_folder(target)  # like every export: the folder OUT may be new, its parent may not
    target.mkdir(exist_ok=True)
    return tuple(export_csv_tables(bundle, target))


def export_bundle(bundle: Bundle, path: str | os.PathLike[str], fmt: str) -> tuple[Path, ...]:
    """Write ``bundle`` to ``path`` in ``fmt`` (not ``coverage-csv``); returns the paths."""
    target = Path(path)
    if fmt == "csv":
        return _csv_tables(bundle, target)
    writers = {
        "json": write_library_json,
        "timelinejs-json": export_timelinejs_json,
        "timelinejs-csv": export_timelinejs_csv,
        "qdpx": export_qdpx,
    }
    if fmt not in writers:
        raise FormatError(f"unknown export format {fmt!r} (use {', '.join(EXPORT_FORMATS)})")
    writers[fmt](bundle, target)
    return (target,)


def export_library(library: Library, path: str | os.PathLike[str], fmt: str) -> ExportOutcome:
    """Export everything in ``library`` to ``path`` in ``fmt`` (any of ``EXPORT_FORMATS``).

    ``LibraryError`` if ``path`` is one of the library's own files."""
    library.refuse_output(path)
    if fmt == "coverage-csv":
        matrix = coverage_in_library(library)
        write_coverage_csv(matrix, path)
        return ExportOutcome(fmt, (Path(path),), len(matrix.rows), len(matrix.sources))
    with library.unit_of_work() as uow:
        bundle = bundle_from_library(uow)
    paths = export_bundle(bundle, path, fmt)
    return ExportOutcome(fmt, paths, len(bundle.events), len(bundle.sources))
