"""Suggest which events a document speaks of, and the sentence that shows it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.dates import HistDate, Precision
from desktop.core.suggest.date_expressions import DateKind, DateMention, find_date_expressions
from desktop.core.suggest.events import EventIndex, EventInfo, EventTerms, build_index, word_stems
from desktop.core.suggest.sentences import Sentence, split_sentences, words

_DATE_WEIGHT = {Precision.DAY: 0.45, Precision.MONTH: 0.35, Precision.YEAR: 0.2}
_RELATIVE_FACTOR = 0.8
_ACCEPT = 0.3


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed link: the passage ``[passage_start, passage_end)`` of the document speaks of
    event ``event_key``, with a confidence in 0..1 and the reasons, in words, behind it."""

    event_key: str
    passage_start: int
    passage_end: int
    confidence: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Unit:
    sentence: Sentence
    stems: frozenset[str]
    dates: tuple[DateMention, ...]


def suggest_links(
    doc_text: str, published: HistDate | None, events: Iterable[EventInfo]
) -> list[Suggestion]:
    """Rank the events ``doc_text`` speaks of, best first, at most one suggestion per event.

    Only ``doc_text`` is read (pass the article body, not page chrome). An event is suggested
    when a sentence names a date inside the event's span together with one of its terms, names
    its exact day, or names several of its terms; and never when the document's own horizon
    (its publication date, else its latest date) lies before the event, nor when the document
    gives no date at all. The passage is the best sentence.
    """
    index = build_index(tuple(events))
    mentions = find_date_expressions(doc_text, published)
    horizon = _horizon(published, mentions)
    if horizon is None or not index.events:
        return []
    units = _units(doc_text, mentions, index)
    found = []
    for event, terms in zip(index.events, index.terms, strict=True):
        if event.t_lo >= horizon:
            continue
        best = _best_unit(doc_text, event, terms, units)
        if best is not None:
            found.append(best)
    return sorted(found, key=lambda s: (-s.confidence, s.passage_start))


def _horizon(published: HistDate | None, mentions: list[DateMention]) -> float | None:
    """The day after which the document cannot report anything."""
    if published is not None:
        return published.end_day()
    absolute = [m.date.t_hi for m in mentions if m.kind is DateKind.ABSOLUTE]
    return max(absolute) if absolute else None


def _units(text: str, mentions: list[DateMention], index: EventIndex) -> list[_Unit]:
    units = []
    position = 0
    for sentence in split_sentences(text):
        while position < len(mentions) and mentions[position].end <= sentence.start:
            position += 1
        inside = []
        for mention in mentions[position:]:
            if mention.start >= sentence.end:
                break
            inside.append(mention)
        stems = {s for w in words(text[sentence.start : sentence.end]) for s in word_stems(w)}
        units.append(_Unit(sentence, frozenset(stems & index.stems), tuple(inside)))
    return units


def _best_unit(
    text: str, event: EventInfo, terms: EventTerms, units: list[_Unit]
) -> Suggestion | None:
    best: Suggestion | None = None
    for unit in units:
        if not unit.stems and not unit.dates:
            continue
        score, reasons = _score(text, event, terms, unit)
        if score >= _ACCEPT and (best is None or score > best.confidence):
            best = Suggestion(
                event.key, unit.sentence.start, unit.sentence.end, round(score, 3), reasons
            )
    return best


def _score(
    text: str, event: EventInfo, terms: EventTerms, unit: _Unit
) -> tuple[float, tuple[str, ...]]:
    reasons: list[str] = []
    date_weight = _date_score(text, event, unit, reasons)
    title = terms.title.keys() & unit.stems
    actors = [name for name, stems in terms.actors if unit.stems.issuperset(stems)]
    tags = [name for name, stems in terms.tags if unit.stems.issuperset(stems)]
    term_weight = 0.0
    if title:
        term_weight += 0.35 * len(title) / len(terms.title)
        reasons.append("title words: " + ", ".join(sorted({terms.title[s] for s in title})))
    if actors:
        term_weight += min(0.3, 0.15 * len(actors))
        reasons.append("actors: " + ", ".join(actors))
    if tags:
        term_weight += min(0.2, 0.1 * len(tags))
        reasons.append("tags: " + ", ".join(tags))
    distinct_terms = len(title) + len(actors) + len(tags)
    exact_day = date_weight >= _DATE_WEIGHT[Precision.DAY] * _RELATIVE_FACTOR
    if date_weight and (term_weight or exact_day):
        return min(0.99, date_weight + term_weight), tuple(reasons)
    if not date_weight and title and distinct_terms >= 3:
        return 0.6 * term_weight, tuple(reasons)
    return 0.0, ()


def _date_score(text: str, event: EventInfo, unit: _Unit, reasons: list[str]) -> float:
    best = 0.0
    for mention in unit.dates:
        if mention.date.t_lo < event.t_hi and event.t_lo < mention.date.t_hi:
            weight = _DATE_WEIGHT[mention.date.last.precision]
            if mention.kind is DateKind.RELATIVE:
                weight *= _RELATIVE_FACTOR
            if weight > best:
                best = weight
                words_as_written = " ".join(text[mention.start : mention.end].split())
                reasons.append(f"date: {words_as_written} ({mention.date.display()})")
    return best
