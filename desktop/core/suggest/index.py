"""An index from word keys to the event terms that use them (built once per set of events)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from desktop.core.suggest.events import EventInfo
from desktop.core.suggest.terms import Term, phrases_of, weigh


@dataclass(frozen=True)
class TermIndex:
    """Events, their weighted terms, and for each key the (event number, term) pairs using it."""

    events: tuple[EventInfo, ...]
    postings: dict[str, tuple[tuple[int, Term, int], ...]]

    def matches(self, sequence: list[str]) -> dict[int, list[Term]]:
        """Event number -> its terms found in ``sequence`` (the keys of a sentence in order):
        a one-word term anywhere, a longer one as neighbouring keys."""
        pairs: set[tuple[str, str]] | None = None
        found: dict[int, list[Term]] = {}
        for key in dict.fromkeys(sequence):  # in order: ties never depend on the hash seed
            for number, term, size in self.postings.get(key, ()):
                if size > 1:
                    if pairs is None:
                        pairs = set(zip(sequence, sequence[1:], strict=False))
                    if not all(p in pairs for p in zip(term.keys, term.keys[1:], strict=False)):
                        continue
                found.setdefault(number, []).append(term)
        return found


@lru_cache(maxsize=8)
def build_term_index(events: tuple[EventInfo, ...]) -> TermIndex:
    """Index ``events`` once; repeated calls with the same events reuse the result."""
    weighted = weigh(
        [
            (
                e.key,
                phrases_of(
                    e.title,
                    e.aliases,
                    [(actor, actor) for actor in e.actors]
                    + [(alias, actor) for actor, aliases in e.actor_aliases for alias in aliases],
                    e.tags,
                ),
            )
            for e in events
        ]
    )
    postings: dict[str, list[tuple[int, Term, int]]] = {}
    for number, entry in enumerate(weighted):
        for term in entry.terms:
            postings.setdefault(term.keys[0], []).append((number, term, len(term.keys)))
    return TermIndex(events, {k: tuple(v) for k, v in postings.items()})
