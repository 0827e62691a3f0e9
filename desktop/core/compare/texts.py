"""The text each pane contributes to word analysis, and its tokens.

When a source's full text is present, each passage is widened to the paragraph(s) around it, so
the words near a passage count too; otherwise the passage quotes alone are used. Paragraphs are
blocks separated by blank lines, or single lines when the text has no blank line at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from db.records import PassageRecord, SourceRecord
from desktop.core.compare.stopwords import is_stop_word

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


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


def term_counts(texts: Iterable[str]) -> Counter[str]:
    """Unigrams and bigrams, stop words removed; a bigram is two adjacent tokens of which
    neither is a stop word (so no bigram spans a removed word), joined by a space."""
    counts: Counter[str] = Counter()
    for text in texts:
        words = tokens(text)
        keep = [len(w) > 1 and not is_stop_word(w) for w in words]
        for i, word in enumerate(words):
            if not keep[i]:
                continue
            counts[word] += 1
            if i + 1 < len(words) and keep[i + 1]:
                counts[f"{word} {words[i + 1]}"] += 1
    return counts
