"""The article body of a stored text: without its header block and its trailing page chrome.

Suggestions are looked for in the body only, so a byline date ("March 10, 2025") is not taken
for an event and a "Related Posts" tail or a hashtag footer is not read as prose.
"""

from __future__ import annotations

import re

from desktop.io.documents.labelled_header import labelled_header
from desktop.io.documents.text_header import header_lines

_TAIL_MARKER = re.compile(
    r"^\s*(related posts|related articles|read more|share this|more from|you may also like)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_HASHTAGS = re.compile(r"^\s*(#\w+\s*)+$")
_SHORT_LINE = 80
_HEADER_LINE = 100  # header_lines stops at a longer line: the prose begins there


def article_body(text: str) -> tuple[int, int]:
    """``(start, end)`` of the body within ``text``; the whole text when nothing is trimmed.

    The header is the leading block of short lines (byline, date, outlet, title) when a
    longer line follows it. The tail starts at a "Related Posts"-like line, or is the run of
    short trailing lines that end no sentence (source credits, hashtag lists).
    """
    start = max(_header_end(text), labelled_header(text).end)
    end = _tail_start(text, start)
    return (start, end) if start < end else (0, len(text))


def _header_end(text: str) -> int:
    header = header_lines(text)
    lines = text.split("\n")
    if not header:
        return 0
    last = header[-1][0]  # 1-based number of the last header line
    following = next((line for line in lines[last:] if line.strip()), "")
    if len(following.strip()) <= _HEADER_LINE:
        return 0
    return sum(len(line) + 1 for line in lines[:last])


def _tail_start(text: str, floor: int) -> int:
    offsets = _line_offsets(text)
    for offset, line in offsets:
        if offset >= floor and _TAIL_MARKER.match(line):
            return offset
    end = len(text)
    for offset, line in reversed(offsets):
        if offset < floor:
            break
        stripped = line.strip()
        if not stripped:
            end = offset
            continue
        if _HASHTAGS.match(stripped) or (
            len(stripped) < _SHORT_LINE and not _SENTENCE_END.search(stripped)
        ):
            end = offset
            continue
        break
    return end


def _line_offsets(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        found.append((offset, line))
        offset += len(line) + 1
    return found
