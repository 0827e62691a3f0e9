"""Split prose into sentences with offsets, and into lower-case word tokens."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

# fmt: off
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "prof", "jr", "sr", "vs", "no",
    "u.s", "u.k", "e.g", "i.e", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "inc", "co", "corp",
})
# fmt: on


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence at code-point offsets ``[start, end)`` (surrounding blanks excluded)."""

    start: int
    end: int


@cache
def _boundary() -> re.Pattern[str]:
    return re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9А-ЯЁ])|\n+")


@cache
def _word() -> re.Pattern[str]:
    return re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; a line break always ends one, and a full stop after a
    common abbreviation ("Gen.", "U.S.") does not."""
    sentences: list[Sentence] = []
    start = 0
    for match in _boundary().finditer(text):
        if match.group(0)[0] == "." and _after_abbreviation(text, match.start()):
            continue
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


class SentenceFinder:
    """The sentence of ``split_sentences(text)`` that holds a position, found near it.

    A text's dates need the sentences of only a few of them; splitting all of a long text
    judged every full stop in it. Here the boundaries are matched once (in C) and only those
    around a position asked for are judged; the answer is ``split_sentences``'s.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        matches = list(_boundary().finditer(text))
        self._ends = [m.end() for m in matches]
        self._dots = [m.start() if m.group(0)[0] == "." else -1 for m in matches]
        self._valid: dict[int, bool] = {}

    def at(self, position: int) -> Sentence | None:
        """The sentence holding ``position``; None when it falls outside every sentence
        (blanks between them)."""
        after = bisect.bisect_right(self._ends, position)  # boundaries ending after it
        before = after - 1
        while before >= 0 and not self._is_boundary(before):
            before -= 1
        while after < len(self._ends) and not self._is_boundary(after):
            after += 1
        start = self._ends[before] if before >= 0 else 0
        end = self._ends[after] if after < len(self._ends) else len(self._text)
        found: list[Sentence] = []
        _append(found, self._text, start, end)
        if found and found[0].start <= position < found[0].end:
            return found[0]
        return None

    def _is_boundary(self, number: int) -> bool:
        known = self._valid.get(number)
        if known is None:
            dot = self._dots[number]
            known = dot < 0 or not _after_abbreviation(self._text, dot)
            self._valid[number] = known
        return known


def _after_abbreviation(text: str, dot: int) -> bool:
    word = text[max(0, dot - 5) : dot].split()[-1:] if dot else []
    return bool(word) and word[0].lower().lstrip("(\"'“") in _ABBREVIATIONS


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(start + lead, start + lead + len(stripped)))


def words(text: str) -> list[str]:
    """Lower-case words of ``text``; a possessive "’s" is dropped ("Russia’s" gives "russia")."""
    found = []
    for match in _word().finditer(text):
        word = match.group(0).lower().replace("’", "'")
        found.append(word[:-2] if word.endswith("'s") else word)
    return found
