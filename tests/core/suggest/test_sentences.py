"""Sentences: the one holding a position, found near it, is the one the whole split gives."""

from __future__ import annotations

import random

from desktop.core.suggest.sentences import Sentence, SentenceFinder, split_sentences

_PIECES = (
    "Gen. Smith",
    "the U.S. said",
    "On 7 Aug. 2008",
    "troops",
    "Aktau",
    "Мир",
    "Crash!",
    "Why?",
    "Wait...",
    '"Yes."',
    "(see 2.)",
    "»Нет.«",
    "e.g. this",
    " ",
    "  ",
    ". ",
    ".\n",
    "\n",
    "\n\n",
    "A",
    "1992",
)


def _split_then_look_up(text: str, position: int) -> Sentence | None:
    for sentence in split_sentences(text):
        if sentence.start <= position < sentence.end:
            return sentence
    return None


def test_the_sentence_at_each_position_is_the_one_split_sentences_gives() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))
        finder = SentenceFinder(text)
        for position in range(len(text)):
            assert finder.at(position) == _split_then_look_up(text, position), (text, position)


def test_a_full_stop_after_an_abbreviation_does_not_end_the_sentence() -> None:
    text = "Troops of Gen. Smith left. The U.S. said so.\n\nNext line"
    finder = SentenceFinder(text)
    assert finder.at(text.index("Smith")) == Sentence(0, text.index(" The"))
    said = finder.at(text.index("said"))
    assert said is not None and text[said.start : said.end] == "The U.S. said so."
    assert finder.at(text.index("\n")) is None
    assert finder.at(text.index("line")) == Sentence(text.index("Next"), len(text))
