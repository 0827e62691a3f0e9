"""Reading CSV text the way spreadsheets write it: any common encoding and delimiter."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from charset_normalizer import from_bytes

from desktop.io.formats.errors import FormatError

__all__ = ["CsvRows", "join_list", "read_csv_rows", "split_list"]

LIST_SEPARATOR = "; "


def join_list(items: tuple[str, ...]) -> str:
    """A list in one cell: items joined by "; " (items must not contain ";")."""
    return LIST_SEPARATOR.join(items)


def split_list(cell: str) -> tuple[str, ...]:
    """The items of a cell written by ``join_list``; blanks are dropped."""
    return tuple(item.strip() for item in cell.split(";") if item.strip())


def _decode(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise FormatError(f"{origin}: cannot tell the text encoding") from None
        return str(best)


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


CsvRows = list[tuple[int, dict[str, str]]]


def read_csv_rows(path: str | os.PathLike[str]) -> tuple[list[str], CsvRows]:
    """(headers, [(row number, {header: cell})]) of a CSV file; blank rows are left out.

    Row numbers count the header as row 1, as a spreadsheet shows them. Raises ``FormatError``
    for unreadable files, an empty file or broken quoting.
    """
    origin = str(path)
    try:
        text = _decode(Path(path).read_bytes(), origin)
    except OSError as exc:
        raise FormatError(f"cannot read {origin}: {exc}") from exc
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text[:4096]))
    try:
        records = list(reader)
    except csv.Error as exc:
        raise FormatError(f"{origin}: row {reader.line_num}: broken CSV: {exc}") from exc
    if not records:
        raise FormatError(f"{origin}: the file is empty (no header row)")
    headers = [name.strip() for name in records[0]]
    rows: CsvRows = []
    for number, record in enumerate(records[1:], start=2):
        if any(cell.strip() for cell in record):
            cells = record + [""] * (len(headers) - len(record))
            rows.append((number, dict(zip(headers, cells, strict=False))))
    return headers, rows
