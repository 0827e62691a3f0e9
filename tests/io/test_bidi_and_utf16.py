"""UTF-16 without a byte-order mark is read, not refused as binary; bidirectional controls
(a right-to-left override that disguises "exe.txt") never reach titles, outlets or authors."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.exchange.reading import read_import_file
from desktop.io.bidi import BIDI_CONTROLS, strip_bidi
from desktop.io.documents import read_document
from desktop.io.documents.decoding import decode_text
from desktop.io.documents.errors import BinaryDocumentError

RLO = "\u202e"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text", ["A plain English note about the talks.", "Переговоры в Минске — итоги дня."]
)
def test_utf16_without_bom_is_decoded(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding)) == (text, encoding)


def test_binary_with_nul_bytes_is_still_refused() -> None:
    with pytest.raises(BinaryDocumentError):
        decode_text(bytes(range(256)) * 8)


def test_strip_bidi_removes_every_control() -> None:
    assert strip_bidi(f"a{BIDI_CONTROLS}b") == "ab"
    assert strip_bidi("שלום Kyiv") == "שלום Kyiv"


def test_document_metadata_loses_bidi_controls(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>{RLO}exe.txt report</title>"
        f'<meta name="author" content="Ann{RLO} Lee">'
        f'<meta property="og:site_name" content="{RLO}Daily"></head>'
        "<body><p>Talks resumed on 3 May 2024 in Minsk after a long pause.</p></body></html>",
        encoding="utf-8",
    )
    document = read_document(page)
    assert document.title == "exe.txt report"
    found = [document.metadata.outlet, document.metadata.authors]
    assert all(RLO not in str(item) for item in found)


def test_imported_event_titles_lose_bidi_controls(tmp_path: Path) -> None:
    sheet = tmp_path / "events.csv"
    sheet.write_text(f"title,date,group\n{RLO}exe.txt report,2001-05-02,{RLO}Lane\n", "utf-8")
    bundle = read_import_file(sheet, "events-csv")
    assert [e.title for e in bundle.events] == ["exe.txt report"]
    assert all(RLO not in lane.name for lane in bundle.lanes)


def test_mixed_encodings_are_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    legacy = "Сводка за день: переговоры продолжаются.\n".encode("cp1251") * 3
    path.write_bytes(legacy + "Вторая часть: текст в UTF-8.\n".encode())
    document = read_document(path)
    assert len(document.warnings) == 1 and "mixed text encodings" in document.warnings[0]
    clean = tmp_path / "clean.txt"
    clean.write_bytes(legacy)
    assert read_document(clean).warnings == ()


def test_the_import_line_carries_the_warning(tmp_path: Path) -> None:
    from db.library import open_library
    from desktop.core.importing import import_document

    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "Сводка за день: переговоры.\n".encode("cp1251") * 3 + "Часть в UTF-8.\n".encode()
    )
    library = open_library(str(tmp_path / "lib.sqlite"))
    try:
        outcome = import_document(library, path)
    finally:
        library.dispose()
    assert "mixed text encodings" in outcome.describe()
