"""Find the dates a text speaks of, absolute or relative to its publication date.

Dates with a month name (English, Russian, Ukrainian, German, French, Turkish, Azerbaijani)
are read by dateparser (``month_dates``), and so are Russian and Ukrainian relative expressions
(``cyrillic_relative``) and a count of days, weeks or months after the last date the text
stated (``later_dates``). Our own patterns keep the forms of digits alone (years, "2014–2016",
"2022-02-24") and the English expressions counted from the publication date ("last October").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from desktop.core.suggest import patterns
from desktop.core.suggest.cyrillic_relative import cyrillic_relative_dates
from desktop.core.suggest.later_dates import count_from, later_expressions
from desktop.core.suggest.month_dates import month_dates
from desktop.core.suggest.relative_dates import resolve_relative
from desktop.model.dates import DateParseError, DateSpan, HistDate, Precision


class DateKind(StrEnum):
    """Whether a date is written out (absolute) or counted from the publication date."""

    ABSOLUTE = "absolute"
    RELATIVE = "relative"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression at code-point offsets ``[start, end)`` of the text it was found in."""

    start: int
    end: int
    date: DateSpan
    kind: DateKind


def find_date_expressions(text: str, published: HistDate | None) -> list[DateMention]:
    """All date expressions in ``text``, in order of position, none overlapping.

    Absolute forms ("25 December 2024", "August 2008", "in 2014", "2014–2016") are found
    always; a day without a year ("on 8 August") and relative forms ("on Friday", "last
    October", "earlier this month", "yesterday", "three years ago", "вчера", "в прошлый
    вторник", "минулого тижня") only when ``published`` is given and precise enough to
    place them (a weekday needs a day-precision date). A day without a year is placed in the
    last year the text stated before it, else in the latest such day not after the
    publication date. A count after a date ("two days after", "через неделю") is counted
    from the last date the text stated before it.
    """
    found: list[DateMention] = []
    starts = patterns.number_starts(text)
    found += _absolute(text, starts)
    found = _month_names(text, published, found, starts)
    found += _later(text, published, found)
    if published is not None:
        found += _relative(text, published)
        found += [
            DateMention(start, end, span, DateKind.RELATIVE)
            for start, end, span in cyrillic_relative_dates(text, published)
        ]
    return _without_overlaps(found)


def _year_placer(
    published: HistDate | None, stated: list[DateMention]
) -> Callable[[int, int, int], HistDate | None]:
    """Place a day without a year: in the last year the text stated before it, else in the
    latest such day not after the publication date."""
    ordered = sorted((m.start, m.date.last.year) for m in stated)
    starts = [start for start, _ in ordered]

    def place(position: int, month: int, day: int) -> HistDate | None:
        before = bisect.bisect_left(starts, position)
        if before:
            try:
                return HistDate(ordered[before - 1][1], month, day)
            except ValueError:
                return None
        if published is None or published.precision < Precision.MONTH:
            return None
        return _latest_not_after(month, day, published)

    return place


def _month_names(
    text: str, published: HistDate | None, stated: list[DateMention], starts: list[int]
) -> list[DateMention]:
    """``stated`` with the dates written with a month name added; where such words are no
    date ("31 Şubat 2024"), nothing found there is kept, not even the year."""
    place = _year_placer(published, stated)
    read = month_dates(text, place, starts)
    refused = [(start, end) for start, end, span in read if span is None]
    kept = stated
    if refused:
        kept = [m for m in stated if not any(s < m.end and m.start < e for s, e in refused)]
    return kept + [
        DateMention(start, end, span, DateKind.ABSOLUTE)
        for start, end, span in read
        if span is not None
    ]


def _later(text: str, published: HistDate | None, stated: list[DateMention]) -> list[DateMention]:
    """ "two days after", "через неделю": counted from the last date stated before them."""
    expressions = later_expressions(text)
    if not expressions:
        return []
    # of the dates ending at one place ("1 January 2025", its year "2025"), the longest last
    anchors = sorted(
        (m.end, m.end - m.start, m.date.last) for m in stated if m.kind is DateKind.ABSOLUTE
    )
    ends = [end for end, _, _ in anchors]
    found = []
    for start, end, language, words, named in expressions:
        if named:
            continue  # "three days after the crash" counts from the crash (event_dates)
        before = bisect.bisect_right(ends, start)
        if not before:
            continue
        span = count_from(anchors[before - 1][2], language, words)
        if span is None or (published is not None and span.t_lo >= published.end_day()):
            continue
        found.append(DateMention(start, end, span, DateKind.RELATIVE))
    return found


def _absolute(text: str, starts: list[int]) -> list[DateMention]:
    """Dates in digits alone; ``starts``: where the text's runs of digits begin (each of these
    forms but "from 2014 to 2016" begins with one)."""
    found: list[DateMention] = []
    for pattern in patterns.absolute_patterns():
        for match in patterns.matches_at(pattern, text, starts):
            span = _parse(match.group(0))
            if span is not None:
                found.append(DateMention(match.start(), match.end(), span, DateKind.ABSOLUTE))
    for match in patterns.year_range_words().finditer(text) if _has_range_word(text) else ():
        span = _parse(f"{match['y1']}-{match['y2']}")
        if span is not None:
            found.append(DateMention(match.start(), match.end(), span, DateKind.ABSOLUTE))
    for match in patterns.matches_at(patterns.bare_year(), text, starts):
        span = DateSpan(HistDate(int(match["year"])))
        found.append(DateMention(match.start(), match.end(), span, DateKind.ABSOLUTE))
    return found


def _has_range_word(text: str) -> bool:
    """Whether "from 2014 to 2016" may be written here: it needs "from" or "between" (checked
    on the case-folded text, as wide as the pattern's IGNORECASE)."""
    folded = text.casefold()
    return "from" in folded or "between" in folded


@lru_cache(maxsize=65536)
def _parse(words: str) -> DateSpan | None:
    try:
        return DateSpan.parse(words)
    except (DateParseError, ValueError):
        return None


def _latest_not_after(month: int, day: int, published: HistDate) -> HistDate | None:
    """The date (month, day) in the publication year, or the year before if that is later."""
    pub_month, pub_day = published.month or 12, published.day or 31
    year = published.year if (month, day) <= (pub_month, pub_day) else published.year - 1
    try:
        return HistDate(year, month, day)
    except ValueError:
        return None


def _relative(text: str, published: HistDate) -> list[DateMention]:
    found: list[DateMention] = []
    folded = text.casefold()
    for kind, pattern in patterns.relative_patterns().items():
        if not patterns.relative_may_match(kind, text, folded):
            continue
        for match in pattern.finditer(text):
            span = resolve_relative(kind, match, published)
            if span is not None:
                found.append(DateMention(match.start(), match.end(), span, DateKind.RELATIVE))
    return found


def _without_overlaps(found: list[DateMention]) -> list[DateMention]:
    """Keep the longest expression where several overlap; earlier patterns win ties.

    Linear after sorting: the kept spans are disjoint, so a sorted list of their starts and a
    binary search tell whether a new span meets one.
    """
    ranked = sorted(enumerate(found), key=lambda item: (-(item[1].end - item[1].start), item[0]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[DateMention] = []
    for _, mention in ranked:
        at = bisect.bisect_left(starts, mention.start)
        if at < len(starts) and starts[at] < mention.end:
            continue
        if at > 0 and ends[at - 1] > mention.start:
            continue
        starts.insert(at, mention.start)
        ends.insert(at, mention.end)
        kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def mention_text(text: str, mention: DateMention) -> str:
    """The words of ``mention`` as written in ``text``."""
    return re.sub(r"\s+", " ", text[mention.start : mention.end])
