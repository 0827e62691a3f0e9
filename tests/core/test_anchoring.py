"""Passages re-found after the text changes: in place, moved, repeated, edited, removed."""

from __future__ import annotations

import random

import pytest

from desktop.core.anchoring import AnchorStatus, TextQuote, locate, make_anchor

TEXT = (
    "Russia recognised Abkhazia and South Ossetia on 26 August 2008. "
    "The war had begun on 7 August when Georgian forces shelled Tskhinvali. "
    "Western governments protested but imposed no sanctions. "
    "The European Union sent a monitoring mission in October 2008."
)
PASSAGE = "The war had begun on 7 August when Georgian forces shelled Tskhinvali."


def _stored(text: str, quote: str) -> tuple[int, int, str, str, str]:
    start = text.index(quote)
    stored = make_anchor(text, start, start + len(quote))
    return stored.start, stored.end, stored.quote, stored.prefix, stored.suffix


def test_make_anchor_fills_quote_and_32_chars_of_context() -> None:
    start = TEXT.index(PASSAGE)
    stored = make_anchor(TEXT, start, start + len(PASSAGE))
    assert stored.quote == PASSAGE
    assert stored.prefix == TEXT[start - 32 : start] and len(stored.prefix) == 32
    assert stored.suffix == TEXT[start + len(PASSAGE) :][:32]
    at_edge = make_anchor(TEXT, 0, 6)
    assert (at_edge.quote, at_edge.prefix) == ("Russia", "")
    with pytest.raises(ValueError, match="outside"):
        make_anchor(TEXT, 5, len(TEXT) + 1)


def test_unchanged_text_is_ok() -> None:
    anchor = locate(TEXT, *_stored(TEXT, PASSAGE))
    assert anchor.status is AnchorStatus.OK
    assert TEXT[anchor.start : anchor.end] == PASSAGE and anchor.score == 1.0


def test_moved_passage_is_relocated_by_exact_quote() -> None:
    stored = _stored(TEXT, PASSAGE)
    changed = "A new opening paragraph was added by the editor.\n\n" + TEXT
    anchor = locate(changed, *stored)
    assert anchor.status is AnchorStatus.RELOCATED
    assert changed[anchor.start : anchor.end] == PASSAGE
    assert anchor.start == stored[0] + len("A new opening paragraph was added by the editor.\n\n")


def test_repeated_quote_is_disambiguated_by_its_context() -> None:
    text = (
        "In Georgia, observers said the ceasefire held. Later, in Ukraine, "
        "observers said the ceasefire held. Finally, in Moldova, observers said the "
        "ceasefire held."
    )
    quote = "observers said the ceasefire held"
    second = text.index(quote, text.index("Ukraine"))
    stored = make_anchor(text, second, second + len(quote))
    # Shift everything so the stored offsets point at nothing useful.
    shifted = "Preface. " * 3 + text
    anchor = locate(shifted, stored.start, stored.end, stored.quote, stored.prefix, stored.suffix)
    assert anchor.status is AnchorStatus.RELOCATED
    assert shifted[anchor.start - 12 : anchor.start] == "in Ukraine, "


def test_nearest_occurrence_wins_when_context_is_equal() -> None:
    text = "x " * 50 + "same words" + " y" * 50 + "same words" + " y" * 50
    later = text.rindex("same words")
    anchor = locate(text, later + 3, later + 13, "same words")
    assert (anchor.status, anchor.start) == (AnchorStatus.RELOCATED, later)


def test_edited_passage_is_relocated_fuzzily() -> None:
    stored = _stored(TEXT, PASSAGE)
    edited_passage = "The war had started on 7 August when Georgian troops shelled Tskhinvali."
    edited = "Added sentence. " + TEXT.replace(PASSAGE, edited_passage)
    anchor = locate(edited, *stored)
    assert anchor.status is AnchorStatus.RELOCATED
    assert edited[anchor.start : anchor.end] == edited_passage
    assert 0.75 <= anchor.score < 1.0


def test_removed_paragraph_is_an_orphan_and_keeps_its_stored_offsets() -> None:
    stored = _stored(TEXT, PASSAGE)
    removed = TEXT.replace(PASSAGE + " ", "")
    anchor = locate(removed, *stored)
    assert anchor.status is AnchorStatus.ORPHAN
    assert (anchor.start, anchor.end, anchor.score) == (stored[0], stored[1], 0.0)


def test_short_quote_needs_a_close_match() -> None:
    anchor = locate("Completely different words here.", 0, 7, "Georgia")
    assert anchor.status is AnchorStatus.ORPHAN


def test_relocates_in_a_50k_text_after_edits_before_and_inside() -> None:
    rng = random.Random(7)
    vocabulary = ["war", "peace", "treaty", "border", "troops", "region", "capital", "talks"]
    text = " ".join(rng.choice(vocabulary) for _ in range(9000))[:50_000]
    start = 31_000
    stored = make_anchor(text, start, start + 300)
    edited = text[:30_500] + "INSERTED SENTENCE. " + text[30_500:31_100] + "changed" + text[31_107:]
    anchor = locate(edited, *vars_of(stored))
    assert anchor.status is AnchorStatus.RELOCATED
    assert abs(anchor.start - (start + len("INSERTED SENTENCE. "))) <= 3


def vars_of(stored: TextQuote) -> tuple[int, int, str, str, str]:
    return stored.start, stored.end, stored.quote, stored.prefix, stored.suffix
