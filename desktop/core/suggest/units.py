"""The pieces of a document that may count as evidence, and those that may be a passage.

A document is cut into sentences (a blank line always ends one; a single line break ends one
unless the line before is wrapped prose). Lines that are page chrome never count: navigation
and teaser lines ("Related: …", "Most read: …", "A | B | C"), URLs, labelled header lines
("published: …", "опубликовано: …") and contact lines. Headlines and other short lines without
a full stop count as evidence but are never offered as a passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_WRAPPED = 60


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence at ``[start, end)``; ``passage`` says whether it may be offered as one."""

    start: int
    end: int
    passage: bool


@cache
def _chrome() -> re.Pattern[str]:
    labels = (
        r"related(?: posts| articles| stories)?|read more|read also|see also|most read|"
        r"trending|more from|you may also like|share this|media contact|contact|weather|"
        r"advertisement|subscribe|follow us|читайте также|читайте також|по теме|"
        r"популярное|реклама|подписывайтесь|новости по теме"
    )
    return re.compile(rf"^\s*(?:{labels})\b\s*[:|·—-]?", re.IGNORECASE)


@cache
def _labelled() -> re.Pattern[str]:
    labels = (
        r"title|author|authors|by|published|posted|date|updated|outlet|source|url|link|"
        r"заголовок|автор|авторы|опубликовано|дата|источник|издание|ссылка|"
        r"автори|опубліковано|джерело|видання|посилання"
    )
    return re.compile(rf"^\s*(?:{labels})\s*:", re.IGNORECASE)


@cache
def _url() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


@cache
def _boundary() -> re.Pattern[str]:
    return re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9А-ЯЁІЇЄҐ])")


def is_chrome(line: str) -> bool:
    """Whether a line is navigation, a teaser, a URL, a labelled header or contact line."""
    stripped = line.strip()
    if not stripped:
        return False
    if _chrome().match(stripped) or _labelled().match(stripped) or _url().match(stripped):
        return True
    return stripped.count(" | ") + stripped.count(" · ") >= 1 and len(stripped) < 200


def units_of(text: str) -> list[Unit]:
    """The evidence units of ``text`` in order (chrome lines left out)."""
    units: list[Unit] = []
    for start, end in _blocks(text):
        block = text[start:end]
        full = block.rstrip().endswith((".", "!", "?", "…", '"', "”", "»", ")"))
        passage = full or len(block) >= 2 * _WRAPPED
        cut = start
        for match in _boundary().finditer(block):
            _add(units, text, cut, start + match.end(), passage)
            cut = start + match.end()
        _add(units, text, cut, end, passage)
    return units


def _blocks(text: str) -> list[tuple[int, int]]:
    """Runs of lines that read as one piece of prose, chrome lines dropped."""
    blocks: list[tuple[int, int]] = []
    offset = 0
    open_start: int | None = None
    for line in text.split("\n"):
        end = offset + len(line)
        stripped = line.strip()
        if not stripped or is_chrome(line):
            if open_start is not None:
                blocks.append((open_start, offset - 1 if offset else offset))
                open_start = None
        else:
            if open_start is None:
                open_start = offset
            wrapped = len(stripped) >= _WRAPPED and not stripped.endswith((".", "!", "?", ":"))
            if not wrapped:
                blocks.append((open_start, end))
                open_start = None
        offset = end + 1
    if open_start is not None:
        blocks.append((open_start, len(text)))
    return blocks


def _add(units: list[Unit], text: str, start: int, end: int, passage: bool) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        units.append(Unit(start + lead, start + lead + len(stripped), passage))
