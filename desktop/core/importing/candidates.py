"""Candidate new events: dates a text speaks of that no event on the timeline covers."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.suggest import DateKind, DateMention, EventInfo, find_date_expressions
from desktop.core.suggest.sentences import Sentence, SentenceFinder
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
    groups: dict[tuple[str, str | None], list[DateMention]] = {}
    spans = _Spans(events)
    found_dates = mentions if mentions is not None else find_date_expressions(text, published)
    for mention in found_dates:
        if not spans.overlap(mention.date):
            groups.setdefault(mention.date.to_edtf(), []).append(mention)
    if not groups:
        return []  # every date is an event's: no sentence to find
    sentences = SentenceFinder(text)
    found = [_candidate(text, mentions, sentences) for mentions in groups.values()]
    return sorted(found, key=lambda c: (-c.confidence, c.start))[:MAX_CANDIDATES]


class _Spans:
    """The events' time spans, asked whether any overlaps a date in O(log n): a long text
    holds tens of thousands of dates and a library hundreds of events."""

    def __init__(self, events: Sequence[EventInfo]) -> None:
        spans = sorted((e.t_lo, e.t_hi) for e in events)
        self._starts = [lo for lo, _ in spans]
        self._reach = list(itertools.accumulate((hi for _, hi in spans), max))

    def overlap(self, date: DateSpan) -> bool:
        """Whether an event's span [lo, hi) meets the date's: lo < its end and its start < hi."""
        before = bisect.bisect_left(self._starts, date.t_hi)  # the spans with lo < t_hi
        return before > 0 and self._reach[before - 1] > date.t_lo


def _candidate(text: str, mentions: list[DateMention], sentences: SentenceFinder) -> CandidateEvent:
    first = mentions[0]
    confidence = _BASE[first.date.last.precision]
    if all(m.kind is DateKind.RELATIVE for m in mentions):
        confidence *= _RELATIVE_FACTOR
    confidence = min(_MAX, confidence + _REPEAT_BONUS * (len(mentions) - 1))
    written = " ".join(text[first.start : first.end].split())
    reasons = [f"date: {written} ({first.date.display()})", "no event on the timeline then"]
    if len(mentions) > 1:
        reasons.append(f"mentioned {len(mentions)} times")
    sentence = sentences.at(first.start) or Sentence(first.start, first.end)
    return CandidateEvent(
        sentence.start, sentence.end, first.date, round(confidence, 3), tuple(reasons)
    )
