"""Reading CSV text the way spreadsheets write it: any common encoding and delimiter."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.io.documents.decoding import decode_text
from desktop.io.documents.errors import DocumentError
from desktop.io.formats.errors import FormatError
from desktop.io.limits import MAX_CSV_ROWS, read_regular_file

__all__ = [
    "CsvRows",
    "CsvSheet",
    "decode_import_text",
    "join_list",
    "read_csv_rows",
    "read_csv_sheet",
    "split_list",
]

LIST_SEPARATOR = "; "


def join_list(items: tuple[str, ...]) -> str:
    """A list in one cell: items joined by "; " (items must not contain ";")."""
    return LIST_SEPARATOR.join(items)


def split_list(cell: str) -> tuple[str, ...]:
    """The items of a cell written by ``join_list``; blanks are dropped."""
    return tuple(item.strip() for item in cell.split(";") if item.strip())


def decode_import_text(data: bytes, origin: str) -> tuple[str, str]:
    """The text and encoding of a sheet, found as for documents (BOM, UTF-8, then detection
    among the encodings of the region)."""
    try:
        return decode_text(data)
    except DocumentError as exc:
        raise FormatError(f"{origin}: {exc.reason}") from None


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


CsvRows = list[tuple[int, dict[str, str]]]
_UTF8 = ("utf-8", "utf_8", "utf-8-sig", "ascii")


@dataclass(frozen=True, slots=True)
class CsvSheet:
    """A CSV file read: header names, the non-blank rows with their numbers, the encoding."""

    headers: list[str]
    rows: CsvRows
    encoding: str

    def notices(self) -> tuple[str, ...]:
        """What the import's result line should say about how the file was read."""
        if self.encoding.lower() in _UTF8:
            return ()
        return (f"read as {self.encoding} (not UTF-8)",)


def read_csv_rows(path: str | os.PathLike[str]) -> tuple[list[str], CsvRows]:
    """(headers, [(row number, {header: cell})]) of a CSV file; see ``read_csv_sheet``."""
    sheet = read_csv_sheet(path)
    return sheet.headers, sheet.rows


def read_csv_sheet(path: str | os.PathLike[str], *, sniff: bool = True) -> CsvSheet:
    """The header, rows and encoding of a CSV file; blank rows are left out.

    Row numbers count the header as row 1, as a spreadsheet shows them. Raises ``FormatError``
    for unreadable files, an empty file, broken quoting, too many rows, and a row with more
    cells than the header has columns (an unquoted delimiter inside a cell would otherwise
    shift the rest of the row into the wrong columns). ``sniff=False`` reads plain commas.
    """
    origin = str(path)
    try:
        text, encoding = decode_import_text(read_regular_file(path, FormatError), origin)
    except OSError as exc:
        raise FormatError(f"cannot read {origin}: {exc}") from exc
    records = _records(text, origin, _dialect(text[:4096]) if sniff else csv.excel)
    try:
        header = next(records)
    except StopIteration:
        raise FormatError(f"{origin}: the file is empty (no header row)") from None
    headers = [name.strip() for name in header]
    rows: CsvRows = []
    for number, record in enumerate(records, start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(headers) and any(cell.strip() for cell in record[len(headers) :]):
            raise FormatError(
                f"row {number}: {len(record)} cells but the header row has {len(headers)} "
                "columns; a cell that contains the delimiter must be quoted"
            )
        cells = record + [""] * (len(headers) - len(record))
        rows.append((number, dict(zip(headers, cells, strict=False))))
    return CsvSheet(headers, rows, encoding)


def _records(
    text: str, origin: str, dialect: type[csv.Dialect] | csv.Dialect
) -> Iterator[list[str]]:
    """The rows of ``text`` one at a time; ``FormatError`` past ``MAX_CSV_ROWS`` rows (blank
    rows count) or on broken quoting."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for record in reader:
            if reader.line_num > MAX_CSV_ROWS:
                raise FormatError(
                    f"{origin}: more than {MAX_CSV_ROWS} rows (blank ones included); split the file"
                )
            yield record
    except csv.Error as exc:
        raise FormatError(f"{origin}: row {reader.line_num}: broken CSV: {exc}") from exc
