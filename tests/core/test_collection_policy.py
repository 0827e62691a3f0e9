"""The one garbage-collection policy: pauses on several threads overlap, collections resume
(if they ran before) only when the last ends, and what a pause made goes to the oldest
generation, or stays frozen once the app keeps what it holds out of collections."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from desktop.core.collection_policy import (
    collections_paused,
    keep_out_of_collections,
    let_into_collections,
)


class Made:
    """An object the collector tracks (an instance with a ``__dict__``)."""


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Nothing kept out when the test starts (another test may have frozen what it held)."""
    let_into_collections()
    yield
    let_into_collections()


def test_overlapping_pauses_on_two_threads_resume_collections_when_the_last_ends(
    unfrozen: None,
) -> None:
    entered, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collections_paused():
            entered.set()
            leave.wait(10)

    worker = threading.Thread(target=other)
    worker.start()
    assert entered.wait(10)
    with collections_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's pause still lasts
    leave.set()
    worker.join(10)
    assert gc.isenabled()


def test_what_a_pause_made_goes_to_the_oldest_generation_nothing_frozen(
    unfrozen: None,
) -> None:
    with collections_paused():
        made = Made()
    assert gc.get_freeze_count() == 0
    assert any(found is made for found in gc.get_objects(generation=2))


def test_once_the_app_keeps_out_of_collections_what_a_pause_made_is_frozen_too(
    unfrozen: None,
) -> None:
    keep_out_of_collections()
    frozen = gc.get_freeze_count()
    with collections_paused():
        made = Made()
    assert gc.get_freeze_count() > frozen
    assert not any(found is made for found in gc.get_objects())  # frozen objects are not listed


def test_a_pause_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with collections_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_once_let_into_collections_again_what_a_pause_made_goes_to_the_oldest_generation(
    unfrozen: None,
) -> None:
    keep_out_of_collections()
    let_into_collections()
    assert gc.get_freeze_count() == 0
    with collections_paused():
        made = Made()
    assert gc.get_freeze_count() == 0
    assert any(found is made for found in gc.get_objects(generation=2))
