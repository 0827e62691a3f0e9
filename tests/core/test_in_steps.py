"""Work done in steps gives what the single calls give, across the steps' edges."""

from __future__ import annotations

import random
import sys
import threading
from operator import itemgetter

import numpy as np
import pytest

from db.repositories import joined_parts
from desktop.core import in_steps
from desktop.core.in_steps import (
    SHORT_SWITCH_S,
    casefolded_parts,
    encoded_texts,
    picked,
    same_items,
    short_turns,
)


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Steps of a few strings or characters, so that a short test crosses many edges."""
    monkeypatch.setattr(in_steps, "STEP", 3)
    monkeypatch.setattr(joined_parts, "STEP_BYTES", 5)


TEXTS = ("Straße", "", "ΣΊΣΥΦΟΣ", "a\x00b", "Грузия", "x", "\ud800 lone", "ǅ", "", "end")


def test_picked_is_the_itemgetter_of_the_order(small_steps: None) -> None:
    order = np.array(random.Random(3).sample(range(len(TEXTS)), len(TEXTS)), np.int64)
    assert picked(TEXTS, order) == itemgetter(*order.tolist())(TEXTS)
    assert picked(TEXTS, order[:1]) == (TEXTS[int(order[0])],)
    assert picked(TEXTS, order[:0]) == ()


def test_same_items_compares_every_step(small_steps: None) -> None:
    assert same_items(list(TEXTS), TEXTS)
    assert not same_items(list(TEXTS[:-1]) + ["other"], TEXTS)
    assert not same_items(TEXTS[:-1], TEXTS)


UTF8 = [t for t in TEXTS if t.isprintable() or "\x00" in t]  # a lone surrogate is no UTF-8


@pytest.mark.parametrize("joined", ["\x00".join(UTF8), "", "\x00", "no separator at all"])
def test_casefolded_parts_are_the_casefold_split(small_steps: None, joined: str) -> None:
    encoded = joined.encode("utf-8")
    assert casefolded_parts(encoded, "\x00") == joined.casefold().split("\x00")


def test_encoded_texts_are_the_join_encoded_with_each_start(small_steps: None) -> None:
    spaced = [t.replace("\x00", " ") for t in TEXTS]
    expected = ("\x00".join(spaced) + "\x00").encode("utf-8", "surrogatepass")
    encoded, starts = encoded_texts(TEXTS, "\x00")
    assert encoded == expected
    lengths = [len(t.encode("utf-8", "surrogatepass")) + 1 for t in spaced]
    assert starts.tolist() == np.concatenate(([0], np.cumsum(lengths)[:-1])).tolist()
    assert encoded_texts((), "\x00")[0] == b""


def test_short_turns_overlap_on_two_threads_and_restore_the_interval_when_the_last_ends() -> None:
    interval = sys.getswitchinterval()
    entered, leave = threading.Event(), threading.Event()

    def other() -> None:
        with short_turns():
            entered.set()
            leave.wait(10)

    worker = threading.Thread(target=other)
    worker.start()
    assert entered.wait(10)
    with short_turns():
        assert sys.getswitchinterval() == min(interval, SHORT_SWITCH_S)
    assert sys.getswitchinterval() == min(interval, SHORT_SWITCH_S)  # the other one lasts
    leave.set()
    worker.join(10)
    assert sys.getswitchinterval() == interval
