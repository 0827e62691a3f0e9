"""Encodings: BOMs, declared encodings, detection of Cyrillic and Western code pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.io.documents import (
    BinaryDocumentError,
    decode_text,
    read_document,
)
from tests.support import shared_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
RUSSIAN = "Съешь же ещё этих мягких французских булок, да выпей чаю. Широкая электрификация."
WESTERN = "Café déjà vu, naïve façade — “quoted” text about the élite’s rôle in 2008."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "utf-8"),
        (RUSSIAN, "utf-8-sig"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8_r"),
        (WESTERN, "cp1252"),
        (WESTERN, "utf-16"),
    ],
)
def test_detects_common_encodings(text: str, encoding: str) -> None:
    decoded, found = decode_text(text.encode(encoding))
    assert decoded.lstrip("\ufeff") == text
    assert found == encoding


def test_fixture_files_in_legacy_encodings() -> None:
    koi8 = read_document(FIXTURES / "koi8r.txt")
    assert koi8.encoding == "koi8_r"
    assert koi8.text.startswith("Война в Южной Осетии")
    western = read_document(FIXTURES / "cp1252.txt")
    assert western.encoding == "cp1252"
    assert "“élite” rôle in Zürich" in western.text
    bom = read_document(FIXTURES / "utf8_bom.txt")
    assert bom.encoding == "utf-8-sig"
    assert "\r" not in bom.text and not bom.text.startswith("\ufeff")


def test_real_cp1251_plain_text_without_declaration() -> None:
    document = read_document(shared_path("realdata", "04_ude_1_plain_cp1251.txt"))
    assert document.encoding == "cp1251"
    assert document.text.startswith("В гимназии он не был в числе первых учеников")
    assert "Альберта Эйнштейна" in document.text


def test_real_cp1251_feed_honours_the_prolog() -> None:
    document = read_document(shared_path("realdata", "02_newsru_com_rss_2006-01_cp1251.xml"))
    assert (document.format, document.encoding) == ("xml", "cp1251")
    assert "Новости" in document.text
    assert document.title == "NEWSru.com"
    assert document.metadata.language is not None
    assert document.metadata.language.value == "ru"


def test_declared_encoding_wins_over_detection(tmp_path: Path) -> None:
    # These bytes are valid UTF-8 too; the declaration says they are windows-1252.
    body = "Ã©tÃ© in MÃ¼nchen"
    data = f'<?xml version="1.0" encoding="windows-1252"?><doc>{body}</doc>'.encode("cp1252")
    path = tmp_path / "feed.xml"
    path.write_bytes(data)
    assert read_document(path).text == body
    assert read_document(path).encoding == "cp1252"


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BinaryDocumentError, match="not a text document"):
        read_document(path)


def test_control_characters_are_binary() -> None:
    with pytest.raises(BinaryDocumentError, match="does not look like text"):
        decode_text(bytes(range(1, 9)) * 20)
