"""Dates written in a sentence, in English, Russian and Ukrainian, at day or month precision.

"25 December 2024", "December 25, 2024", "25 декабря 2024 года", "25 грудня 2024 р.",
"25.12.2024", "2024-12-25", "February 2022", "в феврале 2022" (month precision, stem match). A
bare year is not a date claim. The tokens a date uses are reported so no count reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.assist.claims.lexicon import MONTHS
from desktop.core.assist.claims.numerals import Token

_SLAVIC_MONTH_STEMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12, "січн": 1, "лют": 2, "березн": 3,
    "квітн": 4, "травн": 5, "червн": 6, "липн": 7, "серпн": 8, "вересн": 9, "жовтн": 10,
    "листопад": 11, "грудн": 12,
}  # fmt: skip
_PREPOSITIONAL_ENDINGS = ("е", "ому", "і")  # "в феврале", "у лютому", "в березні"


@dataclass(frozen=True, slots=True)
class DateFound:
    first: int
    last: int
    edtf: str


def _year(token: Token | None) -> int | None:
    if token is None or token.kind != "num" or not re.fullmatch(r"\d{4}", token.text):
        return None
    year = int(token.text)
    return year if 1800 <= year <= 2100 else None


def _day(token: Token | None) -> int | None:
    if token is None or token.kind != "num" or not re.fullmatch(r"\d{1,2}", token.text):
        return None
    day = int(token.text)
    return day if 1 <= day <= 31 else None


def _month(token: Token | None, *, prepositional: bool = False) -> int | None:
    """The month a word names; "в феврале"/"у лютому" (prepositional) only when asked."""
    if token is None or token.kind != "word":
        return None
    if token.norm in MONTHS:
        english = token.norm.isascii()
        return MONTHS[token.norm] if not english or token.text[0].isupper() else None
    if prepositional and token.norm == "мае":
        return 5
    if prepositional and token.norm.endswith(_PREPOSITIONAL_ENDINGS):
        for stem, number in _SLAVIC_MONTH_STEMS.items():
            rest = token.norm[len(stem) :]
            if token.norm.startswith(stem) and rest in _PREPOSITIONAL_ENDINGS and len(stem) > 2:
                return number
    return None


def _at(toks: list[Token], index: int) -> Token | None:
    return toks[index] if 0 <= index < len(toks) else None


def _skip_year_word(toks: list[Token], index: int) -> int:
    """The last token of a year written with its word ("2024 года", "2024 р.")."""
    word = _at(toks, index + 1)
    if word is not None and word.norm in ("года", "году", "год", "г", "року", "рік", "р"):
        dot = _at(toks, index + 2)
        short = word.norm in ("г", "р")
        return index + 2 if short and dot is not None and dot.text == "." else index + 1
    return index


def _numeric(toks: list[Token], i: int) -> DateFound | None:
    token = toks[i]
    if not token.text[:1].isdigit():  # both forms begin with digits
        return None
    iso = re.fullmatch(r"(\d{4})", token.text)
    if iso and _at(toks, i + 1) is not None and _at(toks, i + 2) is not None:
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", "".join(t.text for t in toks[i : i + 5]))
        if match:
            return DateFound(i, i + 4, match.group(0))
    joined = "".join(t.text for t in toks[i : i + 3])
    match = re.fullmatch(r"(\d{1,2})\.(\d{2})\.(\d{4})", joined)
    if match and 1 <= int(match[2]) <= 12:
        return DateFound(i, i + 2, f"{match[3]}-{match[2]}-{int(match[1]):02d}")
    return None


def find_dates(toks: list[Token]) -> list[DateFound]:
    """Dates with a year, in order, none overlapping."""
    found: list[DateFound] = []
    i = 0
    while i < len(toks):
        date = _date_at(toks, i)
        if date is None:
            i += 1
            continue
        found.append(date)
        i = date.last + 1
    return found


def _date_at(toks: list[Token], i: int) -> DateFound | None:
    numeric = _numeric(toks, i)
    if numeric is not None:
        return numeric
    day, month = _day(toks[i]), _month(_at(toks, i + 1))
    if day is not None and month is not None:  # 25 December 2024
        year = _year(_at(toks, i + 2))
        if year is None:
            return None
        return DateFound(i, _skip_year_word(toks, i + 2), f"{year}-{month:02d}-{day:02d}")
    month = _month(toks[i]) or _month(toks[i], prepositional=True)
    if month is None:
        return None
    day = _day(_at(toks, i + 1))
    if day is not None:  # December 25, 2024
        comma = 1 if (_at(toks, i + 2) or toks[i]).text == "," else 0
        year = _year(_at(toks, i + 2 + comma))
        if year is not None:
            return DateFound(i, i + 2 + comma, f"{year}-{month:02d}-{day:02d}")
        return None
    year = _year(_at(toks, i + 1))
    if year is not None:  # February 2022
        return DateFound(i, _skip_year_word(toks, i + 1), f"{year}-{month:02d}")
    return None


def month_words(toks: list[Token]) -> set[int]:
    """Tokens that name a month (so a day next to one is never a count)."""
    return {i for i, t in enumerate(toks) if _month(t) is not None}
