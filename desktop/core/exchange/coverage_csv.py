"""The coverage matrix (events x sources) as a CSV table for spreadsheets.

Columns: ``event_key``, ``event``, ``when``, then per source (by publication date) two columns:
``<source key>: passages`` (how many of its passages speak of the event; empty when silent) and
``<source key>: frame`` (the leading issue frame's name, or empty). Rows by event start.
A second header-like row is not used: source titles and outlets are in the column order of
``CoverageMatrix.sources``, and the keys in the headers identify them.
"""

from __future__ import annotations

import csv
import io
import os

from desktop.core.compare.model import CoverageMatrix
from desktop.io.formats.atomic import write_text_atomic

__all__ = ["coverage_csv_text", "write_coverage_csv"]


def coverage_csv_text(matrix: CoverageMatrix) -> str:
    """The CSV text (RFC 4180, CRLF line ends, UTF-8 when written)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    header = ["event_key", "event", "when"]
    for source in matrix.sources:
        header += [f"{source.key}: passages", f"{source.key}: frame"]
    writer.writerow(header)
    for row in matrix.rows:
        cells: list[str] = [row.event_key, row.event_title, row.when]
        for cell in row.cells:
            if cell is None:
                cells += ["", ""]
            else:
                cells += [str(cell.count), cell.dominant.name if cell.dominant else ""]
        writer.writerow(cells)
    return buffer.getvalue()


def write_coverage_csv(matrix: CoverageMatrix, path: str | os.PathLike[str]) -> None:
    """Write ``coverage_csv_text(matrix)`` to ``path`` atomically."""
    write_text_atomic(path, coverage_csv_text(matrix))
