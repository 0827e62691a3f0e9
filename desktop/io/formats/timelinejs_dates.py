"""Dates as TimelineJS writes them (separate year/month/day parts) and back.

Year numbering: TimelineJS labels year ``-N`` as "N BCE", so a file's ``-300`` (Euclid) is read
as 300 BC, which is astronomical year ``-299`` (EDTF ``-0299``). From a million years back
(``|year| >= 1_000_000``) years are deep-time magnitudes, shown as Ma/Ga, where the one-year
offset is meaningless; they are kept as written (``-13800000000`` becomes ``Y-13800000000``).
Export applies the inverse, so export then import keeps every date (the one year on the
boundary, astronomical ``-999_999``, is the only one that does not survive).

Precision is the set of parts present: a year alone stays year precision, it is never pinned to
1 January. A ``display_date`` starting with "c.", "ca.", "circa", "about" or "~" marks circa.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop.io.formats.errors import FormatError
from desktop.model.dates import HistDate

__all__ = [
    "RawDate",
    "astronomical_year",
    "circa_display",
    "end_is_circa",
    "histdate_from_raw",
    "is_circa",
    "timelinejs_parts",
    "timelinejs_year",
]

_DEEP_TIME = 1_000_000
_INTEGER_RE = re.compile(r"^[+-]?\d+$")
_CIRCA_RE = re.compile(r"^\s*(c\.|ca\.?|circa\b|about\b|approx(\.|imately)?\b|~)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RawDate:
    """One date as found in a file, with the names of its fields for error messages."""

    year: Any
    month: Any
    day: Any
    display: str
    where: str
    fields: tuple[str, str, str]


def astronomical_year(timelinejs: int) -> int:
    """The astronomical year of a TimelineJS year (see the module docstring)."""
    if -_DEEP_TIME <= timelinejs < 0:
        return timelinejs + 1
    return timelinejs


def timelinejs_year(astronomical: int) -> int:
    """The TimelineJS year that is labelled as ``astronomical`` (inverse of the above)."""
    if -_DEEP_TIME < astronomical <= 0:
        return astronomical - 1
    return astronomical


def _integer(value: Any, raw: RawDate, index: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise FormatError(f"{raw.where}: field '{raw.fields[index]}': not a number: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INTEGER_RE.match(value.strip()):
        return int(value.strip())
    raise FormatError(f"{raw.where}: field '{raw.fields[index]}': not a whole number: {value!r}")


def is_circa(display: str) -> bool:
    """True if a display date marks its (first) date as approximate."""
    return _CIRCA_RE.match(display) is not None or display.strip().endswith("~")


def end_is_circa(display: str) -> bool:
    """True if a span's display date marks its end as approximate ("2009 – c. 2011")."""
    parts = re.split(r"\s[\u2013\u2014-]\s|\u2013", display, maxsplit=1)
    return len(parts) == 2 and is_circa(parts[1])


def histdate_from_raw(raw: RawDate, circa: bool = False) -> HistDate:
    """The date the parts describe; ``FormatError`` names the field of a missing or bad part."""
    year = _integer(raw.year, raw, 0)
    month = _integer(raw.month, raw, 1)
    day = _integer(raw.day, raw, 2)
    if year is None:
        raise FormatError(f"{raw.where}: field '{raw.fields[0]}': a year is required")
    if day is not None and month is None:
        raise FormatError(f"{raw.where}: field '{raw.fields[1]}': a day needs a month")
    if month is not None and not 1 <= month <= 12:
        raise FormatError(f"{raw.where}: field '{raw.fields[1]}': {month} is not a month (1-12)")
    circa = circa or is_circa(raw.display)
    try:
        return HistDate(astronomical_year(year), month, day, circa)
    except ValueError as exc:
        field = raw.fields[2] if day is not None else raw.fields[0]
        raise FormatError(f"{raw.where}: field '{field}': {exc}") from exc


def circa_display(date: HistDate) -> str:
    """The display date written for a circa date ("c. 2012"), empty for an exact one."""
    return date.display() if date.circa else ""


def timelinejs_parts(date: HistDate) -> tuple[int, int | None, int | None]:
    """(year, month, day) as TimelineJS writes them; absent parts are None."""
    return timelinejs_year(date.year), date.month, date.day
