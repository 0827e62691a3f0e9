"""The text each pane contributes to word analysis, and its tokens.

When a source's full text is present, each passage is widened to the paragraph(s) around it, so
the words near a passage count too; otherwise the passage quotes alone are used. Paragraphs are
blocks separated by blank lines, or single lines when the text has no blank line at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from db.records import PassageRecord, SourceRecord
from desktop.core.compare.stemming import stem
from desktop.core.compare.stopwords import is_stop_word

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_CLAUSE_RE = re.compile(r"[.,;:!?()\[\]{}\"«»“”„/|…]+|\s[-–—]+\s|\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Half-open code-point spans of the paragraphs of ``text``."""
    separator = _BLANK_LINE_RE if _BLANK_LINE_RE.search(text) else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in separator.finditer(text):
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _anchored(passage: PassageRecord, text: str) -> bool:
    return 0 <= passage.start < passage.end <= len(text) and (
        text[passage.start : passage.end] == passage.quote
    )


def pane_texts(source: SourceRecord | None, passages: Sequence[PassageRecord]) -> list[str]:
    """The texts to count for one source: enclosing paragraphs (each once, in text order) when
    the full text is present and the passage is anchored in it, else the passage quotes."""
    text = source.full_text if source is not None else None
    if not text:
        return [p.quote for p in passages]
    spans = paragraph_spans(text)
    chosen: dict[tuple[int, int], None] = {}
    loose: list[str] = []
    for passage in passages:
        if not _anchored(passage, text):
            loose.append(passage.quote)
            continue
        for a, b in spans:
            if a < passage.end and passage.start < b:
                chosen[(a, b)] = None
    return [text[a:b] for a, b in sorted(chosen)] + loose


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens containing at least one letter; apostrophes and hyphens inside
    words are kept, so "Russia's" and "pro-Western" stay one token each."""
    found = (t.casefold().replace("’", "'") for t in _TOKEN_RE.findall(text))
    return [t for t in found if any(ch.isalpha() for ch in t)]


@dataclass
class TermTally:
    """Counts of unigram and bigram stems, the surface forms each stem was seen as, the
    position each was first seen at, and how many content words were counted."""

    counts: Counter[str] = field(default_factory=Counter)
    forms: dict[str, Counter[str]] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)
    words: int = 0

    def add(self, key: str, form: str) -> None:
        """Count one occurrence of ``key`` seen as ``form``."""
        self.counts[key] += 1
        self.forms.setdefault(key, Counter())[form] += 1
        self.first.setdefault(key, len(self.first))

    def display(self, key: str) -> str:
        """The commonest surface form of ``key`` (the earliest seen among equals)."""
        forms = self.forms.get(key)
        return forms.most_common(1)[0][0] if forms else key

    @classmethod
    def of_counts(cls, counts: Counter[str]) -> TermTally:
        """A tally whose keys are shown as they are, in the order given."""
        tally = cls(counts=Counter(counts), words=sum(counts.values()))
        for key in counts:
            tally.forms[key] = Counter({key: 1})
            tally.first[key] = len(tally.first)
        return tally


def _content_word(raw: str, word: str) -> bool:
    """A word worth counting: not a stop word, and longer than two letters unless written in
    capitals (EU, UN, US)."""
    if is_stop_word(word):
        return False
    return len(word) > 2 or (len(raw) == 2 and raw.isupper())


def tally_terms(texts: Iterable[str]) -> TermTally:
    """Unigrams and bigrams by stem, stop words removed; a bigram is two adjacent content words
    of one clause (no stop word and no punctuation between them)."""
    tally = TermTally()
    for text in texts:
        for clause in _CLAUSE_RE.split(text):
            _tally_clause(clause, tally)
    return tally


def _tally_clause(clause: str, tally: TermTally) -> None:
    previous: tuple[str, str] | None = None
    for raw in _TOKEN_RE.findall(clause):
        word = raw.casefold().replace("’", "'")
        if not any(ch.isalpha() for ch in word) or not _content_word(raw, word):
            previous = None
            continue
        key = stem(word.removesuffix("'s"))
        tally.words += 1
        tally.add(key, word)
        if previous is not None:
            tally.add(f"{previous[0]} {key}", f"{previous[1]} {word}")
        previous = (key, word)


@lru_cache(maxsize=64)
def tally_text(text: str) -> TermTally:
    """The tally of one whole text, cached: full texts serve as background for every event."""
    return tally_terms([text])


def term_counts(texts: Iterable[str]) -> Counter[str]:
    """The stem counts of :func:`tally_terms`."""
    return tally_terms(texts).counts
