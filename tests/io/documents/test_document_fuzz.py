"""Property: any bytes or text given to any reader give a ReadDocument or a DocumentError."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.io.documents import (
    SUPPORTED_EXTENSIONS,
    DocumentError,
    ReadDocument,
    read_document,
    read_document_bytes,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcome(data: bytes, name: str) -> ReadDocument | DocumentError:
    try:
        return read_document_bytes(data, name)
    except DocumentError as error:
        assert error.reason and "Traceback" not in error.reason
        return error


@_SETTINGS
@given(data=st.binary(max_size=2048), extension=st.sampled_from(SUPPORTED_EXTENSIONS))
def test_random_bytes(data: bytes, extension: str) -> None:
    result = _outcome(data, "random" + extension)
    if isinstance(result, ReadDocument):
        assert result.text.strip() and "\r" not in result.text


@_SETTINGS
@given(text=st.text(max_size=500), extension=st.sampled_from(SUPPORTED_EXTENSIONS))
def test_random_text(text: str, extension: str) -> None:
    _outcome(text.encode("utf-8"), "random" + extension)


@_SETTINGS
@given(
    name=st.sampled_from(["article.docx", "article.pdf"]),
    cut=st.floats(min_value=0.0, max_value=1.0),
    flips=st.lists(st.integers(min_value=0, max_value=10**6), max_size=8),
)
def test_damaged_containers(name: str, cut: float, flips: list[int]) -> None:
    original = bytearray((FIXTURES / name).read_bytes())
    for position in flips:
        original[position % len(original)] ^= 0xFF
    _outcome(bytes(original[: max(1, int(len(original) * cut))]), name)


def test_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    result = _outcome(buffer.getvalue(), "fake.docx")
    assert isinstance(result, DocumentError)


@settings(max_examples=20, deadline=None)
@given(text=st.text(min_size=1, max_size=200))
def test_read_document_from_disk_agrees_with_bytes(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "note.txt"
        path.write_bytes(text.encode("utf-8"))
        try:
            from_disk: ReadDocument | str = read_document(path)
        except DocumentError as error:
            from_disk = type(error).__name__
        from_bytes = _outcome(text.encode("utf-8"), "note.txt")
        if isinstance(from_disk, ReadDocument):
            assert isinstance(from_bytes, ReadDocument)
            assert from_disk.text == from_bytes.text
        else:
            assert type(from_bytes).__name__ == from_disk
