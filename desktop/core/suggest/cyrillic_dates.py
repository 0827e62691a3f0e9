"""Dates written in Russian or Ukrainian: "25 декабря 2024 года", "у лютому 2022", "8 августа".

Month names are matched by their stems in every case form; the year may follow as
"2024 года" / "2022 року". A day without a year is placed by ``place_day`` (the caller's rule:
the last year the text stated, else the publication date).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from desktop.model.dates import DateSpan, HistDate

# fmt: off
_STEMS = (
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма[йяею]", 5), ("июн", 6),
    ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ("січ", 1), ("лют", 2), ("берез", 3), ("квіт", 4), ("трав", 5), ("черв", 6), ("лип", 7),
    ("серп", 8), ("верес", 9), ("жовт", 10), ("листопад", 11), ("груд", 12),
)
# fmt: on
_ANY_CYRILLIC = re.compile("[а-яіїєґё]", re.IGNORECASE)
PlaceDay = Callable[[int, int, int], HistDate | None]


@cache
def _pattern() -> re.Pattern[str]:
    months = "|".join(f"(?P<m{i}>{stem})" for i, (stem, _) in enumerate(_STEMS))
    return re.compile(
        rf"(?<![\w\d])(?:(?P<day>[12]\d|3[01]|0?[1-9])\s+)?(?:{months})[а-яіїєґё]*"
        rf"(?:\s+(?P<year>(?:1[5-9]|20)\d{{2}})(?:\s*(?:года|году|г\.|року|р\.))?)?(?![\w\d])",
        re.IGNORECASE,
    )


def cyrillic_dates(text: str, place_day: PlaceDay) -> list[tuple[int, int, DateSpan]]:
    """``(start, end, span)`` of each Russian or Ukrainian date expression in ``text``."""
    found: list[tuple[int, int, DateSpan]] = []
    if not _ANY_CYRILLIC.search(text):
        return found  # one quick scan spares the slow month pattern on Latin-script texts
    for match in _pattern().finditer(text):
        month = next(
            _STEMS[int(n[1:])][1] for n, v in match.groupdict().items() if n.startswith("m") and v
        )
        day, year = match["day"], match["year"]
        if year is None and day is None:
            continue
        try:
            if year is not None:
                date = HistDate(int(year), month, int(day)) if day else HistDate(int(year), month)
            else:
                placed = place_day(match.start(), month, int(day))
                if placed is None:
                    continue
                date = placed
        except ValueError:
            continue
        found.append((match.start(), match.end(), DateSpan(date)))
    return found
