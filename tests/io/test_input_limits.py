"""Bombs and odd files: decompressed sizes and CSV rows are capped while streaming, pipes and
devices are refused before they are opened; each refusal is one readable error."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from desktop.core.exchange.formats import guess_import_format
from desktop.core.exchange.reading import read_import_file
from desktop.io import limits
from desktop.io.documents import read_document
from desktop.io.documents.errors import DocumentError, DocumentTooLargeError
from desktop.io.formats.errors import FormatError


def zip_of(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Caps small enough that a test file of a few MB exceeds them."""
    monkeypatch.setattr(limits.ZipBudget.__init__, "__defaults__", (2 * 2**20,))
    monkeypatch.setattr(limits, "MAX_CSV_ROWS", 1000)
    monkeypatch.setattr("desktop.io.formats.csv_text.MAX_CSV_ROWS", 1000)


def test_the_default_caps_are_what_the_docs_say() -> None:
    assert limits.MAX_FILE_BYTES == 50 * 2**20
    assert limits.MAX_EXPANDED_BYTES == 100 * 2**20
    assert limits.ZipBudget.__init__.__defaults__ == (limits.MAX_EXPANDED_BYTES,)


def test_a_csv_zip_bomb_is_refused_while_decompressing(tmp_path: Path, small_caps: None) -> None:
    header = b"key,title,start,lane\n"
    bomb = zip_of(tmp_path / "tables.zip", {"events.csv": header + b"\n" * (8 * 2**20)})
    assert bomb.stat().st_size < 100_000
    with pytest.raises(FormatError, match="expands to more than 2 MB"):
        read_import_file(bomb, "csv")


def test_a_real_size_csv_zip_bomb_stops_at_the_cap(tmp_path: Path) -> None:
    bomb = zip_of(tmp_path / "tables.zip", {"events.csv": b"key\n" + b"\n" * (150 * 2**20)})
    with pytest.raises(FormatError, match="expands to more than 100 MB"):
        read_import_file(bomb)


def test_a_qdpx_bomb_is_refused(tmp_path: Path, small_caps: None) -> None:
    qde = (
        b'<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0">'
        + b" " * (8 * 2**20)
        + b"</Project>"
    )
    bomb = zip_of(tmp_path / "p.qdpx", {"project.qde": qde})
    with pytest.raises(FormatError, match="expands to more than 2 MB"):
        read_import_file(bomb, "qdpx")


def test_a_docx_bomb_is_refused(tmp_path: Path, small_caps: None) -> None:
    bomb = zip_of(
        tmp_path / "bomb.docx",
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w>" + b"a" * (8 * 2**20)},
    )
    with pytest.raises(DocumentTooLargeError, match="expands to more than 2 MB"):
        read_document(bomb)


def test_a_flood_of_blank_csv_rows_is_refused(tmp_path: Path, small_caps: None) -> None:
    flood = tmp_path / "events.csv"
    flood.write_bytes(b"title,date\n" + b"\n" * 5000 + b"Late,2001\n")
    with pytest.raises(FormatError, match="more than 1000 rows"):
        read_import_file(flood, "events-csv")


def test_rows_below_the_cap_still_import(tmp_path: Path, small_caps: None) -> None:
    sheet = tmp_path / "events.csv"
    sheet.write_bytes(b"title,date\n" + b"\n" * 500 + b"Late,2001\n")
    assert [e.title for e in read_import_file(sheet, "events-csv").events] == ["Late"]


def test_document_text_above_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.io.documents.reader.MAX_TEXT_CHARS", 1000)
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(DocumentTooLargeError, match="characters of text"):
        read_document(big)


@pytest.mark.parametrize("name", ["pipe.txt", "pipe.csv", "pipe.json", "pipe.md"])
def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    with pytest.raises((FormatError, DocumentError), match=r"named pipe \(FIFO\)"):
        if name.endswith((".txt", ".md")):
            read_document(fifo)
        else:
            read_import_file(fifo)
    with pytest.raises(FormatError, match="named pipe"):
        guess_import_format(fifo)
    for fmt in ("events-csv", "json", "timelinejs-csv", "timelinejs-json", "qdpx"):
        with pytest.raises(FormatError, match="named pipe"):
            read_import_file(fifo, fmt)


def test_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="a device"):
        read_import_file("/dev/zero", "json")
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(DocumentError, match="a device"):
        read_document(link)


def test_zip_budget_counts_bytes_not_the_declared_sizes() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a", b"x" * 3000)
        archive.writestr("b", b"y" * 3000)
    with zipfile.ZipFile(buffer) as archive:
        budget = limits.ZipBudget(archive, ValueError, limit=5000)
        assert budget.read("a") == b"x" * 3000
        with pytest.raises(ValueError, match="expands to more than"):
            budget.read("b")
