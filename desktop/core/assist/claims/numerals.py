"""Numbers as written in English, Russian and Ukrainian prose: digits and number words.

``tokens`` splits a sentence into words, digit groups and symbols with offsets; ``read_number``
reads the numeral starting at a token ("38", "1,200", "3.5 million", "thirty-eight",
"тридцать восемь", "двісті тисяч") and says how many tokens it used. Nothing here decides what
a number counts; that is ``extract``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from desktop.core.assist.claims.lexicon import NUMBER_WORDS, SCALES


@dataclass(frozen=True, slots=True)
class Token:
    """A word (lower-cased in ``norm``), a digit group or a symbol at ``[start, end)``."""

    start: int
    end: int
    text: str
    norm: str
    kind: str  # "num", "word" or "sym"


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number read from tokens ``[first, last]`` of a sentence."""

    first: int
    last: int
    value: float
    words: bool  # written in words rather than digits


@cache
def _token_re() -> re.Pattern[str]:
    return re.compile(
        r"(?P<num>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
        r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
        r"|(?P<sym>\S)"
    )


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` in order (apostrophes normalised to "'" in ``norm``)."""
    found = []
    for match in _token_re().finditer(text):
        kind = match.lastgroup or "sym"
        raw = match.group(0)
        norm = raw.lower().replace("’", "'").replace("ё", "е")
        found.append(Token(match.start(), match.end(), raw, norm, kind))
    return found


def digit_value(text: str) -> float | None:
    """The value of a digit group: "1,200" and "1 200" are 1200, "2,5" is 2.5."""
    compact = re.sub(r"[\u00a0\u202f ]", "", text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", compact):
        compact = compact.replace(",", "")
    compact = compact.replace(",", ".")
    try:
        return float(compact)
    except ValueError:
        return None


def _word_parts(token: Token) -> list[str] | None:
    """The number words of a token ("thirty-eight" -> two parts), or None if it is not one."""
    parts = token.norm.split("-")
    return parts if all(part in NUMBER_WORDS for part in parts) else None


def _scale(toks: list[Token], index: int) -> tuple[float, int] | None:
    """A scale word ("million", "тыс", "млн") at ``index`` (with a trailing full stop)."""
    if index >= len(toks) or toks[index].kind != "word":
        return None
    factor = SCALES.get(toks[index].norm)
    if factor is None:
        return None
    used = 1
    if index + 1 < len(toks) and toks[index + 1].text == "." and toks[index].norm in {"тыс", "млн"}:
        used = 2
    return factor, used


def read_number(toks: list[Token], index: int) -> Numeral | None:
    """The numeral starting at token ``index``, or None when there is none."""
    token = toks[index]
    if token.kind == "num":
        value = digit_value(token.text)
        if value is None:
            return None
        last = index
        scale = _scale(toks, index + 1)
        if scale is not None:
            value *= scale[0]
            last = index + scale[1]
        return Numeral(index, last, value, words=False)
    return _read_words(toks, index)


def _read_words(toks: list[Token], index: int) -> Numeral | None:
    total = 0.0
    current = 0.0
    last = -1
    position = index
    while position < len(toks):
        token = toks[position]
        parts = _word_parts(token) if token.kind == "word" else None
        if parts is None:
            if token.norm == "and" and last == position - 1 and _continues(toks, position + 1):
                position += 1
                continue
            break
        for part in parts:
            value, multiplies = NUMBER_WORDS[part]
            if multiplies and value >= 1000:
                total += max(current, 1.0) * value
                current = 0.0
            elif multiplies:
                current = max(current, 1.0) * value
            else:
                current += value
        last = position
        position += 1
    if last < 0:
        return None
    value = total + current
    if toks[index].norm in {"a", "an"} and last == index:
        return None
    return Numeral(index, last, value, words=True)


def _continues(toks: list[Token], index: int) -> bool:
    return index < len(toks) and toks[index].kind == "word" and _word_parts(toks[index]) is not None
