"""Reading each supported format into normalised text, and the errors bad files give."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest

from desktop.io.documents import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsupportedFormatError,
    read_document,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
WAR_SENTENCE = "The Russo-Georgian war began on 7 August 2008 and ended five days later."


def test_plain_text_normalises_line_ends_bom_and_nfc(tmp_path: Path) -> None:
    raw = "\ufeffCafe\u0301 line one\r\nline two\rline three\r\n".encode()
    path = tmp_path / "note.txt"
    path.write_bytes(raw)
    document = read_document(path)
    assert document.text == "Café line one\nline two\nline three\n"
    assert unicodedata.is_normalized("NFC", document.text)
    assert document.file_sha256 == hashlib.sha256(raw).hexdigest()
    assert document.content_hash == hashlib.sha256(document.text.encode()).hexdigest()
    assert (document.format, document.encoding, document.file_name) == (
        "txt",
        "utf-8-sig",
        "note.txt",
    )


def test_same_text_in_another_encoding_has_same_content_hash(tmp_path: Path) -> None:
    text = "Война в Южной Осетии началась в августе 2008 года.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(text.encode("cp1251"))
    first, second = read_document(tmp_path / "a.txt"), read_document(tmp_path / "b.txt")
    assert first.text == second.text == text
    assert first.content_hash == second.content_hash
    assert first.file_sha256 != second.file_sha256


def test_markdown_keeps_markup_and_takes_title_from_heading(tmp_path: Path) -> None:
    source = "Intro line.\n\n# The August War\n\nSome *emphasis* and a [link](#).\n"
    path = tmp_path / "essay.md"
    path.write_text(source, encoding="utf-8")
    document = read_document(path)
    assert document.text == source
    assert document.title == "The August War"
    assert document.metadata.title is not None
    assert document.metadata.title.origin == "markdown heading, line 3"


def test_docx_paragraphs_and_core_properties() -> None:
    document = read_document(FIXTURES / "article.docx")
    assert document.format == "docx"
    assert document.text.split("\n")[2] == WAR_SENTENCE
    assert document.title == "Georgia after the August war"
    assert document.metadata.authors is not None
    assert document.metadata.authors.value == ("Nino Beridze",)


def test_pdf_text_layer_and_info() -> None:
    document = read_document(FIXTURES / "article.pdf")
    assert document.format == "pdf"
    assert WAR_SENTENCE in document.text
    assert document.text.startswith("Georgia after the August war")
    assert document.metadata.authors is not None
    assert document.metadata.authors.origin == "pdf info author"


@pytest.mark.parametrize(
    ("name", "error", "words"),
    [
        ("article_encrypted.pdf", EncryptedDocumentError, "password"),
        ("article_truncated.pdf", CorruptDocumentError, "damaged or truncated"),
        ("article_truncated.docx", CorruptDocumentError, "damaged or truncated"),
        ("no_text_layer.pdf", EmptyDocumentError, "no text layer"),
    ],
)
def test_damaged_or_locked_containers_give_clear_errors(
    name: str, error: type[DocumentError], words: str
) -> None:
    with pytest.raises(error) as caught:
        read_document(FIXTURES / name)
    assert words in caught.value.reason


def test_docx_bytes_under_a_pdf_name_are_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "renamed.pdf"
    path.write_bytes((FIXTURES / "article.docx").read_bytes())
    with pytest.raises(CorruptDocumentError):
        read_document(path)


@pytest.mark.parametrize(
    ("content", "error"),
    [(b"", EmptyDocumentError), (b"  \n\t\n", EmptyDocumentError)],
)
def test_empty_files(tmp_path: Path, content: bytes, error: type[DocumentError]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(error, match="empty"):
        read_document(path)


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnsupportedFormatError, match=r"\.xlsx is not one of"):
        read_document(path)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    with pytest.raises(DocumentTooLargeError, match="limit"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=2000).text.startswith("word word")


def test_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="Cannot open gone.txt"):
        read_document(tmp_path / "gone.txt")
