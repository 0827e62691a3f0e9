"""Regular expressions for dates written in digits alone ("2014", "2014–2016", "2022-02-24")
and for English expressions counted from the publication date ("last October", "on Friday");
dates with a month name are read by dateparser (``month_dates``). Compiled lazily, once."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

# Month names must be capitalised: "may" and "march" are ordinary words in lower case.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?![a-z])"
)
_DASH = r"\s*[-–—]\s*"
_YEAR = r"(?:1[5-9]|20)\d{2}"

# Each pattern opens with a look-ahead at the class of its first character ("(?=[0-9])"):
# the regex engine then skips straight to the places a match can start, which makes every
# scan of a text about twice as fast.
_D = "(?=[0-9])"

# Forms in digits alone, longest first; the whole match is handed to DateSpan.parse.
_ABSOLUTE = (
    rf"{_D}\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:[12]\d|3[01]|0[1-9])\b",
    rf"{_D}\b{_YEAR}{_DASH}{_YEAR}\b",
)
_YEAR_RANGE_WORDS = (
    rf"(?=[fb])\b(?:from|between)\s+(?P<y1>{_YEAR})\s+(?:to|and|until|till)"
    rf"\s+(?P<y2>{_YEAR})\b"
)
_BARE_YEAR = (
    rf"(?=[12])(?<![\d$€£¥,.\-/])(?P<year>{_YEAR})(?![\d%,.]\d|\d|%|-\d|/\d"
    r"|\s+(?:people|persons|troops|soldiers|men|women|km|kilomet|metre|meter|miles|ton|"
    r"dollars|euros|rubles|roubles|votes|seats|cases|units|tanks)\b)"
)
_RELATIVE = {
    "yesterday": r"(?=y)\byesterday\b",
    "weekday": r"(?=[oOlLtTpP])\b(?P<which>(?i:on|last|this past|past))\s+(?P<weekday>"
    + "|".join(w.capitalize() for w in WEEKDAYS)
    + r")\b",
    "unit": r"(?=[lptne])\b(?P<which>last|past|this|next|(?:earlier|later) this"
    r"|(?:earlier|later) in the)"
    r"\s+(?P<unit>week|month|year)\b",
    "named_month": r"(?=[lLtTiIsSeEbB])"
    rf"\b(?P<which>(?i:last|this past|in|since|early|late|by))"
    rf"\s+(?P<month>{_MONTH})(?!\s*\d)",
    "ago": r"(?=[0-9aotfsen])\b(?P<count>\d{1,2}|a|an|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve)\s+(?P<unit>day|week|month|year)s?\s+ago\b",
}


_NUMBER = re.compile(r"\d+")


def number_starts(text: str) -> list[int]:
    """Where each run of digits of ``text`` begins, in order: one scan of the text, after
    which each pattern that begins with a number is tried only there (``matches_at``)."""
    return [match.start() for match in _NUMBER.finditer(text)]


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Sequence[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only match where a run of digits
    begins (``starts``, from ``number_starts``): the same matches, without trying every
    position of the text. (A match at a position looks behind it as ``finditer`` does.)"""
    end = 0
    for at in starts:
        if at < end:
            continue  # inside the last match, which finditer would have stepped over
        match = pattern.match(text, at)
        if match is not None:
            yield match
            end = match.end()


@cache
def absolute_patterns() -> tuple[re.Pattern[str], ...]:
    """Dates in digits alone: "2022-02-24", "2014–2016"."""
    return tuple(re.compile(p) for p in _ABSOLUTE)


@cache
def year_range_words() -> re.Pattern[str]:
    """ "from 2014 to 2016", "between 2008 and 2012"."""
    return re.compile(_YEAR_RANGE_WORDS, re.IGNORECASE)


@cache
def bare_year() -> re.Pattern[str]:
    """A four-digit year standing alone, not part of a number, amount or count."""
    return re.compile(_BARE_YEAR)


# Words each relative form cannot do without: where a text has none of them, its pattern is not
# run. Those of the forms that ignore case are looked for in the case-folded text (as wide as
# IGNORECASE), the others as written (a month name or its abbreviation begins with one of
# these).
_RELATIVE_WORDS = {
    "yesterday": ("yesterday",),
    "unit": ("week", "month", "year"),
    "ago": ("ago",),
}
_RELATIVE_WRITTEN = {
    "weekday": tuple(day.capitalize() for day in WEEKDAYS),
    "named_month": tuple(name.capitalize() for name in MONTHS),
}


def relative_may_match(kind: str, text: str, folded: str) -> bool:
    """Whether ``relative_patterns()[kind]`` may match ``text`` (``folded``: its casefold())."""
    if kind in _RELATIVE_WRITTEN:
        return any(word in text for word in _RELATIVE_WRITTEN[kind])
    return any(word in folded for word in _RELATIVE_WORDS[kind])


@cache
def relative_patterns() -> dict[str, re.Pattern[str]]:
    """Expressions that need the publication date, by kind."""
    flags = {"weekday": 0, "named_month": 0}
    return {k: re.compile(p, flags.get(k, re.IGNORECASE)) for k, p in _RELATIVE.items()}


def month_number(name: str) -> int:
    """1..12 for a month name or abbreviation such as "Sept." or "August"."""
    return MONTHS[name[:3].lower()]
