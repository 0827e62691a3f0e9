"""Read claims from a sentence: who counted what, with the hedge and the words as written.

A number becomes a claim only when a category word stands near it (killed, injured, troops,
tanks, a currency, a percent sign) with no other number in between; a number that is a label
("Flight 8243"), an age, a year or the day of a date never does. Hedges become bounds
("at least 38" -> low 38, hedge ``at-least``); vague quantities ("hundreds of thousands") are
kept as ``vague`` claims without any number. Dates with a year become date claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.assist.claims.dates import find_dates, month_words
from desktop.core.assist.claims.lexicon import (
    AGE_AFTER_STEMS,
    AGE_BEFORE,
    CASUALTIES,
    CURRENCIES,
    DURATIONS,
    EQUIPMENT,
    HEDGES,
    LABEL_WORDS,
    PERCENT,
    RANGE_JOINERS,
    RANGE_OPENERS,
    RISE_STEMS,
    TROOPS,
    VAGUE,
    YEARS_WORDS,
)
from desktop.core.assist.claims.numerals import Numeral, Token, read_number, tokens

_WINDOW = 7
_STOPS = frozenset({";", "(", ")"})


@dataclass(frozen=True, slots=True)
class FoundClaim:
    """A claim read at ``[start, end)`` of the text given to :func:`extract_claims`.

    ``category`` is a subject suffix: deaths, injured, missing, displaced, refugees, detained,
    troops, equipment, money, percent or date. ``hedge`` is exact, at-least, at-most, about or
    vague (no number: ``low`` and ``high`` are None). ``stated`` is the text as written.
    """

    start: int
    end: int
    category: str
    kind: str
    stated: str
    low: float | None = None
    high: float | None = None
    hedge: str = "exact"
    unit: str = ""
    date: str | None = None


@dataclass(frozen=True, slots=True)
class _Quantity:
    first: int  # first token of the hedge or number
    last: int
    low: float | None
    high: float | None
    hedge: str


def extract_claims(text: str, offset: int = 0) -> list[FoundClaim]:
    """Every claim in ``text`` (one sentence or more), in order; offsets shifted by ``offset``."""
    toks = tokens(text)
    dates = find_dates(toks)
    taken = {i for d in dates for i in range(d.first, d.last + 1)}
    found = [_date_claim(text, toks, d.first, d.last, d.edtf, offset) for d in dates]
    months = month_words(toks)
    ignored = taken | _glued_labels(toks)
    used: set[int] = set()  # category words already read with an earlier number
    i = 0
    while i < len(toks):
        quantity = None if i in ignored else _quantity(toks, i, months)
        if quantity is None:
            i += 1
            continue
        claim = _claim(text, toks, quantity, offset, ignored, used)
        if claim is not None:
            found.append(claim)
        i = quantity.last + 1
    return sorted(found, key=lambda c: (c.start, c.category))


def _glued_labels(toks: list[Token]) -> set[int]:
    """Digits written onto a name ("MH17", "Ан-24", "Su-25"): parts of a label."""
    found = set()
    for i in range(1, len(toks)):
        token, before = toks[i], toks[i - 1]
        if token.kind != "num" or before.end != token.start:
            continue
        if before.kind == "word" or before.text == "-" and i > 1 and toks[i - 2].kind == "word":
            found.add(i)
    return found


def _date_claim(
    text: str, toks: list[Token], first: int, last: int, edtf: str, offset: int
) -> FoundClaim:
    start, end = toks[first].start, toks[last].end
    return FoundClaim(start + offset, end + offset, "date", "date", text[start:end], date=edtf)


def _quantity(toks: list[Token], i: int, months: set[int]) -> _Quantity | None:
    if toks[i].norm in VAGUE and not _after_number(toks, i) and _hedge(toks, i)[1] == "exact":
        return _vague(toks, i)
    numeral = read_number(toks, i)
    if numeral is None or _is_trap(toks, numeral, months):
        return None
    high = numeral.value
    last = numeral.last
    upper = _range_end(toks, numeral)
    if upper is not None:
        high, last = upper.value, upper.last
    first, hedge = _hedge(toks, numeral.first)
    if upper is not None:
        hedge = "exact"
        if first == numeral.first and _word(toks, first - 1) in RANGE_OPENERS:
            first -= 1
    return _Quantity(first, last, numeral.value, high, hedge)


def _after_number(toks: list[Token], i: int) -> bool:
    return i > 0 and read_number(toks, i - 1) is not None


def _vague(toks: list[Token], i: int) -> _Quantity:
    last = i
    while _word(toks, last + 1) in ("of", "of") and _word(toks, last + 2) in VAGUE:
        last += 2
    if _word(toks, last + 1) in VAGUE:
        last += 1
    return _Quantity(i, last, None, None, "vague")


def _word(toks: list[Token], i: int) -> str:
    return toks[i].norm if 0 <= i < len(toks) else ""


def _range_end(toks: list[Token], numeral: Numeral) -> Numeral | None:
    joiner = numeral.last + 1
    if _word(toks, joiner) not in RANGE_JOINERS or joiner + 1 >= len(toks):
        return None
    upper = read_number(toks, joiner + 1)
    if upper is None or upper.value <= numeral.value:
        return None
    if _word(toks, joiner) in ("and", "и", "і", "to", "до"):
        opener = _word(toks, numeral.first - 1)
        if opener not in RANGE_OPENERS:
            return None
    return upper


def _hedge(toks: list[Token], first: int) -> tuple[int, str]:
    """The hedge just before token ``first``: (its first token, hedge), longest phrase first."""
    for size in (4, 3, 2, 1):
        start = first - size
        if start < 0:
            continue
        phrase = tuple(t.norm for t in toks[start:first])
        hedge = HEDGES.get(phrase)
        if hedge is None:
            continue
        if phrase == ("до",) and _word(toks, start - 1).startswith(RISE_STEMS):
            continue
        return start, hedge
    return first, "exact"


def _is_trap(toks: list[Token], numeral: Numeral, months: set[int]) -> bool:
    """A label, an age, a year, a time, an ordinal or the day of a date: not a count."""
    before, after = _word(toks, numeral.first - 1), _word(toks, numeral.last + 1)
    if before in LABEL_WORDS or before.startswith("№"):
        return True
    if after.startswith(DURATIONS) and not after.startswith(("года", "году")):
        return True
    if numeral.first - 1 in months or numeral.last + 1 in months:
        return True
    if _is_age(toks, numeral, before, after):
        return True
    token = toks[numeral.first]
    if token.kind == "num" and numeral.first == numeral.last:
        if re.fullmatch(r"(1[89]|20)\d\d", token.text) and not _counted_noun(after):
            return True
        if after in (":", "-й", "-го") or re.match(r"(st|nd|rd|th)$", after):
            return True
    return False


def _is_age(toks: list[Token], numeral: Numeral, before: str, after: str) -> bool:
    if before in AGE_BEFORE:
        return True
    if after == "-" and _word(toks, numeral.last + 2).startswith(AGE_AFTER_STEMS):
        return True
    if after.startswith(AGE_AFTER_STEMS) or after.lstrip("-").startswith(AGE_AFTER_STEMS):
        return True
    if after.startswith(YEARS_WORDS):
        following = _word(toks, numeral.last + 2)
        return following in ("old", "of") or before in ("возрасте", "віці")
    return False


def _counted_noun(word: str) -> bool:
    return _casualty(word) is not None or _is_troops(word) or _equipment(word) is not None


def _casualty(word: str) -> str | None:
    for category, (whole, stems) in CASUALTIES.items():
        if word in whole or (not word.isascii() and word.startswith(stems)):
            return category
    return None


def _is_troops(word: str) -> bool:
    whole, stems = TROOPS
    return word in whole or (not word.isascii() and word.startswith(stems))


def _equipment(word: str) -> str | None:
    for stem, unit in EQUIPMENT.items():
        if word == stem or (not word.isascii() and word.startswith(stem)):
            return unit
    return None


def _currency(word: str) -> str | None:
    for stem, code in CURRENCIES.items():
        if word == stem or (len(stem) > 3 and word.startswith(stem)):
            return code
    return None


def _claim(
    text: str, toks: list[Token], q: _Quantity, offset: int, ignored: set[int], used: set[int]
) -> FoundClaim | None:
    label = _direct_label(toks, q)
    if label is None:
        label = _nearby_category(toks, q, ignored, used)
    if label is None:
        return None
    category, unit, lo_tok, hi_tok = label
    used.add(lo_tok if lo_tok < q.first else hi_tok)
    start, end = toks[min(lo_tok, q.first)].start, toks[max(hi_tok, q.last)].end
    low, high = (q.low, q.high) if q.hedge != "vague" else (None, None)
    return FoundClaim(
        start + offset, end + offset, category, "number", text[start:end],
        low, high, q.hedge, unit,
    )  # fmt: skip


_Label = tuple[str, str, int, int]


def _direct_label(toks: list[Token], q: _Quantity) -> _Label | None:
    """Percent and money, written right at the number."""
    after = _word(toks, q.last + 1)
    if after == "%" or after.startswith(PERCENT):
        if after == "per" and _word(toks, q.last + 2) != "cent":
            return None
        last = q.last + (2 if after == "per" else 1)
        return ("percent", "percent", q.first, last)
    before = _word(toks, q.first - 1)
    if before in ("$", "€", "£", "₽", "₴") and q.hedge != "vague":
        return ("money", CURRENCIES[before], q.first - 1, q.last)
    for distance in (1, 2):
        code = _currency(_word(toks, q.last + distance))
        if code is not None:
            return ("money", code, q.first, q.last + distance)
    return None


def _nearby_category(
    toks: list[Token], q: _Quantity, ignored: set[int], used: set[int]
) -> _Label | None:
    """The nearest casualty word either side that no earlier number took ("38 were killed
    and 29 survived": 29 is not a death toll); else troops or equipment just after."""
    best: tuple[int, _Label] | None = None
    for step, edge in ((1, q.last), (-1, q.first)):
        for distance in range(1, _WINDOW + 1):
            index = edge + step * distance
            if not 0 <= index < len(toks) or _blocks(toks, index, ignored):
                break
            category = _casualty(toks[index].norm)
            if category is not None and index in used:
                break
            if category is not None:
                span = (index, q.last) if step < 0 else (q.first, index)
                if best is None or distance < best[0]:
                    best = (distance, (category, "people", *span))
                break
    if best is not None:
        return best[1]
    for distance in range(1, 4):
        index = q.last + distance
        if index >= len(toks) or _blocks(toks, index, ignored):
            break
        word = toks[index].norm
        if _is_troops(word):
            return ("troops", "soldiers", q.first, index)
        unit = _equipment(word)
        if unit is not None:
            return ("equipment", unit, q.first, index)
    return None


def _blocks(toks: list[Token], index: int, ignored: set[int]) -> bool:
    if index in ignored:
        return False
    token = toks[index]
    return token.text in _STOPS or token.kind == "num" or read_number(toks, index) is not None
