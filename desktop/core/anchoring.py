"""Anchor passages in a text so they survive edits: offsets first, then the quote, then fuzzily.

A passage is stored as code-point offsets ``[start, end)`` plus the exact ``quote`` and up to
32 code points of ``prefix`` and ``suffix`` around it. :func:`locate` re-finds it in a possibly
changed text: at its offsets (``ok``), elsewhere by exact quote or a close fuzzy match
(``relocated``), or not at all (``orphan``). An orphan is never dropped: the caller keeps the
passage and lists it for review.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

CONTEXT_CHARS = 32
_MAX_OCCURRENCES = 2000
_FUZZY_MIN = 0.75
_SHORT_QUOTE = 20
_SHORT_FUZZY_MIN = 0.9
_EDGE_SLACK = 12


class AnchorStatus(StrEnum):
    """How a passage was placed."""

    OK = "ok"
    RELOCATED = "relocated"
    ORPHAN = "orphan"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage lies now. ``score`` is 1.0 for ``ok``, the quality of the match (0..1)
    for ``relocated``, and 0.0 for ``orphan`` (whose ``start``/``end`` are the stored ones)."""

    status: AnchorStatus
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class TextQuote:
    """What to store for a passage: offsets, the exact quote and its surroundings."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def make_anchor(text: str, start: int, end: int) -> TextQuote:
    """The stored form of ``text[start:end]``; raises ValueError for offsets outside the text."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"passage [{start}, {end}) lies outside a text of {len(text)} chars")
    return TextQuote(
        start,
        end,
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
    )


def locate(
    text: str, start: int, end: int, quote: str, prefix: str = "", suffix: str = ""
) -> Anchor:
    """Find the passage in ``text``: at its offsets, by exact quote, or by fuzzy match.

    Among several exact occurrences the one whose surroundings best match ``prefix`` and
    ``suffix`` wins, then the one nearest ``start``. A fuzzy match is accepted only when the
    found text is at least 75% similar to the quote (90% for quotes under 20 chars).
    """
    if 0 <= start <= end <= len(text) and text[start:end] == quote:
        return Anchor(AnchorStatus.OK, start, end, 1.0)
    if not quote:
        return Anchor(AnchorStatus.ORPHAN, start, end, 0.0)
    found = _exact(text, start, quote, prefix, suffix) or _fuzzy(text, quote, prefix, suffix)
    return found or Anchor(AnchorStatus.ORPHAN, start, end, 0.0)


def _context_similarity(text: str, lo: int, hi: int, prefix: str, suffix: str) -> float:
    """How well the text around ``[lo, hi)`` matches the stored prefix and suffix (0..1)."""
    parts = []
    if prefix:
        parts.append(Indel.normalized_similarity(prefix, text[max(0, lo - len(prefix)) : lo]))
    if suffix:
        parts.append(Indel.normalized_similarity(suffix, text[hi : hi + len(suffix)]))
    return sum(parts) / len(parts) if parts else 1.0


def _exact(text: str, start: int, quote: str, prefix: str, suffix: str) -> Anchor | None:
    best: tuple[float, int] | None = None
    position = text.find(quote)
    seen = 0
    while position != -1 and seen < _MAX_OCCURRENCES:
        context = _context_similarity(text, position, position + len(quote), prefix, suffix)
        distance = abs(position - start) / max(len(text), 1)
        key = context - 0.01 * distance
        if best is None or key > best[0]:
            best = (key, position)
        position = text.find(quote, position + 1)
        seen += 1
    if best is None:
        return None
    position = best[1]
    context = _context_similarity(text, position, position + len(quote), prefix, suffix)
    score = 0.8 + 0.2 * context
    return Anchor(AnchorStatus.RELOCATED, position, position + len(quote), round(score, 4))


def _fuzzy(text: str, quote: str, prefix: str, suffix: str) -> Anchor | None:
    if len(quote) > len(text):
        return None
    alignment = fuzz.partial_ratio_alignment(quote, text)
    if alignment is None:
        return None
    lo, hi = _refine(text, quote, alignment.dest_start, alignment.dest_end)
    similarity = Indel.normalized_similarity(quote, text[lo:hi])
    needed = _SHORT_FUZZY_MIN if len(quote) < _SHORT_QUOTE else _FUZZY_MIN
    if similarity < needed:
        return None
    context = _context_similarity(text, lo, hi, prefix, suffix)
    score = similarity * (0.8 + 0.2 * context)
    return Anchor(AnchorStatus.RELOCATED, lo, hi, round(score, 4))


def _refine(text: str, quote: str, lo: int, hi: int) -> tuple[int, int]:
    """Nudge the edges of a fuzzy match so the span is as close to the quote as possible."""
    lo = max(
        range(max(0, lo - _EDGE_SLACK), min(hi, lo + _EDGE_SLACK) + 1),
        key=lambda s: (Indel.normalized_similarity(quote, text[s:hi]), -abs(s - lo)),
    )
    hi = max(
        range(max(lo, hi - _EDGE_SLACK), min(len(text), hi + _EDGE_SLACK) + 1),
        key=lambda e: (Indel.normalized_similarity(quote, text[lo:e]), -abs(e - hi)),
    )
    return lo, hi
