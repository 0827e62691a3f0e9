"""Reasons a document cannot be read, each with a message a researcher can act on."""

from __future__ import annotations


class DocumentError(Exception):
    """A document could not be read; ``reason`` is a short human message (no traceback needed).

    Every failure of :func:`desktop.io.documents.read_document` on bad input is a subclass of
    this, so a caller catches one type and shows ``str(error)``.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class EmptyDocumentError(DocumentError):
    """The file holds no bytes, or no readable text once decoded."""


class BinaryDocumentError(DocumentError):
    """The bytes are not text (NUL bytes or mostly control characters)."""


class UndecodableDocumentError(DocumentError):
    """No text encoding fits the bytes."""


class CorruptDocumentError(DocumentError):
    """A .docx or .pdf container is truncated or damaged."""


class EncryptedDocumentError(DocumentError):
    """The document is password-protected."""


class DocumentTooLargeError(DocumentError):
    """The file is larger than the limit the caller allows."""


class UnsupportedFormatError(DocumentError):
    """The file name extension is not one we read."""
