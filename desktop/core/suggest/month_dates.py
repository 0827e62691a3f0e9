"""Dates written with a month name, in English, Russian, Ukrainian, German, French, Turkish or
Azerbaijani ("25 December 2024", "December 25, 2024", "Dec. 25", "August 2008", "25 декабря
2024 года", "у лютому 2022", "25. Dezember 2024", "1er janvier 2020", "25 Aralık 2024"), read
by dateparser.

Our part is small: a cheap finder of candidates (a day then a word, or a word then a day or a
year), a splitter of ranges ("7–12 August 2008", "August 7–12, 2008", "September–November
2022") that hands each end to dateparser, and the month words of each language taken from
dateparser's own language data (shipped inside the package; nothing is downloaded). An
English month word must be capitalised ("may", "march" are words); a Cyrillic month is met in
every case form by the stem its listed forms share ("лютому" by "лют"). dateparser reads each
candidate in its language and refuses what is no date ("31 February 2024", "31 Şubat 2024").
A day without a year is placed by ``place_day`` (the caller's rule: the last year the text
stated, else the publication date).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from desktop.core.suggest import patterns
from desktop.model.dates import DateSpan, HistDate

LANGUAGES = ("ru", "uk", "de", "fr", "tr", "az")
# fmt: off
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
# fmt: on
_CYRILLIC = re.compile("[а-яіїєґё]", re.IGNORECASE)
_YEAR = r"(?:1[5-9]|20)\d{2}"
_ORDINAL = r"(?:st|nd|rd|th|\.|er|-?(?:ci|cü|cı|cu|nci|ncı|üncü|inci))?"
_DASH = r"\s*[-–—]\s*"
_YEAR_WORD = r"(?:\s*(?:года|году|г\.|року|р\.|yılı|-?(?:ci|cü|cı|cu)\s+il))?"
_W = r"[^\W\d_]{3,12}"
_WORD = rf"(?P<word>{_W})\.?"
_THEN_YEAR = rf"(?:,?\s+(?P<year>{_YEAR})(?![\d%]){_YEAR_WORD})?"
PlaceDay = Callable[[int, int, int], HistDate | None]
# language, month number, the form dateparser reads, whether it is the month's full name
type MonthWord = tuple[str, int, str, bool]


@cache
def _month_words() -> tuple[dict[str, MonthWord], dict[str, MonthWord], dict[str, MonthWord]]:
    """(English forms, other exact forms, Cyrillic stems): lower-cased month words -> month.

    A word two languages give different months is dropped, and so is an English form from
    the other languages (lower case, "may" is a word)."""
    from dateparser.languages.loader import default_loader

    english = {
        form: ("en", number, form, True)
        for number, name in enumerate(_MONTHS, start=1)
        for form in default_loader.get_locale("en").info[name]
    }
    exact: dict[str, MonthWord] = {}
    stems: dict[str, MonthWord] = {}
    clashes = set(english)
    for language in LANGUAGES:
        info = default_loader.get_locale(language).info
        for number, name in enumerate(_MONTHS, start=1):
            forms = [f.lower() for f in info[name] if len(f) >= 3]
            longest = max(forms, key=len)
            full = [f for f in forms if len(f) >= len(longest) - 1]
            for form in forms:
                known = exact.setdefault(form, (language, number, form, form in full))
                if known[1] != number:
                    clashes.add(form)
            if _CYRILLIC.match(longest):
                stem = _shared_prefix(full)
                stems[stem] = (language, number, full[-1] if len(full) > 1 else longest, True)
    for clash in clashes:
        exact.pop(clash, None)
    return english, exact, stems


def _shared_prefix(words: list[str]) -> str:
    first, last = min(words), max(words)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


def month_of(word: str) -> MonthWord | None:
    """The month a word names in English (capitalised) or one of ``LANGUAGES``, with the
    form dateparser reads."""
    lower = word.lower().rstrip(".")
    english, exact, stems = _month_words()
    if word[:1].isupper() and lower in english:
        return english[lower]
    if lower in exact:
        return exact[lower]
    if _CYRILLIC.match(lower):
        # a stem of two letters ("ма": мая, мае) takes one letter more, a longer one any
        for size in range(min(len(lower), 9), 1, -1):
            found = stems.get(lower[:size])
            if found is not None and (size > 2 or len(lower) == 3):
                return found
    return None


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A day then a word ("7–12 August 2008"), and a word then a day or a year ("August 7–12,
    2008", "September–November 2022"); a range's first end is an optional group."""
    day_first = re.compile(
        rf"(?=\d)(?<![\d.,:/-])(?:(?P<first>\d{{1,2}}){_ORDINAL}{_DASH})?"
        rf"(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_WORD}{_THEN_YEAR}"
    )
    word_first = re.compile(
        rf"(?<!\w)(?<![^\W\d_]-)(?:(?P<first_word>{_W})\.?{_DASH})?{_WORD},?\s+"
        rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:{_DASH}(?P<last>\d{{1,2}})(?:st|nd|rd|th)?)?"
        rf"(?![\d%]){_THEN_YEAR}|(?P<month_year>{_YEAR})(?![\d%]){_YEAR_WORD})"
    )
    return day_first, word_first


@cache
def _number_after_word() -> re.Pattern[str]:
    return re.compile(r"(?:(?<=[^\W\d_]\s)|(?<=[^\W\d_][.,]\s))(?=\d)")


@cache
def _words_before() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?<![^\W\d_]-)(?:{_W}\.?{_DASH})?{_W}\.?,?\s+$")


def _candidates(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """A day then a word, then a word before a number. Both begin at or just before a number
    (``starts``: where the text's runs of digits begin), so only those places are tried."""
    day_first, word_first = _patterns()
    yield from patterns.matches_at(day_first, text, starts)
    for number in patterns.matches_at(_number_after_word(), text, starts):
        at = number.start()
        word = _words_before().search(text, max(0, at - 36), at)
        if word is not None:
            match = word_first.match(text, word.start())
            if match is not None:
                yield match


def month_dates(
    text: str, place_day: PlaceDay, starts: list[int] | None = None
) -> list[tuple[int, int, DateSpan | None]]:
    """``(start, end, span)`` of each date with a month name in ``text``; the span is None
    where the words are no date ("31 Şubat 2024"): the caller must not read anything else
    there, not even the year. ``starts``: the text's ``patterns.number_starts``, if known."""
    found: list[tuple[int, int, DateSpan | None]] = []
    read_ends: set[int] = set()  # a month and year read with its day (or refused with it)
    numbers = patterns.number_starts(text) if starts is None else starts
    for match in _candidates(text, numbers):
        month = month_of(match["word"])
        year = match["year"] or match.groupdict().get("month_year")
        if match.end() in read_ends or month is None or not (year or month[3]):
            continue  # without a year, an abbreviation ("ara", "sen") is a word
        start, end = match.start(), match.end()
        if match["day"] is not None:
            read_ends.add(end)  # "31 Şubat 2024" is no date, nor is "Şubat 2024"
        if year is None and text[end - 1] == ".":
            end -= 1  # the full stop after "8 августа."
        first = match.groupdict().get("first_word")
        first_month = month_of(first) if first and match["day"] is None else None
        if first and first_month is None:
            start = match.start("word")
        found.append((start, end, _span(match, month, first_month, place_day)))
    return found


def load_date_reader() -> None:
    """Load now what the first dates with a month name load (dateparser's month words and its
    English, Russian and Ukrainian readers: about half a second of CPU), so a process forked
    from this one starts with them."""
    month_dates("1 January 2000, 1 января 2000, 1 січня 2000", lambda _at, _month, _day: None)


def _span(
    match: re.Match[str], month: MonthWord, first: MonthWord | None, place_day: PlaceDay
) -> DateSpan | None:
    """The date or range of a candidate, each end read by dateparser; None when no date."""
    groups = match.groupdict()
    year = groups["year"] or groups.get("month_year")
    days = [d for d in (groups.get("first"), groups["day"], groups.get("last")) if d]
    try:
        ends = [
            _read(each, day, year)
            for each in ([first, month] if first is not None else [month])
            for day in days or [None]
        ]
        dates = [_at_precision(e, bool(days)) for e in ends if e is not None]
        if len(dates) < len(ends):
            return None
        if year is None:
            placed = place_day(match.start(), dates[0].month or 1, dates[0].day or 1)
            if placed is None:
                return None
            dates = [HistDate(placed.year, d.month, d.day) for d in dates]
        return DateSpan(dates[0], dates[-1] if len(dates) > 1 else None)
    except ValueError:  # "12–7 August", "0 August", "28–29 February" of a common year
        return None


def _at_precision(day: dt.date, with_day: bool) -> HistDate:
    return HistDate(day.year, day.month, day.day if with_day else None)


def _read(month: MonthWord, day: str | None, year: str | None) -> dt.date | None:
    """The date dateparser reads in the day, month word and year of a candidate.

    Numbers that cannot change the reading are read as one stand-in (a day up to the 28th as
    the 1st, a year as 2000 or 2001 by whether it is a leap year), so dateparser reads each
    shape of a month word once per process, however many dates a text holds."""
    stand_day = day if day is None or not 1 <= int(day) <= 28 else "1"
    stand_year = year and ("2000" if calendar.isleap(int(year)) else "2001")
    words = " ".join(w for w in (stand_day, month[2], stand_year) if w)
    read = read_date(month[0], words, bool(year))
    if read is None:
        return None
    return read.replace(year=int(year) if year else read.year, day=int(day) if day else 1)


@lru_cache(maxsize=8192)
def read_date(language: str, words: str, has_year: bool) -> dt.date | None:
    """The date dateparser reads in ``words`` ("25 декабря 2024") in ``language``; a day
    without a year is read in a leap year, so "29 февраля" stands; None when no date."""
    import dateparser.date  # loaded on the first candidate only

    settings = {
        "RELATIVE_BASE": dt.datetime(2024, 12, 31),
        "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": ["month", "year"] if has_year else ["month"],
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
    }
    parser = dateparser.date.DateDataParser(languages=[language], settings=settings)
    parsed = parser.get_date_data(words).date_obj
    if parsed is None or not 1000 <= parsed.year <= 2999:
        return None
    day: dt.date = parsed.date()
    return day
