"""Values returned by the document readers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Found[T]:
    """A metadata value together with where it was found (e.g. ``"html meta og:title"``)."""

    value: T
    origin: str


@dataclass(frozen=True)
class DocumentMetadata:
    """Metadata proposed from a document; every field is optional and says where it came from.

    ``published`` is an EDTF string at the precision the document states (``2025-03`` for a
    "March 2025" line, never pinned to a day). ``language`` is a BCP 47 tag when known.
    """

    title: Found[str] | None = None
    authors: Found[tuple[str, ...]] | None = None
    published: Found[str] | None = None
    outlet: Found[str] | None = None
    url: Found[str] | None = None
    language: Found[str] | None = None


@dataclass(frozen=True)
class ReadDocument:
    """The text of one document as the application stores and anchors it.

    ``text`` is NFC with LF line ends; passage offsets are code-point offsets into it.
    ``file_sha256`` is the digest of the original bytes, ``content_hash`` the digest of ``text``
    (UTF-8), so a re-saved file with the same text is recognised. ``format`` is the reader used
    (``txt``, ``md``, ``html``, ``xml``, ``docx``, ``pdf``); ``encoding`` is the detected or
    declared text encoding, or ``None`` for binary containers.
    """

    text: str
    title: str
    metadata: DocumentMetadata
    file_name: str
    file_sha256: str
    content_hash: str
    format: str
    encoding: str | None
    # Doubts about how the text was read (e.g. mixed encodings), one sentence each.
    warnings: tuple[str, ...] = ()
