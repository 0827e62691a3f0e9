"""Passages to offer: the sentences of a text that speak of an event the source is linked to.

A sentence speaks of an event when it names one of the event's words (title, actors, tags,
aliases, the topic of its claim subjects), or a date inside the span of a short event (a week
at most: a day inside a long span says little on its own); a sentence that
states a figure (a toll, a count) counts when it follows one that does. Adjacent
sentences merge, at most two per passage; sentences inside an existing passage are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.assist.claims.dates import find_dates
from desktop.core.assist.claims.extract import extract_claims
from desktop.core.assist.claims.numerals import tokens
from desktop.core.suggest.sentences import Sentence, split_sentences
from desktop.model.dates import DateParseError, DateSpan

_PREFIX = 5
_SHORT_EVENT_DAYS = 7
_MAX_SENTENCES = 2
_COMMON = frozenset(
    [
        "the",
        "and",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "war",
        "crash",
        "flight",
        "conflict",
        "state",
        "states",
        "region",
        "and",
        "russia",
        "russian",
    ]
)


@dataclass(frozen=True, slots=True)
class EventTopic:
    """What names an event in a text: its key, title, words (any script) and span in days."""

    key: str
    title: str
    words: tuple[str, ...]
    t_lo: float
    t_hi: float


@dataclass(frozen=True, slots=True)
class PassageOffer:
    """Sentences ``[start, end)`` of the text that speak of ``event_key``."""

    start: int
    end: int
    event_key: str
    confidence: float
    reasons: tuple[str, ...]


def event_words(*phrases: str) -> tuple[str, ...]:
    """Distinct lower-case words of ``phrases`` that can name an event (common ones dropped)."""
    found: list[str] = []
    for phrase in phrases:
        for word in re.findall(r"[^\W_]+", phrase.replace("-", " ").lower()):
            if (len(word) >= 3 or word.isdigit()) and word not in _COMMON and word not in found:
                found.append(word)
    return tuple(found)


def named_events(
    text: str, events: Sequence[EventTopic], minimum: int = 2
) -> list[tuple[str, tuple[str, ...]]]:
    """Events ``text`` names by at least ``minimum`` distinct words, one of them rare (a
    number, or a word of at most two events), with the words found.

    A fallback for a text the import's linker found nothing in (e.g. a language it does not
    read): words of any script count, so "AZAL", "8243" and an alias "Актау" all do.
    """
    usage: dict[str, int] = {}
    for event in events:
        for key in {_key(w) for w in event.words}:
            usage[key] = usage.get(key, 0) + 1
    keys = {_key(w) for w in re.findall(r"[^\W_]+", text.lower())}
    found = []
    for event in events:
        wanted = {_key(w): w for w in event.words}
        shared = keys & wanted.keys()
        rare = any(k.isdigit() or usage[k] <= 2 for k in shared)
        if rare and len(shared) >= minimum:
            found.append((event.key, tuple(sorted(wanted[k] for k in shared))))
    return found


def _key(word: str) -> str:
    return word[:_PREFIX] if len(word) > _PREFIX else word


@dataclass(frozen=True, slots=True)
class _Read:
    """What a sentence says whatever the event: its word keys, whether it states a figure,
    its dates. Read once per sentence, not once per sentence and event (claim extraction
    and date finding are the costly part on a long report linked to many events)."""

    sentence: Sentence
    keys: frozenset[str]
    figure: bool
    dates: tuple[tuple[str, DateSpan], ...]


def offer_passages(
    text: str,
    events: Sequence[EventTopic],
    covered: Sequence[tuple[int, int]] = (),
    body: tuple[int, int] | None = None,
) -> list[PassageOffer]:
    """Passages of ``text`` (within ``body``) for each of ``events``, in text order."""
    lo, hi = body if body is not None else (0, len(text))
    sentences = [
        Sentence(s.start + lo, s.end + lo)
        for s in split_sentences(text[lo:hi])
        if not any(a <= s.start + lo and s.end + lo <= b for a, b in covered)
    ]
    read = [_read(text[s.start : s.end], s) for s in sentences]
    offers: list[PassageOffer] = []
    for event in events:
        offers += _offers_for(read, event)
    return sorted(offers, key=lambda o: (o.start, o.event_key))


def _read(sentence: str, where: Sentence) -> _Read:
    keys = frozenset(_key(w) for w in re.findall(r"[^\W_]+", sentence.lower()))
    dates = []
    for date in find_dates(tokens(sentence)):
        try:
            dates.append((date.edtf, DateSpan.from_edtf(date.edtf)))
        except DateParseError:
            continue
    return _Read(where, keys, _has_figure(sentence), tuple(dates))


def _offers_for(read: list[_Read], event: EventTopic) -> list[PassageOffer]:
    wanted = {_key(w): w for w in event.words}
    scored = [_sentence_score(r, wanted, event) for r in read]
    claims = [r.figure for r in read]
    sentences = [r.sentence for r in read]
    keep = [score > 0 for score, _ in scored]
    for i, has_claim in enumerate(claims):
        if has_claim and not keep[i] and i > 0 and scored[i - 1][0] > 0:
            keep[i] = True
    offers: list[PassageOffer] = []
    i = 0
    while i < len(sentences):
        if not keep[i]:
            i += 1
            continue
        j = i + 1 if i + 1 < len(sentences) and keep[i + 1] and _MAX_SENTENCES > 1 else i
        reasons = tuple(r for k in range(i, j + 1) for r in scored[k][1])
        best = max(scored[k][0] for k in range(i, j + 1))
        bonus = 0.1 if any(claims[k] for k in range(i, j + 1)) else 0.0
        confidence = round(min(0.95, max(best, 0.4) + bonus), 3)
        if any(claims[k] for k in range(i, j + 1)):
            reasons += ("states a figure",)
        offers.append(
            PassageOffer(sentences[i].start, sentences[j].end, event.key, confidence, reasons)
        )
        i = j + 1
    return offers


def _has_figure(sentence: str) -> bool:
    """Whether the sentence states a count, a sum or a share (dates are not figures)."""
    return any(claim.kind == "number" for claim in extract_claims(sentence))


def _sentence_score(
    read: _Read, wanted: dict[str, str], event: EventTopic
) -> tuple[float, tuple[str, ...]]:
    found = sorted({wanted[key] for key in read.keys if key in wanted})
    reasons: list[str] = []
    score = 0.0
    if found:
        score = 0.35 + 0.15 * min(len(found), 4)
        reasons.append("names: " + ", ".join(found))
    short = event.t_hi - event.t_lo <= _SHORT_EVENT_DAYS
    for edtf, span in read.dates:
        if span.t_lo < event.t_hi and event.t_lo < span.t_hi and (short or found):
            score = max(score, 0.4) + 0.2
            reasons.append(f"date {edtf} within the event")
            break
    return min(score, 0.95), tuple(reasons)
