"""Human-readable spans: "7–12 August 2008", "September – November 2022", "2014–2015".

Shared parts are written once (the year of "7 August – 12 September 2008"); the result is
accepted back by ``DateSpan.parse`` and yields the same span.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.model.dates import MONTH_NAMES, HistDate, Precision, display_year

if TYPE_CHECKING:
    from desktop.model.dates import DateSpan

_TIGHT = "\u2013"  # en dash between simple numbers: 2014–2015, 7–12
_SPACED = " \u2013 "  # spaced en dash between phrases: September – November 2022


def display_span(span: DateSpan) -> str:
    """Display a span, merging the parts its two ends share; "c. " marks each circa end."""
    end = span.end
    start = span.start
    if end is None:
        return start.display()
    if start.precision != end.precision:
        return start.display() + _SPACED + end.display()
    left, right, tight = _merged(start, end)
    if start.circa or end.circa:
        left = ("c. " if start.circa else "") + left
        right = ("c. " if end.circa else "") + right
        tight = False
    return left + (_TIGHT if tight else _SPACED) + right


def _merged(start: HistDate, end: HistDate) -> tuple[str, str, bool]:
    """(left, right, tight): the two ends of the same precision, shared trailing parts once."""
    if start.precision is Precision.YEAR:
        return _merged_years(start.year, end.year)
    whole = (start.display_exact(), end.display_exact(), False)
    if start.year != end.year:
        return whole
    if start.precision is Precision.MONTH:
        return _month(start), end.display_exact(), False
    if start.month == end.month:
        return str(start.day), end.display_exact(), True
    return f"{start.day} {_month(start)}", end.display_exact(), False


def _merged_years(first: int, last: int) -> tuple[str, str, bool]:
    if first >= 1000 and last <= 9999:
        return str(first), str(last), True
    if first >= -9998 and last <= 0:
        return str(1 - first), f"{1 - last} BC", True
    return display_year(first), display_year(last), False


def _month(date: HistDate) -> str:
    assert date.month is not None
    return MONTH_NAMES[date.month - 1]
