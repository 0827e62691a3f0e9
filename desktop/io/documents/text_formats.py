"""Readers for text formats: plain text, Markdown, HTML and XML.

Each takes the original bytes and returns ``(text, metadata, encoding)``; the text is not yet
normalised (the caller does that once for every format).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from desktop.io.documents.cleaning import repair
from desktop.io.documents.decoding import declared_encoding, decode_text
from desktop.io.documents.errors import CorruptDocumentError, EmptyDocumentError
from desktop.io.documents.html_meta import html_metadata
from desktop.io.documents.model import DocumentMetadata, Found
from desktop.io.documents.text_header import text_metadata

type TextResult = tuple[str, DocumentMetadata, str]

_ATX_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_XML_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_plain(data: bytes) -> TextResult:
    """Plain text, kept as written; metadata from its header block."""
    text, encoding = decode_text(data)
    text = repair(text)
    return text, text_metadata(text), encoding


def read_markdown(data: bytes) -> TextResult:
    """Markdown kept as written (markup included, so offsets match the file); the title is
    the first level-one heading if there is one, else as for plain text."""
    text, encoding = decode_text(data)
    text = repair(text)
    metadata = text_metadata(text)
    heading = _ATX_HEADING.search(text)
    if heading is not None:
        line = text.count("\n", 0, heading.start()) + 1
        title = Found(heading.group(1), f"markdown heading, line {line}")
        metadata = DocumentMetadata(
            title=title,
            authors=metadata.authors,
            published=metadata.published,
            outlet=metadata.outlet,
        )
    return text, metadata, encoding


def read_html(data: bytes) -> TextResult:
    """The main article text of a web page, without navigation, scripts and boilerplate.

    Raises :class:`EmptyDocumentError` when the page has no article text to extract.
    """
    import trafilatura  # heavy (lxml, justext); loaded only when a web page is read
    from trafilatura.deduplication import LRU_TEST

    html, encoding = decode_text(data, declared_encoding(data))
    metadata = html_metadata(html)
    # trafilatura's de-duplication remembers paragraphs across calls: from the fourth page
    # sharing them (the same page again, one outlet's boilerplate) the article would be dropped
    LRU_TEST.clear()
    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, favor_precision=True, deduplicate=True
    )
    if not text or not text.strip():
        text = trafilatura.html2txt(html) or ""
    if not text.strip():
        raise EmptyDocumentError("The web page contains no article text.")
    return text, metadata, encoding


def load_html_reader() -> None:
    """Import the web page reader now rather than at the first page (lxml, trafilatura), so a
    process forked from this one starts with it."""
    import trafilatura  # noqa: F401


def read_xml(data: bytes) -> TextResult:
    """The text content of an XML file (e.g. an RSS feed), one element's text per line.

    The encoding declared in the prolog is honoured. Raises :class:`CorruptDocumentError` for
    XML that is not well formed.
    """
    source, encoding = decode_text(data, declared_encoding(data))
    try:
        root = ET.fromstring(_XML_PROLOG.sub("", source, count=1))
    except (ET.ParseError, ValueError) as exc:
        raise CorruptDocumentError(f"The XML is not well formed ({exc}).") from None
    lines = [" ".join(t.split()) for t in root.itertext()]
    text = "\n".join(line for line in lines if line)
    if not text:
        raise EmptyDocumentError("The XML file contains no text.")
    return text, _xml_metadata(root), encoding


def _xml_metadata(root: ET.Element) -> DocumentMetadata:
    title = root.findtext("./channel/title") or root.findtext("./title")
    language = root.findtext("./channel/language")
    return DocumentMetadata(
        title=Found(title.strip(), "xml title") if title and title.strip() else None,
        language=Found(language.strip(), "xml language") if language and language.strip() else None,
    )
