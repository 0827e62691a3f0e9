"""Events as the suggester sees them, and an index from word stems to the events they name."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from desktop.core.suggest.sentences import words

# fmt: off
_STOPWORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "as", "is", "are", "was", "were", "be", "been", "its", "it", "his", "her", "their",
    "this", "that", "these", "those", "into", "over", "after", "before", "during", "against",
    "between", "about", "new", "first", "second", "third", "'s", "s",
})
# fmt: on
_MIN_STEM = 5


@dataclass(frozen=True, slots=True)
class EventInfo:
    """An event to look for: a key, a title, its span ``[t_lo, t_hi)`` in day numbers, the
    actors involved, free tags and aliases (other names, in any language or script). The
    title, actors, tags and aliases are matched as words. ``actor_aliases`` gives other names
    of actors (actor, its aliases): they count as that actor, never on top of it."""

    key: str
    title: str
    t_lo: float
    t_hi: float
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    actor_aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class EventTerms:
    """The stems an event is recognised by: title stems (each with the word it came from),
    and ``(name, stems)`` for each actor and tag."""

    title: dict[str, str]
    actors: tuple[tuple[str, tuple[str, ...]], ...]
    tags: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class EventIndex:
    """Events with their terms, plus every stem any of them uses (for fast word lookup)."""

    events: tuple[EventInfo, ...]
    terms: tuple[EventTerms, ...]
    stems: frozenset[str] = field(default_factory=frozenset)


def stem(word: str) -> str:
    """A crude stem: drop one final vowel of a long word, so "Ukraine" meets "Ukrainian"."""
    if len(word) > _MIN_STEM and word[-1] in "aeiouy":
        return word[:-1]
    return word


def stems_of(phrase: str) -> tuple[str, ...]:
    """Stems of the meaningful words of ``phrase`` (stop words and bare numbers dropped)."""
    return tuple(
        stem(w) for w in words(phrase.replace("-", " ")) if w not in _STOPWORDS and len(w) > 1
    )


def word_stems(word: str) -> list[str]:
    """Stems a text word may match: itself, its singular, and its prefixes of five letters
    or more (a long term matches words it begins, "invasion" in "invasions")."""
    found = [word, stem(word)]
    if word.endswith("s"):
        found.append(word[:-1])
    found.extend(word[:n] for n in range(_MIN_STEM, len(word)))
    return found


@lru_cache(maxsize=8)
def build_index(events: tuple[EventInfo, ...]) -> EventIndex:
    """Index ``events`` once; repeated calls with the same events reuse the result."""
    terms = tuple(
        EventTerms(
            title={stem_: word for word in event.title.split() for stem_ in stems_of(word)},
            actors=_named_stems(event.actors),
            tags=_named_stems(event.tags),
        )
        for event in events
    )
    every: set[str] = set()
    for term in terms:
        every.update(term.title)
        for _, group in (*term.actors, *term.tags):
            every.update(group)
    return EventIndex(events, terms, frozenset(every))


def _named_stems(names: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((name, stems) for name in names if (stems := stems_of(name)))
