"""Recognise a document that is nearly a source already in the library.

Two kinds of source are compared differently:

- a source **without** full text (the bundled ones carry only passages): the document is that
  source when ``locate`` places at least 60% of its passages' quotes in the new text, and the
  placed quotes hold at least 100 characters (so one short quote cannot decide);
- a source **with** text: the document is that source when the two texts are at least 80%
  similar (rapidfuzz Indel ratio).

Both tests are expensive on a large library, so each has a cheap filter in front: a quote is
only worth locating when a piece of it occurs verbatim in the text, and two texts are only
compared when a small sketch of their word 5-grams (bottom-k MinHash) overlaps enough.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from desktop.core.anchoring import AnchorStatus, locate

if TYPE_CHECKING:  # a worker process of a batch imports this without the database
    from db.uow import UnitOfWork

QUOTE_SHARE = 0.6
MIN_PLACED_CHARS = 100
TEXT_SIMILARITY = 0.8
_SKETCH_SIZE = 64
_SKETCH_OVERLAP = 0.25
_SHINGLE = 5
_PIECE = 24
_WORD = re.compile(r"\w+")


class MatchKind(StrEnum):
    QUOTES = "quotes"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class NearMatch:
    """The document is probably ``source_key``; ``score`` is the share or similarity (0..1)."""

    source_key: str
    kind: MatchKind
    score: float

    def describe(self) -> str:
        if self.kind is MatchKind.QUOTES:
            return f"{self.score:.0%} of its passages are found in this text"
        return f"the texts are {self.score:.1%} similar"


@dataclass(frozen=True, slots=True)
class _Quote:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class _TextEntry:
    text: str
    sketch: frozenset[int]


@dataclass
class SourceIndex:
    """What the matcher knows of a library's sources; build once, keep current.

    ``load`` reads it in the caller's unit of work. After a commit, ``note_text`` records a
    source's new text (an import or an attachment) so a batch need not reload the library.
    ``colors`` counts the colours the sources use (``color_counts``) for the same reason.
    Texts are found through an inverted index of their sketch hashes, so a lookup costs in
    proportion to the few sources sharing 5-grams with the text, not to the library's size.
    """

    texts: dict[str, _TextEntry] = field(default_factory=dict)
    quotes: dict[str, tuple[_Quote, ...]] = field(default_factory=dict)
    colors: Counter[str] = field(default_factory=Counter)
    _postings: dict[int, set[str]] = field(default_factory=dict)
    _last: tuple[str, frozenset[int]] | None = None

    @classmethod
    def load(cls, uow: UnitOfWork) -> SourceIndex:
        index = cls()
        for source in uow.sources.list():
            index.colors[source.color.upper()] += 1
            if source.full_text is not None:
                index.note_text(source.key, source.full_text)
                continue
            passages = uow.passages.for_source(source.key)
            if passages:
                index.quotes[source.key] = tuple(
                    _Quote(p.start, p.end, p.quote, p.prefix, p.suffix) for p in passages
                )
        return index

    def note_text(
        self, source_key: str, text: str, text_sketch: frozenset[int] | None = None
    ) -> None:
        """``source_key`` now holds ``text`` (and is no longer matched by its quotes);
        ``text_sketch`` is its ``sketch`` when the caller has it."""
        self.quotes.pop(source_key, None)
        old = self.texts.get(source_key)
        if old is not None:
            for value in old.sketch:
                self._postings.get(value, set()).discard(source_key)
        entry = _TextEntry(text, text_sketch or self._sketch(text))
        self.texts[source_key] = entry
        for value in entry.sketch:
            self._postings.setdefault(value, set()).add(source_key)

    def near_match(self, text: str, text_sketch: frozenset[int] | None = None) -> NearMatch | None:
        """The best source ``text`` nearly is, or None (see the module docstring);
        ``text_sketch`` is its ``sketch`` when the caller has it."""
        by_text = self._by_text(text, text_sketch or self._sketch(text))
        found = [m for m in self._by_quotes(text) + by_text if m is not None]
        return max(found, key=lambda m: m.score) if found else None

    def _sketch(self, text: str) -> frozenset[int]:
        """``sketch(text)``, remembering the last one (a lookup is followed by ``note_text``)."""
        if self._last is None or self._last[0] is not text:
            self._last = (text, sketch(text))
        return self._last[1]

    def _by_quotes(self, text: str) -> list[NearMatch | None]:
        return [_quote_match(key, quotes, text) for key, quotes in self.quotes.items() if quotes]

    def _by_text(self, text: str, mine: frozenset[int]) -> list[NearMatch | None]:
        shared: Counter[str] = Counter()
        for value in mine:
            shared.update(self._postings.get(value, ()))
        found: list[NearMatch | None] = []
        for key, count in shared.items():
            entry = self.texts[key]
            if count / max(len(mine), len(entry.sketch)) < _SKETCH_OVERLAP:
                continue
            if not _lengths_allow(len(text), len(entry.text)):
                continue
            score = Indel.normalized_similarity(text, entry.text, score_cutoff=TEXT_SIMILARITY)
            if score >= TEXT_SIMILARITY:
                found.append(NearMatch(key, MatchKind.TEXT, round(score, 3)))
        return found


def _lengths_allow(a: int, b: int) -> bool:
    """Indel similarity can reach the threshold only if the lengths are close enough."""
    return 2 * min(a, b) / max(a + b, 1) >= TEXT_SIMILARITY


def _quote_match(key: str, quotes: tuple[_Quote, ...], text: str) -> NearMatch | None:
    exact: list[_Quote] = []
    rest: list[_Quote] = []
    for q in quotes:
        if q.quote and q.quote in text:
            exact.append(q)
        elif _piece_occurs(q.quote, text):
            rest.append(q)
    if (len(exact) + len(rest)) / len(quotes) < QUOTE_SHARE:
        return None
    placed = list(exact)
    for q in rest:
        anchor = locate(text, q.start, q.end, q.quote, q.prefix, q.suffix)
        if anchor.status is not AnchorStatus.ORPHAN:
            placed.append(q)
    share = len(placed) / len(quotes)
    if share < QUOTE_SHARE or sum(len(q.quote) for q in placed) < MIN_PLACED_CHARS:
        return None
    return NearMatch(key, MatchKind.QUOTES, round(share, 3))


def _piece_occurs(quote: str, text: str) -> bool:
    """Whether the start, middle or end of ``quote`` occurs verbatim in ``text``."""
    if len(quote) <= _PIECE:
        return False
    middle = (len(quote) - _PIECE) // 2
    pieces = (quote[:_PIECE], quote[middle : middle + _PIECE], quote[-_PIECE:])
    return any(piece in text for piece in pieces)


def sketch(text: str) -> frozenset[int]:
    """The smallest hashes of the text's word 5-grams (a bottom-k MinHash sketch).

    Words are numbered by CRC-32 and a 5-gram is the hash of its tuple of numbers, so a sketch
    is the same in every process (a batch computes them in worker processes); Python's own
    string hash differs from process to process.
    """
    found = _WORD.findall(text.lower())
    number = {word: zlib.crc32(word.encode()) for word in set(found)}
    words = [number[word] for word in found]
    if len(words) < _SHINGLE:
        return frozenset({hash(tuple(words))})
    shingles = zip(*(words[i:] for i in range(_SHINGLE)), strict=False)
    hashes = {hash(shingle) for shingle in shingles}
    return frozenset(heapq.nsmallest(_SKETCH_SIZE, hashes))
