"""Relative dates in Russian and Ukrainian ("вчера", "в прошлый вторник", "минулого тижня",
"три дня назад"), resolved by dateparser against the publication date.

Our part is small: one pattern that finds where such an expression stands in the text, and a
weekday written in any case form turned into the one form dateparser reads ("минулого
вівторка" -> "вівторок"). dateparser (its language data ships inside the package; nothing is
downloaded) says which day, week, month or year the words mean, counted back from the
publication date. An expression it cannot place, or that lands after the publication date or
before the year 1000, is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from desktop.model.dates import DateSpan, HistDate, Precision

_EARLIEST_YEAR = 1000
_UK_LETTERS = re.compile("[іїєґ'’ʼ]", re.IGNORECASE)
_ANY_CYRILLIC = re.compile("[а-яіїєґё]", re.IGNORECASE)

# (pattern of the forms met after "в/у" or "прошлый/минулого", form dateparser reads)
_WEEKDAYS = (
    ("понедельник[а]?", "понедельник"),
    ("вторник[а]?", "вторник"),
    ("сред[уы]", "среду"),
    ("четверг[а]?", "четверг"),
    ("пятниц[уы]", "пятницу"),
    ("суббот[уы]", "субботу"),
    ("воскресень[ея]", "воскресенье"),
    ("понеділ(?:ок|ка)", "понеділок"),
    ("вівтор(?:ок|ка)", "вівторок"),
    ("серед[уи]", "середу"),
    ("четвер(?:га)?", "четвер"),
    ("п['’ʼ]?ятниц[юі]", "п'ятницю"),
    ("субот[уи]", "суботу"),
    ("неділ[юі]", "неділю"),
)
_LAST = r"(?:прошл|минул)\w*"
_UNIT = r"(?:недел\w*|тижн\w*|тиждень|месяц\w*|місяц\w*|году|год|року|рік)"
_COUNT = (
    r"\d{1,3}|одн\w*|один|два|две|дві|три|четыре|чотири|пять|п['’ʼ]ять|шесть|шість|семь|сім"
    r"|восемь|вісім|девять|дев['’ʼ]ять|десять"
)
_AGO_UNIT = r"(?:дн\w*|день|недел\w*|тижн\w*|тиждень|месяц\w*|місяц\w*|год\w*|лет|рок\w*|рік)"


@cache
def _pattern() -> re.Pattern[str]:
    weekday = "|".join(f"(?P<w{i}>{form})" for i, (form, _) in enumerate(_WEEKDAYS))
    return re.compile(
        r"(?<!\w)(?:"
        r"(?P<day>позавчера|позавчора|вчера|вчора|сегодня|сьогодні)"
        rf"|(?:(?:во|в|у)\s+(?:{_LAST}\s+)?|{_LAST}\s+)(?:{weekday})"
        rf"|(?P<unit>(?:(?:на|в|у)\s+)?(?:{_LAST}|эт\w+|цього|цієї|цьому)\s+{_UNIT})"
        rf"|(?P<ago>(?:(?:{_COUNT})\s+)?{_AGO_UNIT}\s+(?:назад|тому))"
        r"|(?P<lastyear>торік|торiк)"
        r")(?!\w)",
        re.IGNORECASE,
    )


def cyrillic_relative_dates(text: str, published: HistDate) -> list[tuple[int, int, DateSpan]]:
    """``(start, end, span)`` of each Russian or Ukrainian relative date in ``text`` that
    dateparser places; nothing when ``published`` is not a day (a week back needs one)."""
    if published.precision < Precision.DAY or text.isascii() or not _ANY_CYRILLIC.search(text):
        return []
    assert published.month is not None and published.day is not None
    base = (published.year, published.month, published.day)
    found = []
    for match in _pattern().finditer(text):
        span = resolve(_words_for_dateparser(match), base)
        if span is not None:
            found.append((match.start(), match.end(), span))
    return found


def _words_for_dateparser(match: re.Match[str]) -> str:
    for name, value in match.groupdict().items():
        if value and name.startswith("w") and name[1:].isdigit():
            return _WEEKDAYS[int(name[1:])][1]
    return " ".join(match.group(0).lower().split())


@lru_cache(maxsize=4096)
def resolve(words: str, base: tuple[int, int, int]) -> DateSpan | None:
    """The span ``words`` (one relative expression) mean, counted back from the day ``base``
    (year, month, day); None when dateparser cannot place them or the result is absurd."""
    import dateparser.date  # loaded on the first Cyrillic relative date only

    first = "uk" if _UK_LETTERS.search(words) else "ru"
    published = dt.datetime(*base, 12)
    settings = {"RELATIVE_BASE": published, "PREFER_DATES_FROM": "past"}
    for language in (first, "ru" if first == "uk" else "uk"):
        parser = dateparser.date.DateDataParser(languages=[language], settings=settings)
        data = parser.get_date_data(words)
        if data.date_obj is not None:
            return _span(data.date_obj.date(), data.period or "day", published.date())
    return None


def _span(day: dt.date, period: str, published: dt.date) -> DateSpan | None:
    if day > published or day.year < _EARLIEST_YEAR:
        return None
    if period == "year":
        return DateSpan(HistDate(day.year))
    if period == "month":
        return DateSpan(HistDate(day.year, day.month))
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        sunday = monday + dt.timedelta(days=6)
        return DateSpan(
            HistDate(monday.year, monday.month, monday.day),
            HistDate(sunday.year, sunday.month, sunday.day),
        )
    return DateSpan(HistDate(day.year, day.month, day.day))
