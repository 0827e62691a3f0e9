"""Reading documents (txt, md, html, xml, docx, pdf) into normalised text with metadata.

Pure Python, no Qt. Everything that can go wrong with a file's content surfaces as a
:class:`DocumentError` subclass whose message can be shown to the user as is.
"""

from desktop.io.documents.decoding import decode_text
from desktop.io.documents.errors import (
    BinaryDocumentError,
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UndecodableDocumentError,
    UnsupportedFormatError,
)
from desktop.io.documents.model import DocumentMetadata, Found, ReadDocument
from desktop.io.documents.reader import (
    SUPPORTED_EXTENSIONS,
    content_hash,
    documents_in,
    load_readers,
    normalise_text,
    read_document,
    read_document_bytes,
)

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "BinaryDocumentError",
    "CorruptDocumentError",
    "DocumentError",
    "DocumentMetadata",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "Found",
    "ReadDocument",
    "UndecodableDocumentError",
    "UnsupportedFormatError",
    "content_hash",
    "documents_in",
    "decode_text",
    "load_readers",
    "normalise_text",
    "read_document",
    "read_document_bytes",
]
