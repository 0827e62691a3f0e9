"""Readers for binary containers: Word .docx (python-docx) and PDF text layers (pypdf).

Each returns ``(text, metadata)``. The parsers raise many kinds of exception on damaged input
(zip, XML, PDF syntax, decompression errors), so every failure inside them is reported as
:class:`CorruptDocumentError` with the underlying message.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.io.documents.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
)
from desktop.io.documents.model import DocumentMetadata, Found
from desktop.io.limits import MAX_TEXT_CHARS, ZipBudget

type ContainerResult = tuple[str, DocumentMetadata]


@contextmanager
def _reported_as_corrupt(kind: str) -> Iterator[None]:
    try:
        yield
    except (EmptyDocumentError, EncryptedDocumentError, DocumentTooLargeError):
        raise
    except Exception as exc:
        detail = str(exc).strip() or type(exc).__name__
        raise CorruptDocumentError(f"The {kind} file is damaged or truncated ({detail}).") from None


def read_docx(data: bytes) -> ContainerResult:
    """Paragraph text of a Word document, one paragraph per line, then table cells."""
    import docx

    with _reported_as_corrupt("Word"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:  # python-docx reads every part
            ZipBudget(archive, _too_large).check_all()
        document = docx.Document(io.BytesIO(data))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append("\t".join(cell.text for cell in row.cells))
        props = document.core_properties
        title, author = props.title, props.author
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise EmptyDocumentError("The Word document contains no text.")
    return text, _container_metadata(title, author, "docx core properties")


def read_pdf(data: bytes) -> ContainerResult:
    """The text layer of a PDF, pages separated by a blank line.

    Raises :class:`EncryptedDocumentError` for a password-protected file and
    :class:`EmptyDocumentError` for one without a text layer (a scan).
    """
    from pypdf import PdfReader

    with _quiet_pypdf(), _reported_as_corrupt("PDF"):
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise EncryptedDocumentError("The PDF is password-protected; save an open copy first.")
        pages = _page_texts(reader)
        info: Any = reader.metadata
        title = info.title if info is not None else None
        author = info.author if info is not None else None
    text = "\n\n".join(page.strip("\n") for page in pages).strip("\n")
    if not text.strip():
        raise EmptyDocumentError("The PDF has no text layer (is it a scan?).")
    return text, _container_metadata(title, author, "pdf info")


def _too_large(reason: str) -> DocumentTooLargeError:
    return DocumentTooLargeError(f"The Word file is too large: {reason}")


def _page_texts(reader: Any) -> list[str]:
    """The text of each page, stopping with an error once the text passes the limit."""
    pages: list[str] = []
    total = 0
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        total += len(pages[-1])
        if total > MAX_TEXT_CHARS:
            raise DocumentTooLargeError(
                f"The PDF holds more than {MAX_TEXT_CHARS // 1_000_000} million characters of "
                "text, the import limit."
            )
    return pages


def _opens_without_password(reader: Any) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs a warning for every oddity of a damaged file; we report one error instead."""
    logger = logging.getLogger("pypdf")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _container_metadata(title: object, author: object, origin: str) -> DocumentMetadata:
    clean_title = title.strip() if isinstance(title, str) else ""
    clean_author = author.strip() if isinstance(author, str) else ""
    return DocumentMetadata(
        title=Found(clean_title, f"{origin} title") if clean_title else None,
        authors=Found((clean_author,), f"{origin} author") if clean_author else None,
    )
