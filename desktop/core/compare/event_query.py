"""Find an event from what a researcher types: its key, or words of its title, aliases, actors,
tags, places or summary.

Each word of the query is looked for in the event's fields, fuzzily (rapidfuzz), and counts by
where it is found: title and aliases weigh most, actors, tags and the start year less, the summary
(where places and details live) least. An event matches when enough of the query's words are
found anywhere. When several events match about equally well the query is ambiguous: the caller
lists them and asks, unless told to take the first. Pure: reads and writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from db.records import EventRecord

MATCH_SHARE = 0.75
WORD_CUTOFF = 80.0
MIN_WORD = 2
CLOSE_CUTOFF = 50.0
CLOSE_LIMIT = 5
AMBIGUOUS_GAP = 0.15
WEIGHTS = {"title": 3.0, "aliases": 3.0, "actors": 2.0, "tags": 2.0, "year": 2.0, "summary": 1.0}


class EventNotFoundError(LookupError):
    """No event has the given key or matches the words; ``close_titles`` are the nearest."""

    def __init__(self, query: str, close_titles: Sequence[str]) -> None:
        self.query = query
        self.close_titles = tuple(close_titles)
        listed = "; ".join(close_titles)
        hint = f" Close titles: {listed}." if close_titles else " No title comes close."
        super().__init__(f"No event matches {query!r}.{hint}")


class AmbiguousEventError(LookupError):
    """Several events match about equally well; ``matches`` are the best, best first."""

    def __init__(self, query: str, matches: Sequence[EventMatch], total: int) -> None:
        self.query = query
        self.matches = tuple(matches)
        self.total = total
        listed = "; ".join(f"{m.event.title} [{m.event.key}]" for m in matches)
        best = "" if total <= len(matches) else f", the best {len(matches)}"
        super().__init__(
            f"{query!r} matches {total} events{best}: {listed}. "
            "Give an event key or more words, or take the best with --first."
        )


@dataclass(frozen=True, slots=True)
class EventMatch:
    """How well a query names one event: the share of its words found, a 0–1 score weighted by
    where they were found, and the fields they were found in."""

    event: EventRecord
    share: float
    score: float
    found_in: tuple[str, ...]


def _words(text: str) -> list[str]:
    return [w for w in utils.default_process(text).split() if len(w) > MIN_WORD or w.isdigit()]


def _fields(event: EventRecord) -> dict[str, list[str]]:
    aliases: Iterable[str] = getattr(event, "aliases", ())  # present once events carry aliases
    return {
        "title": _words(event.title),
        "aliases": _words(" ".join(aliases)),
        "actors": _words(" ".join(event.actors)),
        "tags": _words(" ".join(event.tags).replace("-", " ")),
        "year": [event.start[:4]],
        "summary": _words(event.summary),
    }


def _found(word: str, haystack: list[str]) -> bool:
    if not haystack:
        return False
    if word.isdigit():
        return word in haystack
    return (
        process.extractOne(word, haystack, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF) is not None
    )


def match_event(query: str, event: EventRecord) -> EventMatch:
    """How well ``query`` names ``event`` (share and score 0 when it has no usable word)."""
    wanted = _words(query)
    if not wanted:
        return EventMatch(event, 0.0, 0.0, ())
    fields = _fields(event)
    total, found, where = 0.0, 0, set()
    for word in wanted:
        hits = [name for name, words in fields.items() if _found(word, words)]
        if hits:
            found += 1
            best = max(hits, key=WEIGHTS.__getitem__)
            total += WEIGHTS[best]
            where.add(best)
    top_weight = max(WEIGHTS.values())
    found_in = tuple(name for name in WEIGHTS if name in where)
    return EventMatch(event, found / len(wanted), total / (top_weight * len(wanted)), found_in)


def _rank_key(m: EventMatch) -> tuple[float, float, bool, int, float, str]:
    e = m.event
    return (-m.share, -m.score, e.context, e.importance, e.t_lo, e.key)


def rank_events(query: str, events: Sequence[EventRecord]) -> list[EventMatch]:
    """Events matching ``query`` (share at least ``MATCH_SHARE``), best first: share, score,
    then main events before context, more important first, earlier first."""
    matches = [match_event(query, e) for e in events]
    return sorted((m for m in matches if m.share >= MATCH_SHARE), key=_rank_key)


def find_event(query: str, events: Sequence[EventRecord], first: bool = False) -> EventRecord:
    """The event whose key is ``query`` exactly, else the one the words name best.

    Raises ``AmbiguousEventError`` when others match within ``AMBIGUOUS_GAP`` of the best, or at
    all for a one-word query (unless ``first``), and ``EventNotFoundError`` with up to
    ``CLOSE_LIMIT`` close titles when none does.
    """
    for event in events:
        if event.key == query:
            return event
    ranked = rank_events(query, events)
    if not ranked:
        raise EventNotFoundError(query, _close_titles(query, events))
    best = ranked[0]
    gap = AMBIGUOUS_GAP if len(_words(query)) > 1 else 1.0  # one word may name many events
    rivals = [m for m in ranked if m.share == best.share and m.score >= best.score - gap]
    if len(rivals) > 1 and not first:
        raise AmbiguousEventError(query, rivals[:CLOSE_LIMIT], len(rivals))
    return best.event


def _close_titles(query: str, events: Sequence[EventRecord]) -> list[str]:
    scored = [
        (match_event(query, e), fuzz.WRatio(query, e.title, processor=utils.default_process))
        for e in events
    ]
    close = [(m, whole) for m, whole in scored if m.share > 0 or whole >= CLOSE_CUTOFF]
    close.sort(key=lambda pair: (-pair[0].share, -pair[1], pair[0].event.t_lo))
    return [m.event.title for m, _ in close[:CLOSE_LIMIT]]
