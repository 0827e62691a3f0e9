"""``read_document``: one entry point that picks a reader by file extension."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from desktop.io.bidi import strip_bidi
from desktop.io.documents.cleaning import detect_language, load_language_model
from desktop.io.documents.containers import read_docx, read_pdf
from desktop.io.documents.decoding import mixed_encoding_warning
from desktop.io.documents.errors import (
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    UnsupportedFormatError,
)
from desktop.io.documents.model import DocumentMetadata, Found, ReadDocument
from desktop.io.documents.text_formats import (
    load_html_reader,
    read_html,
    read_markdown,
    read_plain,
    read_xml,
)
from desktop.io.documents.text_header import text_metadata
from desktop.io.limits import MAX_TEXT_CHARS, check_regular_file

MAX_BYTES = 50 * 2**20
type _Reader = Callable[[bytes], tuple[str, DocumentMetadata, str | None]]

_TEXT_READERS: dict[str, tuple[str, _Reader]] = {
    ".txt": ("txt", read_plain),
    ".text": ("txt", read_plain),
    ".md": ("md", read_markdown),
    ".markdown": ("md", read_markdown),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".xhtml": ("html", read_html),
    ".xml": ("xml", read_xml),
    ".rss": ("xml", read_xml),
    ".docx": ("docx", lambda data: (*read_docx(data), None)),
    ".pdf": ("pdf", lambda data: (*read_pdf(data), None)),
}
SUPPORTED_EXTENSIONS = tuple(sorted(_TEXT_READERS))
_LINE_ENDS = re.compile(r"\r\n?|\u2028|\u2029|\x85")


def documents_in(paths: Iterable[Path], *, recursive: bool) -> list[Path]:
    """Files as given when their extension is one we read; folders replaced by the documents
    in them (and in their subfolders when ``recursive``), in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            walk = path.rglob("*") if recursive else path.glob("*")
            found += sorted(p for p in walk if p.is_file() and _readable(p))
        elif path.is_file() and _readable(path):
            found.append(path)
    return found


def _readable(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_EXTENSIONS


def load_readers() -> None:
    """Load now what reading documents loads at first use (the language model, the web page
    reader): a process forked afterwards has it without loading it again."""
    load_language_model()
    load_html_reader()


def read_document(path: Path, *, max_bytes: int = MAX_BYTES) -> ReadDocument:
    """Read ``path`` into a :class:`ReadDocument`.

    Raises a :class:`DocumentError` subclass, with a message fit to show the user, for an
    unknown extension, an unreadable, empty or too large file, bytes that are not text, and
    a damaged or password-protected container. Never raises anything else for bad content.
    """
    kind, reader = _reader_for(path)
    data = _read_bytes(path, max_bytes)
    return document_from_bytes(data, path.name, kind, reader)


def read_document_bytes(data: bytes, file_name: str) -> ReadDocument:
    """Like :func:`read_document` for bytes already in memory (the name picks the reader)."""
    kind, reader = _reader_for(Path(file_name))
    return document_from_bytes(data, file_name, kind, reader)


def document_from_bytes(data: bytes, file_name: str, kind: str, reader: _Reader) -> ReadDocument:
    """Run ``reader`` on ``data`` and normalise the result (see :func:`normalise_text`)."""
    if not data.strip():
        raise EmptyDocumentError(f"{file_name} is empty.")
    raw, metadata, encoding = reader(data)
    if len(raw) > MAX_TEXT_CHARS:
        raise DocumentTooLargeError(
            f"{file_name} holds {len(raw) / 1e6:.0f} million characters of text; "
            f"the limit is {MAX_TEXT_CHARS // 1_000_000} million."
        )
    text = normalise_text(raw)
    if not text.strip():
        raise EmptyDocumentError(f"{file_name} contains no text.")
    if kind in ("docx", "pdf"):
        metadata = _filled_from(metadata, text_metadata(text))
    if metadata.language is None:
        language = detect_language(text)
        if language is not None:
            metadata = replace(metadata, language=Found(language, "detected from the text"))
    metadata = _without_bidi(metadata)
    title = metadata.title.value if metadata.title else strip_bidi(Path(file_name).stem)
    return ReadDocument(
        text=text,
        title=title,
        metadata=metadata,
        file_name=file_name,
        file_sha256=hashlib.sha256(data).hexdigest(),
        content_hash=content_hash(text),
        format=kind,
        encoding=encoding,
        warnings=tuple(w for w in (mixed_encoding_warning(data, encoding),) if w),
    )


def _without_bidi(metadata: DocumentMetadata) -> DocumentMetadata:
    """Title, outlet and authors without bidirectional controls (see ``desktop.io.bidi``)."""
    changes: dict[str, object] = {}
    for name in ("title", "outlet"):
        found = getattr(metadata, name)
        if found is not None:
            changes[name] = Found(strip_bidi(found.value), found.origin)
    if metadata.authors is not None:
        authors = tuple(strip_bidi(a) for a in metadata.authors.value)
        changes["authors"] = Found(authors, metadata.authors.origin)
    return replace(metadata, **changes)  # type: ignore[arg-type]


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no byte-order mark; nothing else changes."""
    return unicodedata.normalize("NFC", _LINE_ENDS.sub("\n", text.lstrip("\ufeff")))


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _filled_from(first: DocumentMetadata, second: DocumentMetadata) -> DocumentMetadata:
    """``first`` with its missing fields taken from ``second``."""
    return DocumentMetadata(
        **{
            name: getattr(first, name) or getattr(second, name)
            for name in DocumentMetadata.__dataclass_fields__
        }
    )


def _reader_for(path: Path) -> tuple[str, _Reader]:
    found = _TEXT_READERS.get(path.suffix.lower())
    if found is None:
        shown = path.suffix or "(none)"
        raise UnsupportedFormatError(
            f"Cannot read {path.name}: the extension {shown} is not one of "
            + ", ".join(SUPPORTED_EXTENSIONS)
            + "."
        )
    return found


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = check_regular_file(path, DocumentError)  # a FIFO would block the open below
        if size > max_bytes:
            raise DocumentTooLargeError(
                f"{path.name} is {size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB."
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(f"Cannot open {path.name}: {exc.strerror or exc}.") from None
    if len(data) > max_bytes:
        raise DocumentTooLargeError(f"{path.name} is larger than {max_bytes / 2**20:.0f} MB.")
    return data
