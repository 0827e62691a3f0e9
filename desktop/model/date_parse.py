"""Parse dates and ranges as people type them into a ``DateSpan``.

Accepted (case-insensitive): "2008", "Aug 2008", "August 2008", "7 August 2008",
"August 7, 2008", "2008-08-07", "2008-08", EDTF ("2012~", "-0332", "Y-13800000000"),
circa markers ("c. 2012", "ca. 2012", "circa Aug 2012", "~2012"), eras ("333 BC", "AD 79",
"13.8 Ga", "170 Ma") and ranges joined by a dash or "to" ("7–12 Aug 2008",
"7 Aug – 12 Sep 2008", "Sep – Nov 2022", "2014–2015", "333–323 BC"). The left side of a range
borrows the parts it leaves out (year, month, era) from the right side. A circa marker belongs
to the date it is written on: "c. 2014 – 2015" has an approximate start and an exact end;
write "c. 2014 – c. 2015" when both are approximate.

Only the parts actually typed are kept: "Aug 2008" is month precision, never pinned to the 1st.
Refused with DateParseError: anything else, impossible dates ("31 Feb 2008"), reversed ranges,
two-digit years without an era ("Aug 08" is ambiguous), numeric day/month orders ("07/08/2008")
and seasons ("winter 2022": hemisphere-dependent and vague, so the user is asked for months).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from dateutil.parser import parserinfo

from desktop.model.dates import MAX_YEAR, DateParseError, DateSpan, HistDate, clipped

ACCEPTED = (
    "Accepted: 2008, Aug 2008, 7 August 2008, August 7, 2008, 2008-08-07, c. 2012, ~2012, "
    "333 BC, 13.8 Ga, and ranges such as 7–12 Aug 2008, 7 Aug – 12 Sep 2008, Sep – Nov 2022, "
    "2014–2015."
)
_SEASONS = re.compile(r"\b(spring|summer|autumn|fall|winter)\b")
_CIRCA_PREFIX = re.compile(
    r"^(?:circa|approximately|approx\.?|about|around|ca\.?|c\.|c(?=[\s\d])|~)\s*"
)
_ERA_SUFFIX = re.compile(r"\s*\b(bce|bc|b\.c\.e\.|b\.c\.|ce|ad|a\.d\.)$")
_ERA_PREFIX = re.compile(r"(?:^|\s)(ad|a\.d\.|ce)\s+(?=\d+$)")
_DEEP_TIME = re.compile(r"^(\d+(?:\.\d+)?)\s*(ga|ma|ka)$")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_THOUSANDS = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
_WORD_SPLIT = re.compile(r"[\s,]+")
_DASHES = re.compile(r"[\u2012\u2013\u2014\u2015\u2212]")
_WORD_RANGE = re.compile(r"\s+(?:to|until|till)\s+")
_DEEP_UNITS = {"ga": 10**9, "ma": 10**6, "ka": 10**3}


@dataclass(frozen=True, slots=True)
class _Partial:
    """One side as typed: any part may be missing until completed from the other side."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    bc: bool | None = None  # None: no era typed
    circa: bool = False
    bare_number: int | None = None  # a lone short number: a day if the other side has days


_HUGE_NUMBER = re.compile(r"\d{" + str(len(str(MAX_YEAR)) + 1) + ",}")


def parse_span(text: str) -> DateSpan:
    """Parse one date or a range; see the module docstring for what is accepted."""
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise DateParseError("empty date. " + ACCEPTED)
    if _HUGE_NUMBER.search(cleaned):
        raise DateParseError(
            f"cannot read {clipped(text.strip())!r} as a date: a year of more than "
            f"{len(str(MAX_YEAR))} digits is outside the supported range. " + ACCEPTED
        )
    if _SEASONS.search(cleaned):
        raise DateParseError(
            f"seasons are ambiguous ({text.strip()!r}); type the months instead, "
            "e.g. 'Dec 2022 – Feb 2023'. " + ACCEPTED
        )
    try:
        return DateSpan(_to_date(_parse_side(cleaned)))
    except DateParseError as exc:
        reason = str(exc)
    for left, right in _range_splits(cleaned):
        span = _try_range(left, right)
        if span is not None:
            return span
    raise DateParseError(f"cannot read {clipped(text.strip())!r} as a date ({reason}). " + ACCEPTED)


def _range_splits(body: str) -> list[tuple[str, str]]:
    """Candidate (left, right) splits of a range, most explicit separator first."""
    unified = _DASHES.sub("\u2013", body)
    if "\u2013" in unified:
        parts = unified.split("\u2013")
        return [(parts[0], parts[1])] if len(parts) == 2 else []
    words = _WORD_RANGE.split(unified)
    if len(words) == 2:
        return [(words[0], words[1])]
    return [
        (unified[:i], unified[i + 1 :]) for i, char in enumerate(unified) if char == "-" and i > 0
    ]


def _try_range(left_text: str, right_text: str) -> DateSpan | None:
    """A span if both sides parse; raises DateParseError for a readable but reversed range."""
    try:
        right = _parse_side(right_text.strip())
        left = _complete(_parse_side(left_text.strip()), right)
        start, end = _to_date(left), _to_date(right)
    except DateParseError:
        return None
    if start == end:
        return DateSpan(start)
    try:
        return DateSpan(start, end)
    except ValueError as exc:
        raise DateParseError(f"reversed range: {exc}. The start comes first. " + ACCEPTED) from exc


def _strip_circa(text: str) -> tuple[bool, str]:
    circa = False
    match = _CIRCA_PREFIX.match(text)
    if match:
        circa, text = True, text[match.end() :]
    if text.endswith("~"):
        circa, text = True, text[:-1].rstrip()
    return circa, text


def _parse_side(text: str) -> _Partial:
    """Read one side; raises DateParseError when it is not a date or a date fragment."""
    circa, text = _strip_circa(text.strip())
    if not text:
        raise DateParseError("missing date")
    if text.startswith("y") or text.startswith("-"):
        date = HistDate.parse_edtf(text.upper())
        return _Partial(date.year, date.month, date.day, None, circa or date.circa)
    iso = _ISO.match(text)
    if iso:
        day = int(iso[3]) if iso[3] else None
        return _Partial(int(iso[1]), int(iso[2]), day, None, circa)
    deep = _DEEP_TIME.match(text)
    if deep:
        return _Partial(-_years_ago(deep[1], deep[2]), bc=False, circa=circa)
    bc, text = _strip_era(text)
    return replace(_parse_words(text, bc), circa=circa)


def _years_ago(number: str, unit: str) -> int:
    try:
        return int(Decimal(number) * _DEEP_UNITS[unit])
    except InvalidOperation as exc:
        raise DateParseError(f"not a number: {number}") from exc


def _strip_era(text: str) -> tuple[bool | None, str]:
    match = _ERA_SUFFIX.search(text)
    if match:
        return match[1].startswith("b"), text[: match.start()]
    match = _ERA_PREFIX.search(text)
    if match:
        return False, text[: match.start()] + " " + text[match.end() :]
    return None, text


def _parse_words(text: str, bc: bool | None) -> _Partial:
    """Month names and numbers in the orders D M Y, M D Y, M Y, D M, M D, M, Y, D."""
    text = _THOUSANDS.sub(lambda match: match[0].replace(",", ""), text)
    tokens = [token for token in _WORD_SPLIT.split(text.strip()) if token]
    months = [_month_of(token) for token in tokens]
    month_positions = [i for i, month in enumerate(months) if month is not None]
    numbers = [token for token, month in zip(tokens, months, strict=True) if month is None]
    if len(month_positions) > 1 or not all(token.isdigit() for token in numbers):
        raise DateParseError(f"not a date: {clipped(text)!r}")
    if not month_positions:
        if len(numbers) != 1:
            raise DateParseError(f"not a date: {clipped(text)!r}")
        return _lone_number(numbers[0], bc)
    month = months[month_positions[0]]
    day, year = _day_and_year(numbers, bc is not None)
    return _Partial(year, month, day, bc)


def _lone_number(token: str, bc: bool | None) -> _Partial:
    value = int(token)
    if len(token) >= 3 or bc is not None:
        return _Partial(year=value, bc=bc)
    return _Partial(bare_number=value)


def _day_and_year(numbers: list[str], has_era: bool) -> tuple[int | None, int | None]:
    """Assign the numbers around a month name to day and year; years need 3+ digits or an era."""
    if len(numbers) > 2:
        raise DateParseError("too many numbers")
    if len(numbers) == 2:
        return int(numbers[0]), _year_token(numbers[1], has_era)
    if not numbers:
        return None, None
    token = numbers[0]
    if len(token) >= 3 or has_era:
        return None, _year_token(token, has_era)
    return int(token), None


def _year_token(token: str, has_era: bool) -> int:
    if len(token) < 3 and not has_era:
        raise DateParseError(f"ambiguous two-digit year {token!r}: write it in full")
    return int(token)


def _month_of(token: str) -> int | None:
    if token.isdigit():
        return None
    month = parserinfo().month(token.rstrip("."))
    return None if month is None else int(month)


def _complete(left: _Partial, right: _Partial) -> _Partial:
    """Fill what the left side of a range leaves out from the right side."""
    if left.bare_number is not None:
        if right.day is not None:
            left = replace(left, day=left.bare_number, month=right.month, bare_number=None)
        elif right.bc is not None:
            left = replace(left, year=left.bare_number, bare_number=None)
        else:
            raise DateParseError("ambiguous short number: write years in full")
    if left.year is None:
        left = replace(left, year=right.year, bc=right.bc)
        if left.month is None and left.day is not None:
            left = replace(left, month=right.month)
    elif left.bc is None and right.bc:
        left = replace(left, bc=True)
    return left


def _to_date(part: _Partial) -> HistDate:
    """A HistDate from a complete side; raises DateParseError for fragments or bad dates."""
    if part.year is None or part.bare_number is not None:
        raise DateParseError("missing year")
    if part.day is not None and part.month is None:
        raise DateParseError("a day needs a month")
    year = part.year
    if part.bc:
        if year < 1:
            raise DateParseError("there is no year 0 BC")
        year = 1 - year
    try:
        return HistDate(year, part.month, part.day, part.circa)
    except ValueError as exc:
        raise DateParseError(f"impossible date: {exc}") from exc
