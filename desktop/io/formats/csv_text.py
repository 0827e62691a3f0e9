"""Reading CSV text the way spreadsheets write it: any common encoding and delimiter."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator

from charset_normalizer import from_bytes

from desktop.io.formats.errors import FormatError
from desktop.io.limits import MAX_CSV_ROWS, read_regular_file

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
        text = _decode(read_regular_file(path, FormatError), origin)
    except OSError as exc:
        raise FormatError(f"cannot read {origin}: {exc}") from exc
    records = _records(text, origin)
    try:
        header = next(records)
    except StopIteration:
        raise FormatError(f"{origin}: the file is empty (no header row)") from None
    headers = [name.strip() for name in header]
    rows: CsvRows = []
    for number, record in enumerate(records, start=2):
        if any(cell.strip() for cell in record):
            cells = record + [""] * (len(headers) - len(record))
            rows.append((number, dict(zip(headers, cells, strict=False))))
    return headers, rows


def _records(text: str, origin: str) -> Iterator[list[str]]:
    """The rows of ``text`` one at a time; ``FormatError`` past ``MAX_CSV_ROWS`` rows (blank
    rows count) or on broken quoting."""
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text[:4096]))
    try:
        for record in reader:
            if reader.line_num > MAX_CSV_ROWS:
                raise FormatError(
                    f"{origin}: more than {MAX_CSV_ROWS} rows (blank ones included); "
                    "split the file"
                )
            yield record
    except csv.Error as exc:
        raise FormatError(f"{origin}: row {reader.line_num}: broken CSV: {exc}") from exc
