"""TextSearch answers as ``word in text`` does for every text, however the words are typed."""

from __future__ import annotations

import random

import numpy as np
import pytest

from desktop.core.text_search import KEPT_WORDS, REWRITTEN_MAX, TextSearch

TEXTS = (
    "summit in minsk talks",
    "",
    "gas dispute; газовый спор",
    "minsk agreement signed мінськ",
    "a\x00b hidden nul",
    "gas summit",
    "грузия georgia грузія",
    "ends with e",
    "\ud800 lone surrogate",
)


def _expected(texts: tuple[str, ...], words: list[str]) -> list[bool]:
    """``word in text`` for every word, a NUL in a text searched as a space."""
    spaced = [text.replace("\x00", " ") for text in texts]
    return [all(word in text for word in words) for text in spaced]


@pytest.mark.parametrize(
    "word",
    [
        "m",
        "mi",
        "minsk",
        "gas",
        "e",
        "г",
        "гру",
        "грузія",
        "спор",
        "мінськ",
        "\x00",
        "b",
        "zz",
        "s",
        "summit in",
        "nul",
        "\ud800",
        "t",
    ],
)
def test_each_word_finds_the_texts_that_hold_it(word: str) -> None:
    search = TextSearch(TEXTS)
    assert search.holding(word).tolist() == _expected(TEXTS, [word])


def test_typing_on_and_backspacing_answers_as_a_fresh_search() -> None:
    search = TextSearch(TEXTS)
    typed = [
        "m",
        "mi",
        "min",
        "mins",
        "minsk",
        "mins",
        "mi",
        "mis",
        "g",
        "ga",
        "gas",
        "gr",
        "г",
        "гр",
        "гру",
        "грузі",
        "грузія",
        "грузия",
        "s",
        "su",
        "sum",
        "summ",
    ]
    for word in typed:
        assert search.holding(word).tolist() == _expected(TEXTS, [word]), word
        assert search.holding(word).tolist() == TextSearch(TEXTS).holding(word).tolist()


def test_every_word_must_be_held() -> None:
    search = TextSearch(TEXTS)
    for words in (["gas", "summit"], ["minsk"], ["g", "s"], [], ["gas", "nothing"]):
        assert search.holding_all(words).tolist() == _expected(TEXTS, words), words


def test_a_word_every_text_of_the_shorter_one_holds_reuses_its_answer() -> None:
    search = TextSearch(("synthetic event 1", "synthetic event 2", "other"))
    ev = search.holding("ev")
    assert search.holding("eve") is ev and search.holding("event") is ev
    assert search.holding("event 1") is not ev
    assert search.holding("event 1").tolist() == [True, False, False]


def test_random_texts_and_words_agree_with_in() -> None:
    rng = random.Random(3)
    letters = "abcде "
    texts = tuple(
        "".join(rng.choice(letters) for _ in range(rng.randrange(0, 30))) for _ in range(300)
    )
    search = TextSearch(texts)
    for _ in range(3 * KEPT_WORDS):
        word = "".join(rng.choice(letters[:-1]) for _ in range(rng.randrange(1, 5)))
        assert search.holding(word).tolist() == _expected(texts, [word]), word


def test_no_texts() -> None:
    assert TextSearch(()).holding("a").shape == (0,)
    assert np.array_equal(TextSearch(("a",)).holding_all([]), [True])


TYPED_AFTER = ("minsk", "вильнюс", "last", "y", "summit", "e", "x y", "\x00", "", "ga", "gas")


def _answers_as_fresh(search: TextSearch, texts: tuple[str, ...]) -> None:
    """Every word of ``TYPED_AFTER`` (typed on, as ``holding`` keeps them) found as ``in``."""
    for word in TYPED_AFTER:
        assert search.holding(word).tolist() == _expected(texts, [word]), word


def test_an_update_answers_as_a_fresh_build_would() -> None:
    before = tuple(TEXTS)
    search = TextSearch(before)
    search.holding("minsk")  # a kept answer must not survive the update
    after = list(before)
    after[0] = "summit moved to вильнюс"  # longer, multibyte
    after[4] = "x\x00y"  # shorter, a NUL of its own
    after[-1] = "last one changed"
    after_t = tuple(after)
    updated = search.updated(before, after_t)
    _answers_as_fresh(updated, after_t)
    assert updated.bytes is search.bytes  # the edited texts kept aside, no copy of every text
    _answers_as_fresh(search, before)  # the search of ``before`` answers as before
    assert search.updated(before, before) is search
    assert search.updated(before, before[:-1]).count == len(before) - 1


def test_a_shorter_words_kept_answer_is_not_changed_by_rewritten_texts() -> None:
    before = ("gas one", "gas two")
    search = TextSearch(before).updated(before, ("gas one", "gap two"))
    ga = search.holding("ga")
    assert ga.tolist() == [True, True]
    assert search.holding("gas").tolist() == [True, False]
    assert ga.tolist() == [True, True]


def test_past_the_most_rewritten_texts_they_are_written_into_the_bytes() -> None:
    texts = tuple(f"text {k}" for k in range(REWRITTEN_MAX + 2))
    search = TextSearch(texts)
    for k in range(REWRITTEN_MAX + 1):
        after = (*texts[:k], f"edit {k} done", *texts[k + 1 :])
        search, texts = search.updated(texts, after), after
    fresh = TextSearch(texts)
    assert not search.rewritten
    assert search.bytes.tobytes() == fresh.bytes.tobytes()
    assert search.starts.tolist() == fresh.starts.tolist()
    for word in ("edit", "done", "text", f"{REWRITTEN_MAX + 1}", "t 3"):
        assert search.holding(word).tolist() == _expected(texts, [word]), word


def test_an_update_to_overlaid_texts_compares_only_the_rows_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An edit's texts overlay the ones searched: the rows written over are the only ones
    compared (a pass comparing every text took ~40 ms at 1M events)."""
    from desktop.core import text_search
    from desktop.core.overlaid import Overlaid

    before = Overlaid(tuple(TEXTS), {2: "gas dispute settled"})
    search = TextSearch(before)
    after = Overlaid(before, {0: "summit moved to вильнюс", 2: "gas dispute; газовый спор"})
    monkeypatch.setattr(text_search, "_differing", None)  # never called
    updated = search.updated(before, after)
    assert sorted(updated.rewritten) == [0, 2]  # (2 reverts to the base: differs from before)
    _answers_as_fresh(updated, tuple(after))
    assert search.updated(before, Overlaid(before, {3: TEXTS[3]})) is search  # none differ


@pytest.mark.parametrize("pad", range(4))
def test_a_pair_is_found_at_either_parity_and_at_either_end_of_the_bytes(pad: int) -> None:
    """Two-byte words are looked for as two-byte units from an even and an odd start: a pair
    at the first bytes, at the last before the closing NUL, and across one multi-byte
    letter's bytes, with the texts shifted one byte at a time."""
    texts = ("x" * pad + "ab", "ab ab", "bab", "aab", "ба", "б", "ab")
    search = TextSearch(texts)
    for word in ("ab", "ba", "aa", "б", "ба", "xa", "bx"):
        assert search.holding(word).tolist() == _expected(texts, [word]), (word, pad)
        positions = search._pairs(word.encode()[:2])
        assert positions.tolist() == sorted(positions.tolist())


def test_a_pass_over_the_bytes_writes_into_the_flags_it_keeps_not_a_fresh_array() -> None:
    import tracemalloc

    texts = [f"event number {k} of a long enough summary" for k in range(20_000)]
    search = TextSearch(texts)
    size = len(search.bytes)
    tracemalloc.start()
    try:
        one = search.holding("7")  # one pass over every byte
        pair = search.holding("99")  # two passes over the bytes as two-byte units
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < size / 4, (peak, size)  # a fresh flag per byte would be `size` at least
    for word, found in (("7", one), ("99", pair)):
        assert list(np.flatnonzero(found)) == [k for k, text in enumerate(texts) if word in text]
