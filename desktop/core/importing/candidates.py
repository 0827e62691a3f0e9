"""Candidate new events: dates a text speaks of that no event on the timeline covers."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.suggest import DateKind, DateMention, EventInfo, find_date_expressions
from desktop.core.suggest.sentences import Sentence, split_sentences
from desktop.model.dates import DateSpan, HistDate, Precision

_BASE = {Precision.DAY: 0.6, Precision.MONTH: 0.45, Precision.YEAR: 0.25}
_RELATIVE_FACTOR = 0.8
_REPEAT_BONUS = 0.05
_MAX = 0.9
MAX_CANDIDATES = 50  # a reviewer reads the best ones; a long report has thousands of dates


@dataclass(frozen=True, slots=True)
class CandidateEvent:
    """A date no event covers, with the sentence ``[start, end)`` that first names it."""

    start: int
    end: int
    date: DateSpan
    confidence: float
    reasons: tuple[str, ...]


def candidate_events(
    text: str,
    published: HistDate | None,
    events: Sequence[EventInfo],
    mentions: Sequence[DateMention] | None = None,
) -> list[CandidateEvent]:
    """One candidate per distinct date in ``text`` that overlaps no event, best first, at most
    ``MAX_CANDIDATES``.

    Confidence grows with the date's precision (a day says more than a year), is lower for a
    date counted from the publication date, and a little higher for each further mention.
    """
    sentences = split_sentences(text)
    groups: dict[tuple[str, str | None], list[DateMention]] = {}
    spans = sorted((e.t_lo, e.t_hi) for e in events)
    found_dates = mentions if mentions is not None else find_date_expressions(text, published)
    for mention in found_dates:
        if not _covered(mention.date, spans):
            groups.setdefault(mention.date.to_edtf(), []).append(mention)
    starts = [s.start for s in sentences]
    found = [_candidate(text, mentions, sentences, starts) for mentions in groups.values()]
    return sorted(found, key=lambda c: (-c.confidence, c.start))[:MAX_CANDIDATES]


def _covered(date: DateSpan, spans: list[tuple[float, float]]) -> bool:
    t_lo, t_hi = date.t_lo, date.t_hi
    return any(lo < t_hi and t_lo < hi for lo, hi in spans)


def _candidate(
    text: str, mentions: list[DateMention], sentences: list[Sentence], starts: list[int]
) -> CandidateEvent:
    first = mentions[0]
    confidence = _BASE[first.date.last.precision]
    if all(m.kind is DateKind.RELATIVE for m in mentions):
        confidence *= _RELATIVE_FACTOR
    confidence = min(_MAX, confidence + _REPEAT_BONUS * (len(mentions) - 1))
    written = " ".join(text[first.start : first.end].split())
    reasons = [f"date: {written} ({first.date.display()})", "no event on the timeline then"]
    if len(mentions) > 1:
        reasons.append(f"mentioned {len(mentions)} times")
    sentence = _sentence_of(first, sentences, starts)
    return CandidateEvent(
        sentence.start, sentence.end, first.date, round(confidence, 3), tuple(reasons)
    )


def _sentence_of(mention: DateMention, sentences: list[Sentence], starts: list[int]) -> Sentence:
    """The sentence holding the mention (a binary search: sentences are in order)."""
    at = bisect.bisect_right(starts, mention.start) - 1
    if at >= 0 and sentences[at].start <= mention.start < sentences[at].end:
        return sentences[at]
    return Sentence(mention.start, mention.end)
