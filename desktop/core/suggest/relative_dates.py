"""Place relative date expressions ("last October", "on Friday") using the publication date."""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.suggest import patterns
from desktop.model.dates import DateSpan, HistDate, Precision


def resolve_relative(kind: str, match: re.Match[str], published: HistDate) -> DateSpan | None:
    """The span a relative expression of ``kind`` denotes, or None if ``published`` is too
    coarse to place it (e.g. "yesterday" in a text dated only to a month)."""
    if kind == "yesterday":
        day = _day_of(published)
        return None if day is None else _day_span(day - dt.timedelta(days=1))
    if kind == "weekday":
        return _weekday(match["which"].lower(), match["weekday"].lower(), published)
    if kind == "unit":
        return _unit(match["which"].lower(), match["unit"].lower(), published)
    if kind == "named_month":
        return _named_month(match["which"].lower(), match["month"], published)
    if kind == "ago":
        return _ago(match["count"].lower(), match["unit"].lower(), published)
    return None


def _day_of(published: HistDate) -> dt.date | None:
    if published.precision < Precision.DAY or not 1 <= published.year <= 9999:
        return None
    assert published.month is not None and published.day is not None
    return dt.date(published.year, published.month, published.day)


def _day_span(day: dt.date) -> DateSpan:
    return DateSpan(HistDate(day.year, day.month, day.day))


def _weekday(which: str, name: str, published: HistDate) -> DateSpan | None:
    """Latest such weekday on or before the publication day ("last": strictly before)."""
    day = _day_of(published)
    if day is None:
        return None
    back = (day.weekday() - patterns.WEEKDAYS.index(name)) % 7
    if back == 0 and which != "on":
        back = 7
    return _day_span(day - dt.timedelta(days=back))


def _unit(which: str, unit: str, published: HistDate) -> DateSpan | None:
    offset = {"last": -1, "past": -1, "next": 1}.get(which, 0)
    if unit == "year":
        return DateSpan(HistDate(published.year + offset))
    if unit == "month":
        return _month_offset(published, offset)
    day = _day_of(published)
    if day is None:
        return None
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
    sunday = monday + dt.timedelta(days=6)
    return DateSpan(
        HistDate(monday.year, monday.month, monday.day),
        HistDate(sunday.year, sunday.month, sunday.day),
    )


def _month_offset(published: HistDate, offset: int) -> DateSpan | None:
    if published.month is None:
        return None
    index = published.year * 12 + published.month - 1 + offset
    return DateSpan(HistDate(index // 12, index % 12 + 1))


def _named_month(which: str, month_name: str, published: HistDate) -> DateSpan | None:
    """Latest such month not after the publication month ("last": strictly before it)."""
    if published.month is None:
        return None
    month = patterns.month_number(month_name)
    year = published.year
    if month > published.month or (month == published.month and which in ("last", "this past")):
        year -= 1
    return DateSpan(HistDate(year, month))


def _ago(count_word: str, unit: str, published: HistDate) -> DateSpan | None:
    count = int(count_word) if count_word.isdigit() else patterns.NUMBER_WORDS[count_word]
    if unit == "year":
        return DateSpan(HistDate(published.year - count))
    if unit == "month":
        return _month_offset(published, -count)
    day = _day_of(published)
    if day is None:
        return None
    return _day_span(day - dt.timedelta(days=count * (7 if unit == "week" else 1)))
