"""Dates written with a month name in Russian, Ukrainian, German, French, Turkish or
Azerbaijani ("25 декабря 2024 года", "у лютому 2022", "25. Dezember 2024", "1er janvier 2020",
"25 Aralık 2024", "25 dekabr 2024"), read by dateparser.

Our part is small: a cheap finder of candidates (a day, a word, a year: the word must stand
next to a day or a year) and the month words of each language taken from dateparser's own
language data (shipped inside the package; nothing is downloaded). A Cyrillic month is met in
every case form by the stem its listed forms share ("лютому" by "лют"). dateparser reads each
candidate in its language and refuses what is no date ("31 Şubat 2024"). A day without a year
is placed by ``place_day`` (the caller's rule: the last year the text stated, else the
publication date). English is left to ``patterns``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

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
_DAY_SUFFIX = r"(?:\.|er|-?(?:ci|cü|cı|cu|nci|ncı|üncü|inci))?"
_YEAR_WORD = r"(?:\s*(?:года|году|г\.|року|р\.|yılı|-?(?:ci|cü|cı|cu)\s+il))?"
_WORD = r"(?P<word>[^\W\d_]{3,12})\.?"
PlaceDay = Callable[[int, int, int], HistDate | None]
# language, month number, the form dateparser reads, whether it is the month's full name
type MonthWord = tuple[str, int, str, bool]


@cache
def _month_words() -> tuple[dict[str, MonthWord], dict[str, MonthWord]]:
    """(exact forms, Cyrillic stems): lower-cased month words of each language -> its month.

    A word two languages give different months is dropped."""
    from dateparser.languages.loader import default_loader

    exact: dict[str, MonthWord] = {}
    stems: dict[str, MonthWord] = {}
    clashes: set[str] = set()
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
    english = default_loader.get_locale("en").info
    clashes.update(f.lower() for name in _MONTHS for f in english[name])  # "may", "august"
    for clash in clashes:
        exact.pop(clash, None)
    return exact, stems


def _shared_prefix(words: list[str]) -> str:
    first, last = min(words), max(words)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


def month_of(word: str) -> MonthWord | None:
    """The month a word names in one of ``LANGUAGES``, with the form dateparser reads."""
    lower = word.lower().rstrip(".")
    exact, stems = _month_words()
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
    """Day first (a year may follow), and a month with a year."""
    day_first = re.compile(
        rf"(?=\d)(?<![\d.,:/-])(?P<day>\d{{1,2}}){_DAY_SUFFIX}\s+{_WORD}"
        rf"(?:,?\s+(?P<year>{_YEAR})(?![\d%]){_YEAR_WORD})?"
    )
    month_year = re.compile(rf"(?<![\w-]){_WORD},?\s+(?P<year>{_YEAR})(?![\d%]){_YEAR_WORD}")
    return day_first, month_year


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """A day and a word (a year may follow), then a word and a year. The second are found
    from their years (a digit is a cheap place to start; every word is not)."""
    day_first, month_year = _patterns()
    yield from day_first.finditer(text)
    for year in _year().finditer(text):
        lo = max(0, year.start() - 16)
        word = _word_before().search(text, lo, year.start())
        if word is not None:
            match = month_year.match(text, word.start())
            if match is not None:
                yield match


@cache
def _year() -> re.Pattern[str]:
    return re.compile(rf"(?=[12])(?<!\d){_YEAR}(?![\d%])")


@cache
def _word_before() -> re.Pattern[str]:
    return re.compile(r"[^\W\d_]{3,12}\.?,?\s+$")


def month_dates(text: str, place_day: PlaceDay) -> list[tuple[int, int, DateSpan | None]]:
    """``(start, end, span)`` of each date with a month name of ``LANGUAGES`` in ``text``;
    the span is None where the words are no date ("31 Şubat 2024"): the caller must not
    read anything else there, not even the year."""
    found: list[tuple[int, int, DateSpan | None]] = []
    read_ends: set[int] = set()  # a month and year read with its day (or refused with it)
    for match in _candidates(text):
        month = month_of(match["word"])
        if match.end() in read_ends or month is None or not (match["year"] or month[3]):
            continue  # without a year, an abbreviation ("ara", "sen") is a word
        end = match.end()
        if match.groupdict().get("day") is not None:
            read_ends.add(end)  # "31 Şubat 2024" is no date, nor is "Şubat 2024"
        if match["year"] is None and text[end - 1] == ".":
            end -= 1  # the full stop after "8 августа."
        found.append((match.start(), end, _span(match, month, place_day)))
    return found


def _span(match: re.Match[str], month: MonthWord, place_day: PlaceDay) -> DateSpan | None:
    day, year = match.groupdict().get("day"), match["year"]
    words = " ".join(w for w in (day, month[2], year) if w)
    read = read_date(month[0], words, bool(year))
    if read is None:
        return None
    if year is None:
        placed = place_day(match.start(), read.month, read.day)
        return None if placed is None else DateSpan(placed)
    if day is None:
        return DateSpan(HistDate(read.year, read.month))
    return DateSpan(HistDate(read.year, read.month, read.day))


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
