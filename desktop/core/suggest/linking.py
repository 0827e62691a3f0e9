"""Suggest which events a document speaks of, with the passage and checkable reasons.

Evidence is the event's names found in the text: title words, actors, tags and aliases, each
weighted by how rare it is among the library's events (``terms``), matched across scripts and
inflections. Names found together in one sentence count fully, names scattered over other
sentences count less (``SPREAD``). Dates add to that evidence when they are compatible with
the event at its precision (the event's own day counts most; a day inside a long span counts
little), and a document whose stated years are all far from the event weakens it. A date
alone never links: an event needs names worth ``MIN_NAMES`` of weight. Page chrome never
counts (``units``). The passage is the sentence (or two) that names the event best; never a
headline, URL, caption or navigation line.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from desktop.core.suggest.date_expressions import DateKind, DateMention, find_date_expressions
from desktop.core.suggest.events import EventInfo
from desktop.core.suggest.index import TermIndex, build_term_index
from desktop.core.suggest.terms import Term, keyed_words, keys_of
from desktop.core.suggest.units import Unit, units_of
from desktop.model.dates import HistDate, Precision, from_day_number

MIN_NAMES = 3.0
SPREAD = 0.3  # names found in other sentences than the best one count this much
REFERENCE = 0.5  # a name an earlier event named in the same sentence has too
OWN_NAME = 2.5  # a term this heavy is a name of its own (a place, a flight), not "Russia"
NAMES_ALONE = 5.0
DATE_SUPPORT = 1.0
ACCEPT = 0.6
RELATIVE = 0.0
_SHORT = 70
_DAY_EXACT = 2.5
_SHORT_SPAN = 2.0
_LONG_SPAN = 0.4
_FAR_YEARS = 0.35
_LEDE_DATES = 10  # the document's first dates (dateline, lede) count for every event it names
_LEDE_FACTOR = 0.7


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed link: the passage ``[passage_start, passage_end)`` of the document speaks of
    event ``event_key``, with a confidence in 0..1 and the reasons, in words, behind it."""

    event_key: str
    passage_start: int
    passage_end: int
    confidence: float
    reasons: tuple[str, ...]


@dataclass
class _Evidence:
    names: dict[str, Term] = field(default_factory=dict)
    where: dict[str, int] = field(default_factory=dict)  # label -> first unit it is found in
    best_unit: int = -1
    best_weight: float = 0.0
    unit_names: float = 0.0
    unit_count: int = 0
    date: float = 0.0
    date_reason: str = ""


def suggest_links(
    doc_text: str,
    published: HistDate | None,
    events: Iterable[EventInfo],
    mentions: list[DateMention] | None = None,
) -> list[Suggestion]:
    """Rank the events ``doc_text`` speaks of, best first, at most one suggestion per event.

    Never suggests an event that begins after the document's horizon (its publication date,
    else its latest absolute date). Cost is linear in the text's length. ``mentions`` may
    pass the text's date expressions when the caller has found them already.
    """
    index = build_term_index(tuple(events))
    if not index.events:
        return []
    if mentions is None:
        mentions = find_date_expressions(doc_text, published)
    units = units_of(doc_text)
    dated = [(m, m.date.t_lo, m.date.t_hi) for m in mentions]  # each date's days worked out once
    found = _collect(doc_text, units, mentions, dated, index)
    lede = [d for d in dated if d[0].kind is DateKind.ABSOLUTE][:_LEDE_DATES]
    for number, evidence in found.items():
        date, reason = _date_evidence(doc_text, index.events[number], lede)
        if date * _LEDE_FACTOR > evidence.date:
            evidence.date, evidence.date_reason = date * _LEDE_FACTOR, reason
    horizon = _horizon(published, mentions)
    years = _stated_years(published, mentions)
    suggestions = []
    words: dict[int, list[tuple[int, int, str]]] = {}  # the keyed words of units quoted so far
    for number, evidence in found.items():
        event = index.events[number]
        if horizon is not None and event.t_lo >= horizon:
            continue
        made = _suggestion(doc_text, event, evidence, units, years, words)
        if made is not None:
            suggestions.append(made)
    if not suggestions:
        return []
    best = max(s.confidence for s in suggestions)
    kept = [s for s in suggestions if s.confidence >= RELATIVE * best]
    return sorted(kept, key=lambda s: (-s.confidence, s.passage_start))


type _Dated = tuple[DateMention, float, float]  # a date and its first and after-last day


def _collect(
    text: str, units: list[Unit], mentions: list[DateMention], dated: list[_Dated], index: TermIndex
) -> dict[int, _Evidence]:
    found: dict[int, _Evidence] = {}
    position = 0
    for number, unit in enumerate(units):
        while position < len(mentions) and mentions[position].end <= unit.start:
            position += 1
        after = position  # no slice of the rest: copying it for every sentence was quadratic
        while after < len(mentions) and mentions[after].start < unit.end:
            after += 1
        inside = dated[position:after]
        keys = keys_of(text[unit.start : unit.end])
        matched = index.matches(keys)
        for event_number, terms in _references_weakened(matched, index).items():
            evidence = found.get(event_number)
            if evidence is None:
                evidence = found[event_number] = _Evidence()
            for term in terms:
                known = evidence.names.get(term.label)
                if known is None or known.weight < term.weight:
                    evidence.names[term.label] = term
                evidence.where.setdefault(term.label, number)
            weight, kept = name_weight(terms)
            evidence.unit_names = max(evidence.unit_names, weight)
            evidence.unit_count = max(evidence.unit_count, len(kept))
            date, reason = (
                _date_evidence(text, index.events[event_number], inside) if inside else (0.0, "")
            )
            if date > evidence.date:
                evidence.date, evidence.date_reason = date, reason
            weight += date
            if unit.passage and weight > evidence.best_weight:
                evidence.best_unit, evidence.best_weight = number, weight
    return found


def _references_weakened(matched: dict[int, list[Term]], index: TermIndex) -> dict[int, list[Term]]:
    """The terms each event has in one sentence; words of its title or tags that name an
    earlier event found there too count only ``REFERENCE`` of their weight.

    A later event's title often names an earlier event ("a lawsuit over the AZAL crash",
    "sanctions over the annexation of Crimea"); where the sentence names that earlier event,
    those words speak of it, and the later event needs words of its own.
    """
    if len(matched) < 2:
        return matched
    result: dict[int, list[Term]] = {}
    for number, terms in matched.items():
        if not any(t.from_title for t in terms):
            result[number] = terms  # names only: nothing to weaken
            continue
        begins = index.events[number].t_lo
        earlier = {
            key
            for other, others in matched.items()
            if index.events[other].t_hi <= begins
            for term in others
            if term.weight >= OWN_NAME
            for key in term.keys
        }
        result[number] = [
            Term(t.label, t.keys, t.weight * REFERENCE, t.from_title, t.name_of)
            if t.from_title and earlier.intersection(t.keys)
            else t
            for t in terms
        ]
    return result


def _date_evidence(text: str, event: EventInfo, dated: Sequence[_Dated]) -> tuple[float, str]:
    best, reason = 0.0, ""
    span_days = event.t_hi - event.t_lo
    for mention, t_lo, t_hi in dated:
        if not (t_lo < event.t_hi and event.t_lo < t_hi):
            continue
        date = mention.date
        precision = date.last.precision
        one_day = t_hi - t_lo <= 1 or (t_lo, t_hi) == (event.t_lo, event.t_hi)
        if precision >= Precision.DAY and one_day and t_lo in (event.t_lo, event.t_hi - 1):
            weight, how = _DAY_EXACT, "= event day"
        elif (t_lo, t_hi) == (event.t_lo, event.t_hi) and mention.kind is DateKind.ABSOLUTE:
            # "in 1999" of an event known to the year: its date at its own precision
            weight, how = _SHORT_SPAN, "= event date"
        elif mention.kind is DateKind.RELATIVE and t_hi - t_lo > span_days:
            # "this week", "last month" around a shorter event: it may be any of its days
            weight, how = _LONG_SPAN, "around the event"
        elif precision >= Precision.MONTH and span_days <= 62:
            weight, how = _SHORT_SPAN, "within the event"
        elif precision >= Precision.YEAR and span_days <= 400 and t_hi - t_lo <= 366:
            weight, how = _LONG_SPAN + (0.6 if span_days <= 31 else 0.0), "same year"
        else:
            weight, how = _LONG_SPAN, "inside a long span"
        if mention.kind is DateKind.RELATIVE:
            weight *= 0.8
        if weight > best:
            written = " ".join(text[mention.start : mention.end].split())
            best, reason = weight, f"date: {written} ({date.display()}) {how}"
    return best, reason


def name_weight(terms: Iterable[Term]) -> tuple[float, tuple[Term, ...]]:
    """The weight of the names found, and those names, strongest first.

    A name inside a longer one found too counts once ("Karabakh" in "Nagorno-Karabakh"); the
    strongest counts fully, the next half, the rest a quarter, so many common names do not
    add up to one rare one."""
    found = tuple(terms)
    # the same few sets of names recur sentence after sentence: weigh each set once. Keyed by
    # the terms' identities (the index's own objects recur; hashing their values cost more
    # than weighing); an entry holds its terms alive, so no id in a kept key names another
    key = tuple(map(id, found))
    known = _WEIGHED.get(key)
    if known is not None:
        return known[1]
    if len(_WEIGHED) >= _WEIGHED_MAX:
        _WEIGHED.clear()
    weighed = _name_weight(found)
    _WEIGHED[key] = (found, weighed)
    return weighed


_WEIGHED_MAX = 4096
_WEIGHED: dict[tuple[int, ...], tuple[tuple[Term, ...], tuple[float, tuple[Term, ...]]]] = {}


def _name_weight(found: tuple[Term, ...]) -> tuple[float, tuple[Term, ...]]:
    kept = [t for t in found if not any(set(t.keys) < set(o.keys) for o in found)]
    heaviest: dict[str, Term] = {}  # an actor named twice ("Russia", "Россия") counts once
    for term in sorted(kept, key=lambda t: t.label):  # ties never depend on the set order
        name = term.name_of or term.label
        if name not in heaviest or heaviest[name].weight < term.weight:
            heaviest[name] = term
    ranked = sorted(heaviest.values(), key=lambda t: (-t.weight, t.label))
    factors = [1.0, 0.5]
    total = sum(t.weight * (factors[i] if i < 2 else 0.25) for i, t in enumerate(ranked))
    return total, tuple(ranked)


def _suggestion(
    text: str,
    event: EventInfo,
    evidence: _Evidence,
    units: list[Unit],
    years: set[int],
    words: dict[int, list[tuple[int, int, str]]],
) -> Suggestion | None:
    whole, ranked = name_weight(evidence.names.values())
    names = evidence.unit_names + SPREAD * max(0.0, whole - evidence.unit_names)
    if evidence.best_unit < 0 or names < MIN_NAMES:
        return None
    if names < NAMES_ALONE and evidence.date < DATE_SUPPORT:
        return None
    if evidence.date < DATE_SUPPORT and all(t.name_of for t in ranked):
        return None  # actors alone ("Erdoğan", "Turkey") name many events, none in particular
    if evidence.date < _SHORT_SPAN and not any(_own_name(t) for t in ranked):
        # topics ("war", "diplomacy") and one actor link nothing, even with a year; two
        # actors of the event with its year may ("Russia", "Georgia" and "2008")
        actors = {t.name_of for t in ranked if t.name_of}
        if evidence.date < DATE_SUPPORT or len(actors) < 2:
            return None
    if names < NAMES_ALONE and evidence.date < _SHORT_SPAN and evidence.unit_count < 2:
        return None  # one name and a year: "Tashkent ... 1992" is not the 1992 treaty
    score = names + evidence.date
    if years and not _near(event, years):
        score *= _FAR_YEARS
    confidence = 1.0 - math.exp(-score / 4.0)
    if confidence < ACCEPT:
        return None
    start, end = _passage(text, units, evidence.best_unit)
    written = (_as_written(text, units, evidence.where[t.label], t, words) for t in ranked[:6])
    reasons = ["names: " + ", ".join(dict.fromkeys(written))]
    if evidence.date_reason:
        reasons.append(evidence.date_reason)
    return Suggestion(event.key, start, end, round(min(confidence, 0.99), 3), tuple(reasons))


def _as_written(
    text: str,
    units: list[Unit],
    number: int,
    term: Term,
    keyed: dict[int, list[tuple[int, int, str]]],
) -> str:
    """The words of unit ``number`` that ``term`` was found as ("Aktau" where the event's
    alias is "Актау", "Пашиняна" for the actor Nikol Pashinyan), else the term's own label.
    ``keyed`` keeps each unit's keyed words for the next term quoted from it."""
    words = keyed.get(number)
    if words is None:
        unit = units[number]
        words = keyed[number] = keyed_words(text, unit.start, unit.end)
    size = len(term.keys)
    for i in range(len(words) - size + 1):
        if all(words[i + j][2] == term.keys[j] for j in range(size)):
            return text[words[i][0] : words[i + size - 1][1]]
    return term.label


def _own_name(term: Term) -> bool:
    """A name the event has of its own: an alias, a capitalised word or a number of its title
    or tags ("Aktau", "8243"), a rare other name of an actor ("AZAL"); not an actor's own
    name, not a common word ("war")."""
    if term.name_of:
        # "AZAL" is a name of its own; "Tokayev", a word of the actor's name, is the actor
        own = term.name_of != term.label and not set(term.keys) <= _name_keys(term.name_of)
        return own and term.weight >= OWN_NAME and not term.from_title
    return not term.from_title or any(
        w[:1].isupper() or w[:1].isdigit() for w in term.label.split()
    )


@lru_cache(maxsize=4096)
def _name_keys(name: str) -> frozenset[str]:
    return frozenset(keys_of(name))


def _passage(text: str, units: list[Unit], number: int) -> tuple[int, int]:
    """The best sentence, with the next one when it is short and in the same paragraph."""
    unit = units[number]
    end = unit.end
    following = units[number + 1] if number + 1 < len(units) else None
    if (
        unit.end - unit.start < _SHORT
        and following is not None
        and following.passage
        and "\n\n" not in text[unit.end : following.start]
    ):
        end = following.end
    return unit.start, end


def _horizon(published: HistDate | None, mentions: list[DateMention]) -> float | None:
    """The day after which the document cannot report anything (None: unknown)."""
    if published is not None:
        return published.end_day()
    absolute = [m.date.t_hi for m in mentions if m.kind is DateKind.ABSOLUTE]
    return max(absolute) if absolute else None


def _stated_years(published: HistDate | None, mentions: list[DateMention]) -> set[int]:
    years = {m.date.last.year for m in mentions if m.kind is DateKind.ABSOLUTE}
    years |= {m.date.start.year for m in mentions if m.kind is DateKind.ABSOLUTE}
    if published is not None:
        years.add(published.year)
    return years


def _near(event: EventInfo, years: set[int]) -> bool:
    first = from_day_number(event.t_lo)[0]
    last = from_day_number(event.t_hi - 1)[0]
    return any(first - 1 <= year <= last + 1 for year in years)
