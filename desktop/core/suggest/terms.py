"""Word keys that meet across scripts and inflections, and event terms weighted by rarity.

A *key* is a word lower-cased, transliterated from Cyrillic to Latin and cut to its first five
letters, so "Казахстане", "Kazakhstan" and "Kazakh" share ``kazak``, and "Армения" meets
"Armenia"; words beginning with a prefix of unrelated words ("inter", "count") keep seven.
It is crude on purpose: names of places, actors and organisations are what links
a text to an event, and they survive this treatment; common words are weighted down by their
rarity among the library's events (an IDF weight), so "Russia" hardly counts while "Aktau" or
a flight number does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

_KEY = 5
_LONG_KEY = 7
# Latin prefixes that begin unrelated words: "intervention" is not "international", "counter"
# is not "country", "transit" is not "transport"; words beginning so keep seven letters
_PREFIXES = frozenset({"inter", "trans", "count", "contr", "const", "under"})
_COMMON = 0.35
_MIN_LIBRARY = 50  # a small library's rarities are no evidence: count it as this many
_CYRILLIC_LATIN = (
    "a b v g d e e zh z i j k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g u"
)
_CYRILLIC = dict(
    zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў", _CYRILLIC_LATIN.split(), strict=True)
)
_WORD = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")
# fmt: off
_STOP = frozenset({
    "the", "of", "and", "in", "on", "at", "to", "for", "from", "by", "with", "a", "an", "or",
    "its", "as", "is", "are", "was", "were", "be", "into", "over", "after", "before", "than",
    "that", "this", "new", "first", "second", "third", "two", "three", "four", "five",
    "launches", "signs", "sign", "signed", "joins", "join", "leave", "leaves", "says", "said",
    "between", "against", "during", "about", "who", "which", "their", "his", "her", "has",
    "have", "had", "not", "but", "also", "more", "most", "all", "one", "some", "other",
    "в", "во", "на", "и", "с", "со", "по", "за", "к", "от", "до", "из", "о", "об", "что", "не",
    "у", "та", "і", "й", "з", "із", "що", "для", "как", "это", "его", "её", "их",
})
# fmt: on


@lru_cache(maxsize=200_000)
def key_of(word: str) -> str:
    """The key of one word (see the module docstring); "" for a stop word."""
    lower = word.lower()
    if lower in _STOP:
        return ""
    latin = "".join(_CYRILLIC.get(ch, ch) for ch in lower).replace("_", "")
    latin = latin.replace("x", "ks").replace("ya", "ia").replace("iy", "i").replace("yi", "i")
    latin = latin.replace("ye", "e")
    if latin.isdigit():
        return latin if len(latin) >= 3 else ""
    if len(latin) < 2:
        return ""
    if len(latin) >= _KEY and latin[-1] in "aeiouy":
        latin = latin[:-1]  # "Крыма", "Крыму" meet "Крым"
    return latin[: _LONG_KEY if latin[:_KEY] in _PREFIXES else _KEY]


def keyed_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of each word of ``text[start:end]`` that has a key, in order."""
    found = ((m.start(), m.end(), key_of(m.group())) for m in _WORD.finditer(text, start, end))
    return [word for word in found if word[2]]


def keys_of(text: str) -> list[str]:
    """Keys of the words of ``text`` in order (stop words dropped)."""
    return [k for w in _WORD.findall(text) if (k := key_of(w))]


@dataclass(frozen=True, slots=True)
class Term:
    """A name an event is known by (a title word, an actor, a tag, an alias) and its keys."""

    label: str
    keys: tuple[str, ...]
    weight: float
    from_title: bool = False  # words of its title or a tag (what it is about), not a name
    name_of: str = ""  # the actor this names (its own name or another); one actor counts once


@dataclass(frozen=True, slots=True)
class EventTerms:
    key: str
    terms: tuple[Term, ...]


type Phrase = tuple[str, float, bool, str]


def phrases_of(
    title: str,
    names: Iterable[str],
    other_names: Iterable[tuple[str, str]] = (),
    topics: Iterable[str] = (),
) -> list[Phrase]:
    """``(phrase, factor, from title, name of)``: each name (alias) as one phrase at full
    weight, and each ``(name, actor)`` of ``other_names`` (the actor's own name first) as a
    phrase naming that actor; each topic (tag) at full weight but, like the title, saying
    what the event is about rather than naming it; each capitalised title word (a name) at
    full weight, other title words at a low one (common words), and each pair of
    neighbouring title words as a phrase."""
    words = [w for w in _WORD.findall(title) if key_of(w)]
    others = list(other_names)
    # a tag that repeats an actor's name ("turkey" beside the actor Turkey) is that actor
    actor_of = {tuple(keys_of(alias)): actor for alias, actor in others}
    found: list[Phrase] = [
        (n, 1.0, False, actor_of.get(tuple(keys_of(n)), "")) for n in names if keys_of(n)
    ]
    found += [(alias, 1.0, False, actor) for alias, actor in others if keys_of(alias)]
    found += [(t, 1.0, True, actor_of.get(tuple(keys_of(t)), "")) for t in topics if keys_of(t)]
    named = [
        w[0].isupper() and position > 0 or w[0].isdigit() or w.isupper()
        for position, w in enumerate(words)
    ]
    actor_keys = {k for alias, _ in others for k in keys_of(alias)}
    own = [named[i] and key_of(w) not in actor_keys for i, w in enumerate(words)]
    for position, word in enumerate(words):
        if not _YEAR.fullmatch(word):  # "Vostok 2022": a year is a date, never a name
            found.append((word, 1.0 if named[position] else _COMMON, True, ""))
        if position + 1 < len(words):
            # two common words ("air defence", "shot down") are common words together, and so
            # is an actor's word with a common one ("Russian troops"); two names are a name
            both = named[position] and named[position + 1]
            pair = 1.0 if both or own[position] or own[position + 1] else _COMMON
            found.append((f"{word} {words[position + 1]}", pair, True, ""))
        if position + 2 < len(words) and any(named[position : position + 3]):
            # three title words in a row with a name among them name the event ("invasion
            # of Ukraine" after "full-scale"), where a pair of an actor's word may not
            found.append((" ".join(words[position : position + 3]), 1.0, True, ""))
    return found


@cache
def _idf(df: int, n: int) -> float:
    return math.log((n + 1) / (df + 0.5))


def weigh(events: Sequence[tuple[str, list[Phrase]]]) -> list[EventTerms]:
    """Terms of each ``(event key, phrases)`` weighted by how few events use each key."""
    df: dict[str, int] = {}
    parsed: list[tuple[str, list[tuple[str, tuple[str, ...], float, bool, str]]]] = []
    for event_key, phrases in events:
        terms = [(p, tuple(dict.fromkeys(keys_of(p))), f, t, o) for p, f, t, o in phrases]
        terms = [term for term in terms if term[1]]
        parsed.append((event_key, terms))
        for key in {k for _, keys, _, _, _ in terms for k in keys}:
            df[key] = df.get(key, 0) + 1
    n = max(len(events), _MIN_LIBRARY)
    result = []
    for event_key, terms in parsed:
        seen: dict[tuple[str, ...], Term] = {}
        own: dict[str, float] = {}  # an actor's weight under its own name
        for label, keys, factor, from_title, name_of in terms:
            rarest = max(_idf(df[k], n) for k in keys)
            weight = factor * (rarest + 0.5 * (len(keys) - 1))
            if name_of == label:
                own[label] = weight
            elif name_of in own:
                weight = own[name_of]  # another name of the actor weighs as the actor
            if keys not in seen or seen[keys].weight < weight:
                seen[keys] = Term(label, keys, weight, from_title, name_of)
        result.append(EventTerms(event_key, tuple(seen.values())))
    return result
