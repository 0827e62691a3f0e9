"""Metadata from the first lines of a plain or Markdown text.

Articles saved as text often start with a short block such as::

    Taras Kuzio
    March 10, 2025
    EU Reporter

or a title line. Within the first few short lines, a line that is a date gives the publication
date (at its precision: "March 2025" is ``2025-03``), a name-like line before it gives the
authors, a line after it the outlet, and a first line that is neither gives the title.
"""

from __future__ import annotations

import re

from desktop.io.documents.labelled_header import LabelledHeader, header_date, labelled_header
from desktop.io.documents.model import DocumentMetadata, Found
from desktop.model.dates import DateParseError, DateSpan

_MAX_HEADER_LINES = 5
_MAX_LINE = 100
_BY = re.compile(r"^(?:by|written by|author:)\s+", re.IGNORECASE)
_DATE_LABEL = re.compile(
    r"^(?:last\s+)?(?:published|posted|date|updated|modified)(?:\s+on)?\s*:?\s*", re.IGNORECASE
)
# a clock time after the date ("18:40", "10:42 GMT", "3:05 p.m. EST", "09:15 +03:00")
_TIME = re.compile(
    r"[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,5}|[+-]\d{2}:?\d{2}))*\s*$",
    re.IGNORECASE,
)
# pieces of a dateline around its date: "Opinion | 15 December 2024", "Brussels, 14 December 2023"
_PIECES = re.compile(r"\s+[|·•—–]\s+|\s+-\s+")
_PLACE = re.compile(r"^[^\W\d_][\w'’.\- ]{0,40},\s*")
_NAME_WORD = r"[^\W\d_][\w'’.\-]*"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}$")
_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "der", "di", "du", "ibn", "la", "le", "van", "von"}
)
_SPLIT_AUTHORS = re.compile(r"\s*(?:,|&|\band\b)\s*")


def header_lines(text: str) -> list[tuple[int, str]]:
    """The leading short lines (line number, stripped text), stopping at the first long one."""
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.split("\n")[: _MAX_HEADER_LINES * 3]):
        line = raw.strip().lstrip("#").strip()
        if not line:
            continue
        if len(line) > _MAX_LINE or len(lines) >= _MAX_HEADER_LINES:
            break
        lines.append((number + 1, line))
    return lines


def text_metadata(text: str) -> DocumentMetadata:
    """Metadata found in the header block of ``text`` (fields not found are None).

    A labelled block (``title: …``, ``published: …``, see ``labelled_header``) wins; fields it
    lacks come from the unlabelled heuristics below, read after that block.
    """
    labelled = labelled_header(text)
    found = _unlabelled(text[labelled.end :] if labelled.end else text, labelled.end > 0)
    return _with_labelled(found, labelled)


def _with_labelled(found: DocumentMetadata, labelled: LabelledHeader) -> DocumentMetadata:
    values = labelled.values
    if not values:
        return found

    def origin(name: str) -> str:
        return f"text line {values[name][1]} ({name}:)"

    title = Found(values["title"][0], origin("title")) if "title" in values else found.title
    published = found.published
    if "published" in values and (date := header_date(values["published"][0])):
        published = Found(date, origin("published"))
    authors = found.authors
    if "authors" in values:
        names = tuple(n for n in _SPLIT_AUTHORS.split(values["authors"][0]) if n)
        authors = Found(names, origin("authors")) if names else authors
    outlet = Found(values["outlet"][0], origin("outlet")) if "outlet" in values else found.outlet
    url = Found(values["url"][0], origin("url")) if "url" in values else found.url
    return DocumentMetadata(
        title=title,
        authors=authors,
        published=published,
        outlet=outlet,
        url=url,
        language=found.language,
    )


def _unlabelled(text: str, after_labels: bool) -> DocumentMetadata:
    lines = header_lines(text)
    date_at = next((i for i, (_, line) in enumerate(lines) if _as_date(line)), None)
    published = None
    authors = outlet = title = None
    if date_at is not None:
        number, line = lines[date_at]
        published = Found(str(_as_date(line)), f"text line {number}")
        authors = _authors_before(lines[:date_at])
        outlet = _outlet_after(lines[date_at + 1 : date_at + 2])
    by_line = next(((n, line) for n, line in lines if _BY.match(line)), None)
    if by_line is not None:
        names = _SPLIT_AUTHORS.split(_BY.sub("", by_line[1]))
        authors = Found(tuple(n for n in names if n), f"text line {by_line[0]}")
    used = {f.origin for f in (authors, published, outlet) if f is not None}
    if lines and f"text line {lines[0][0]}" not in used and not after_labels:
        number, line = lines[0]
        if not line.endswith((".", ":", ";", ",")):
            title = Found(line, f"text line {number}")
    return DocumentMetadata(title=title, authors=authors, published=published, outlet=outlet)


def _as_date(line: str) -> str | None:
    """The EDTF start of ``line`` if the line is a date: the whole line, or a dateline's date
    with a label, a place or a clock time around it ("Opinion | 15 December 2024", "Brussels,
    14 December 2023", "Last updated 2024-08-08 18:40"); else None."""
    pieces = _PIECES.split(line)
    if len(pieces) > 1 and any(len(p.split()) > 4 for p in pieces):
        return None  # a sentence with a dash, not a dateline
    for piece in reversed(pieces):
        found = _piece_date(piece)
        if found is not None:
            return found
    return None


def _piece_date(piece: str) -> str | None:
    candidate = _TIME.sub("", _DATE_LABEL.sub("", piece.strip()))
    if not re.search(r"\d{4}", candidate):
        return None
    for text in (candidate, _PLACE.sub("", candidate, count=1)):
        try:
            return DateSpan.parse(text).start.to_edtf()
        except (DateParseError, ValueError):
            continue
    return None


def _authors_before(lines: list[tuple[int, str]]) -> Found[tuple[str, ...]] | None:
    if not lines:
        return None
    number, line = lines[-1]
    line = _BY.sub("", line)
    names = tuple(n for n in _SPLIT_AUTHORS.split(line) if n)
    if names and all(_NAME.match(n) and _capitalised(n) for n in names):
        return Found(names, f"text line {number}")
    return None


def _capitalised(name: str) -> bool:
    """Each word of a person's name is capitalised ("Taras Kuzio", "Ursula von der Leyen");
    a title in sentence case ("Georgia's drift is Europe's problem") is no name."""
    words = name.split()
    return words[0][0].isupper() and all(w[0].isupper() or w in _PARTICLES for w in words)


def _outlet_after(lines: list[tuple[int, str]]) -> Found[str] | None:
    if not lines:
        return None
    number, line = lines[0]
    if _NAME.match(line) and line[0].isupper() and len(line) <= 60:
        return Found(line, f"text line {number}")
    return None
