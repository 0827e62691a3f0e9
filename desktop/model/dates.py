"""Historical dates with precision, EDTF strings and float day numbers.

Time everywhere in Parallax is a float *day number*: the proleptic Gregorian ordinal, equal to
``datetime.date(y, m, d).toordinal()`` for years 1..9999 and extended arithmetically to year 0,
negative years (astronomical numbering: year 0 is 1 BC, year -332 is 333 BC) and cosmological
magnitudes. Spans are half-open ``[t_lo, t_hi)`` in day numbers.

Human input ("7-12 Aug 2008", "c. 2012", "333 BC") is parsed by ``DateSpan.parse``, implemented in
``desktop.model.date_parse``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import IntEnum

__all__ = [
    "DateParseError",
    "DateSpan",
    "HistDate",
    "Precision",
    "day_number",
    "days_in_month",
    "from_day_number",
    "is_leap_year",
]

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MAX_DETAILED_YEAR = 9999  # month/day only for years EDTF can write with four digits
# The supported year range, -20 000 000 000 .. 20 000 000 000 (about the age of the universe,
# with room): the timeline's own limit (``desktop.core.timeline.scale``); documented in
# docs/library-format.md.
MAX_YEAR = 20_000_000_000
_UNIX_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
_EDTF_RE = re.compile(
    r"^(?:Y(?P<long>-?\d+)|(?P<year>-?\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?)"
    r"(?P<circa>~)?$"
)


class DateParseError(ValueError):
    """A date string could not be understood; the message says what is accepted."""


def _year_number(digits: str) -> int:
    """The integer of a year's digits; ValueError (not a huge int) for far too many digits."""
    if len(digits.lstrip("-").lstrip("0")) > len(str(MAX_YEAR)):
        raise ValueError(
            f"the year {_short_number(digits)} is outside the supported range "
            f"-{MAX_YEAR:,} .. {MAX_YEAR:,}".replace(",", " ")
        )
    return int(digits)


def clipped(text: str, limit: int = 40) -> str:
    """``text`` for a one-line message: at most ``limit`` characters, else cut with '...'."""
    return text if len(text) <= limit else text[:limit] + "..."


def _short_number(value: int | str) -> str:
    """A number for a message: long ones shortened to their first digits and digit count."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= 16:
        return text
    return f"{text[:8]}... ({len(text.lstrip('-'))} digits)"


class Precision(IntEnum):
    """How much of a date is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3


def is_leap_year(year: int) -> bool:
    """Proleptic Gregorian leap rule, valid for any integer year (astronomical numbering)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` (1..12) of ``year`` (any integer)."""
    if month == 2:
        return 29 if is_leap_year(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def day_number(year: int, month: int = 1, day: int = 1) -> int:
    """Proleptic Gregorian ordinal of a day; exact for any integer year.

    Equals ``date(year, month, day).toordinal()`` for years 1..9999. Does not validate the day
    against the month (``day_number(2008, 2, 30)`` is 1 March's number); callers validate.
    """
    y = year - (1 if month <= 2 else 0)
    era = y // 400
    year_of_era = y - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468 + _UNIX_EPOCH_ORDINAL


def from_day_number(n: float) -> tuple[int, int, int]:
    """The (year, month, day) containing day number ``n`` (fractions are floored).

    Exact inverse of ``day_number`` for integers; floats beyond 2**53 are as exact as the float.
    Raises ValueError for NaN or infinity.
    """
    if isinstance(n, float) and not math.isfinite(n):
        raise ValueError(f"not a finite day number: {n}")
    z = math.floor(n) - _UNIX_EPOCH_ORDINAL + 719468
    era = z // 146097
    day_of_era = z - era * 146097
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    mp = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    year = year_of_era + era * 400 + (1 if month <= 2 else 0)
    return year, month, day


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def display_year(year: int) -> str:
    """Human form of an astronomical year: "2008", "AD 79", "333 BC", "170 Ma", "13.8 Ga".

    From a million years back the year is shown as years ago (Ma/Ga, three significant figures),
    where the one-year offset of BC numbering no longer matters.
    """
    if year >= 1:
        if year < 1000:
            return f"AD {year}"  # so short years are not mistaken for days
        return str(year) if year <= _MAX_DETAILED_YEAR else f"{year:,}"
    if year <= -1_000_000_000:
        return f"{-year / 1e9:.3g} Ga"
    if year <= -1_000_000:
        return f"{-year / 1e6:.3g} Ma"
    before = 1 - year
    return f"{before} BC" if before <= _MAX_DETAILED_YEAR else f"{before:,} BC"


@dataclass(frozen=True, slots=True)
class HistDate:
    """A calendar date known to year, month or day precision, possibly approximate (circa).

    Invariants (checked on construction, ValueError otherwise): ``day`` needs ``month``; month is
    1..12; day exists in that month; month/day only for years -9999..9999 (the range EDTF writes
    with four digits). The year may be any integer, 0 meaning 1 BC.
    """

    year: int
    month: int | None = None
    day: int | None = None
    circa: bool = False

    def __post_init__(self) -> None:
        if abs(self.year) > MAX_YEAR:
            raise ValueError(
                f"the year {_short_number(self.year)} is outside the supported range "
                f"-{MAX_YEAR:,} .. {MAX_YEAR:,}".replace(",", " ")
            )
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if abs(self.year) > _MAX_DETAILED_YEAR:
            raise ValueError("month and day are only supported for years -9999..9999")
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12, not {self.month}")
        if self.day is not None and not 1 <= self.day <= days_in_month(self.year, self.month):
            raise ValueError(
                f"{MONTH_NAMES[self.month - 1]} {display_year(self.year)} has no day {self.day}"
            )

    @property
    def precision(self) -> Precision:
        """YEAR, MONTH or DAY depending on which parts are known."""
        if self.month is None:
            return Precision.YEAR
        return Precision.MONTH if self.day is None else Precision.DAY

    @classmethod
    def parse_edtf(cls, text: str) -> HistDate:
        """Parse the EDTF subset Parallax uses; raise DateParseError for anything else.

        Forms: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``-0332``, ``Y-13800000000``, each optionally
        followed by ``~`` (circa).
        """
        match = _EDTF_RE.match(text.strip())
        if match is None:
            raise DateParseError(
                f"not an EDTF date: {clipped(text)!r}; expected YYYY, YYYY-MM, YYYY-MM-DD, "
                "-YYYY or Y-NNNNN, optionally followed by ~"
            )
        circa = match["circa"] is not None
        try:
            if match["long"] is not None:
                return cls(_year_number(match["long"]), circa=circa)
            month = int(match["month"]) if match["month"] else None
            day = int(match["day"]) if match["day"] else None
            return cls(int(match["year"]), month, day, circa)
        except ValueError as exc:
            raise DateParseError(f"impossible date {clipped(text)!r}: {exc}") from exc

    def to_edtf(self) -> str:
        """The EDTF string; ``HistDate.parse_edtf(d.to_edtf()) == d`` always holds."""
        suffix = "~" if self.circa else ""
        if abs(self.year) > _MAX_DETAILED_YEAR:
            return f"Y{self.year}{suffix}"
        sign = "-" if self.year < 0 else ""
        text = f"{sign}{abs(self.year):04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + suffix

    def first_day(self) -> float:
        """Day number of the first day this date covers."""
        return float(day_number(self.year, self.month or 1, self.day or 1))

    def end_day(self) -> float:
        """Day number just after the last day this date covers (half-open end)."""
        if self.month is None:
            return float(day_number(self.year + 1, 1, 1))
        if self.day is None:
            year, month = _add_months(self.year, self.month, 1)
            return float(day_number(year, month, 1))
        return float(day_number(self.year, self.month, self.day) + 1)

    def fuzzy_first_day(self) -> float:
        """Earliest plausible day: first_day widened by a year, a month or 7 days when circa."""
        if not self.circa:
            return self.first_day()
        if self.month is None:
            return float(day_number(self.year - 1, 1, 1))
        if self.day is None:
            year, month = _add_months(self.year, self.month, -1)
            return float(day_number(year, month, 1))
        return self.first_day() - 7

    def fuzzy_end_day(self) -> float:
        """Latest plausible end: end_day widened by a year, a month or 7 days when circa."""
        if not self.circa:
            return self.end_day()
        if self.month is None:
            return float(day_number(self.year + 2, 1, 1))
        if self.day is None:
            year, month = _add_months(self.year, self.month, 2)
            return float(day_number(year, month, 1))
        return self.end_day() + 7

    def display(self) -> str:
        """Human form: "7 August 2008", "August 2008", "2008", "c. 2012", "333 BC"."""
        return ("c. " if self.circa else "") + self.display_exact()

    def display_exact(self) -> str:
        """``display()`` without the circa marker."""
        year = display_year(self.year)
        if self.month is None:
            return year
        month = MONTH_NAMES[self.month - 1]
        return f"{month} {year}" if self.day is None else f"{self.day} {month} {year}"

    def sort_key(self) -> tuple[float, float, bool]:
        """Chronological key: first day, then the shorter date first, exact before circa."""
        return self.first_day(), self.end_day(), self.circa

    def __lt__(self, other: HistDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: HistDate) -> bool:
        return self.sort_key() <= other.sort_key()


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or an inclusive range of dates, covering the half-open days ``[t_lo, t_hi)``.

    ``end`` is None for a single date. Construction raises ValueError if end starts before start
    or if end equals start (use ``end=None`` then).
    """

    start: HistDate
    end: HistDate | None = None

    def __post_init__(self) -> None:
        if self.end is None:
            return
        if self.end == self.start:
            raise ValueError("an end equal to the start: use end=None")
        if (
            self.end.first_day() < self.start.first_day()
            or self.end.end_day() < self.start.end_day()
        ):
            raise ValueError(
                f"the end ({self.end.display()}) is before the start ({self.start.display()})"
            )

    @property
    def last(self) -> HistDate:
        """The end if there is one, else the start."""
        return self.start if self.end is None else self.end

    @property
    def t_lo(self) -> float:
        """Day number of the first day covered."""
        return self.start.first_day()

    @property
    def t_hi(self) -> float:
        """Day number just after the last day covered."""
        return self.last.end_day()

    @property
    def fuzzy_lo(self) -> float:
        """``t_lo`` widened when the start is circa; for drawing uncertain bounds."""
        return self.start.fuzzy_first_day()

    @property
    def fuzzy_hi(self) -> float:
        """``t_hi`` widened when the end (or single date) is circa."""
        return self.last.fuzzy_end_day()

    @classmethod
    def parse(cls, text: str) -> DateSpan:
        """Parse what people type ("7-12 Aug 2008", "c. 2012", "333 BC", "Sep - Nov 2022").

        Raises DateParseError with a message listing accepted forms. See date_parse for details.
        """
        from desktop.model.date_parse import parse_span

        return parse_span(text)

    @classmethod
    def from_edtf(cls, start: str, end: str | None = None) -> DateSpan:
        """Build from EDTF strings as stored in records; raises DateParseError."""
        first = HistDate.parse_edtf(start)
        last = HistDate.parse_edtf(end) if end else None
        try:
            return cls(first, None if last == first else last)
        except ValueError as exc:
            raise DateParseError(str(exc)) from exc

    def to_edtf(self) -> tuple[str, str | None]:
        """(start, end) EDTF strings; end is None for a single date."""
        return self.start.to_edtf(), None if self.end is None else self.end.to_edtf()

    def overlaps(self, other: DateSpan) -> bool:
        """True if the two spans share at least one day."""
        return self.t_lo < other.t_hi and other.t_lo < self.t_hi

    def contains_day(self, t: float) -> bool:
        """True if day number ``t`` falls inside ``[t_lo, t_hi)``."""
        return self.t_lo <= t < self.t_hi

    def display(self) -> str:
        """Human form: "7–12 August 2008", "September – November 2022", "2014–2015"."""
        from desktop.model.date_display import display_span

        return display_span(self)

    def sort_key(self) -> tuple[float, float]:
        """Chronological key: start, then end."""
        return self.t_lo, self.t_hi

    def __lt__(self, other: DateSpan) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: DateSpan) -> bool:
        return self.sort_key() <= other.sort_key()
