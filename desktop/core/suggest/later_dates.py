"""A count of days, weeks or months after a date the text stated: "two days after", "a week
later", "через два дня", "спустя месяц", "через три дні".

Our part is one pattern that finds such an expression; the date it counts from is the last
date the text stated before it (the caller passes it), and dateparser counts ("in two days"
from that date). Nothing is found where no date was stated before. An expression that names
what it counts from ("three days after the AZAL crash", "через два дня после аннексии", "два
дня спустя после аннексии") counts from that, not from the last date stated: ``event_dates``
places it by the event the same passage links to.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from desktop.model.dates import DateSpan, HistDate, Precision

_EN_COUNT = r"\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_EN_UNIT = r"(?P<unit>day|week|month)s?"
_CY_COUNT = r"\d{1,2}|два|две|дві|три|четыре|чотири|пять|п['’ʼ]ять|шесть|шість|семь|сім|десять"
_ANY_CYRILLIC = re.compile("[а-яіїєґё]", re.IGNORECASE)
_CY_UNIT = r"(?:дн\w*|день|недел\w*|тиж\w*|месяц\w*|місяц\w*)"
_NOT_A_NAME = r"(?:that|this|it|which|what|we|they|he|she|you|all|them)\b"
# the start of an object after "after" / "после" / "після": the expression names what it
# counts from (a look-ahead: the expression itself ends at "after")
_EN_OBJECT = rf"(?P<named>(?=\s+(?:the\s+|an?\s+)?(?!{_NOT_A_NAME})[^\W\d_]))?"
_CY_OBJECT = r"(?P<named>(?=\s+(?:после|після)\s))?"
type Later = tuple[int, int, str, str, bool]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    english = re.compile(
        rf"(?=[0-9aotfsenAOTFSEN])(?<!\w)(?P<count>{_EN_COUNT})\s+{_EN_UNIT}"
        rf"\s+(?:later|afterwards|after\b{_EN_OBJECT})\b",
        re.IGNORECASE,
    )
    cyrillic = re.compile(
        rf"(?<!\w)(?:(?:через|спустя)\s+(?P<count>(?:{_CY_COUNT})\s+)?(?P<unit>{_CY_UNIT})"
        rf"|(?P<count_first>{_CY_COUNT})\s+(?P<unit_first>{_CY_UNIT})\s+спустя)(?!\w){_CY_OBJECT}",
        re.IGNORECASE,
    )
    return english, cyrillic


def later_expressions(text: str) -> list[Later]:
    """``(start, end, language, words dateparser reads, named)`` of each count after a date;
    ``named``: the words after it name what it counts from ("after the crash")."""
    english, cyrillic = _patterns()
    found = []
    folded = text.casefold()  # as wide as the patterns' IGNORECASE: "after" needs "after"
    for match in english.finditer(text) if "after" in folded or "later" in folded else ():
        unit = match["unit"].lower()
        count = match["count"].lower()
        plural = "" if count in ("a", "an", "one", "1") else "s"
        words = f"in {count} {unit}{plural}"
        found.append((match.start(), match.end(), "en", words, match["named"] is not None))
    for match in cyrillic.finditer(text) if _any_cyrillic(text) else ():
        count = match["count"] or match["count_first"] or ""
        words = " ".join(f"через {count} {match['unit'] or match['unit_first']}".lower().split())
        language = "uk" if re.search("[іїєґ'’ʼ]", words) else "ru"
        found.append((match.start(), match.end(), language, words, match["named"] is not None))
    return sorted(found)


def _any_cyrillic(text: str) -> bool:
    return not text.isascii() and _ANY_CYRILLIC.search(text) is not None


def count_from(anchor: HistDate, language: str, words: str) -> DateSpan | None:
    """The date ``words`` ("in two days") mean counted from ``anchor``, at the precision the
    anchor allows (a day needs a day); None when dateparser cannot count them."""
    if anchor.precision < Precision.MONTH or not 1000 <= anchor.year <= 2999:
        return None
    counted = _count(language, words)
    if counted is None:
        return None
    amount, in_months = counted
    if in_months:
        index = anchor.year * 12 + (anchor.month or 1) - 1 + amount
        return DateSpan(HistDate(index // 12, index % 12 + 1))
    if anchor.precision < Precision.DAY:
        return None
    assert anchor.month is not None and anchor.day is not None
    day = dt.date(anchor.year, anchor.month, anchor.day) + dt.timedelta(days=amount)
    return DateSpan(HistDate(day.year, day.month, day.day))


@lru_cache(maxsize=1024)
def _count(language: str, words: str) -> tuple[int, bool] | None:
    """(days, False) or (months, True) that dateparser counts in ``words``: counted once from
    a fixed day, so each expression costs one reading however many dates it follows."""
    import dateparser.date  # loaded on the first such expression only

    base = dt.datetime(2000, 1, 1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future", "PARSERS": ["relative-time"]}
    parser = dateparser.date.DateDataParser(languages=[language], settings=settings)
    data = parser.get_date_data(words)
    if data.date_obj is None:
        return None
    counted = data.date_obj.date()
    if data.period in ("month", "year"):
        return (counted.year - 2000) * 12 + counted.month - 1, True
    return (counted - base.date()).days, False
