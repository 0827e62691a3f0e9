"""Count sentences in a short quotation, for the two-sentence limit on bundled passages.

The rule is deliberately simple and documented so tests and the build agree: a sentence ends at
`.`, `!` or `?` (optionally followed by closing quotes or brackets) that is followed by
whitespace or the end of the text. A full stop after a single capital letter (``U.S.``,
``E.U.``) or after a listed abbreviation (``St.``, ``Mr.``) does not end a sentence. Text with
no terminator counts as one sentence.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset({"st", "mr", "mrs", "ms", "dr", "prof", "gen", "no", "vs", "etc"})
_TERMINATOR = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)$")


def _is_abbreviation(text: str, dot_index: int) -> bool:
    """True when the full stop at ``dot_index`` closes an initial or a known abbreviation."""
    if text[dot_index] != ".":
        return False
    match = _WORD_BEFORE.search(text[:dot_index])
    if match is None:
        return False
    word = match.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


def count_sentences(text: str) -> int:
    """Return the number of sentences in ``text`` (at least 1 for non-blank text, 0 for blank)."""
    stripped = text.strip()
    if not stripped:
        return 0
    ends = [m for m in _TERMINATOR.finditer(stripped) if not _is_abbreviation(stripped, m.start())]
    count = len(ends)
    if not ends or ends[-1].end() < len(stripped):
        count += 1  # trailing words after the last terminator form an unfinished sentence
    return count
