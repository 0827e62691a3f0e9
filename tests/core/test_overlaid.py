"""Overlaid: a column with a few rows written over it reads as the copy with those rows
written would, without being one."""

from __future__ import annotations

import gc

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.overlaid import Overlaid, base_of
from desktop.core.timeline.store import EventStore, taken, titles_at

BASE = tuple(f"t{k}" for k in range(50))


@given(
    st.lists(st.dictionaries(st.integers(-50, 49), st.sampled_from("xyz"), max_size=4), max_size=3)
)
def test_reads_as_the_copy_with_the_rows_written(edits: list[dict[int, str]]) -> None:
    column: tuple[str, ...] | Overlaid[str] = BASE
    copy = list(BASE)
    for over in edits:
        column = Overlaid(column, over)
        for row, value in over.items():
            copy[row] = value
    assert len(column) == len(copy) and list(column) == copy
    assert [column[k] for k in range(-50, 50)] == [copy[k] for k in range(-50, 50)]
    assert list(column[3:17:4]) == copy[3:17:4] and list(column) == copy and column == tuple(copy)
    assert base_of(column) is BASE  # an overlay of an overlay keeps the first base
    index = np.array([49, 0, 7, 7, 20, -1 + 50], np.int64)
    assert taken(column, index) == [copy[k] for k in index.tolist()]
    assert all(value in column for value in copy)


def test_rows_outside_the_column_are_refused() -> None:
    with pytest.raises(IndexError):
        Overlaid(BASE, {50: "x"})
    with pytest.raises(IndexError):
        Overlaid(BASE, {-51: "x"})
    assert Overlaid(BASE, {}) == BASE and Overlaid(BASE, {1: "x"}) != BASE


def test_titles_picked_for_a_store_read_the_overlay() -> None:
    column = Overlaid(BASE, {5: "five", 40: "forty"})
    copy = [{5: "five", 40: "forty"}.get(k, title) for k, title in enumerate(BASE)]
    index = np.arange(0, 50, 5, dtype=np.int64)
    assert list(titles_at(column, index)) == [copy[k] for k in range(0, 50, 5)]
    assert "five" in copy and "forty" in copy


def test_a_retitled_store_writes_over_its_titles_instead_of_copying_them() -> None:
    n = 20_000
    store = EventStore.from_arrays(
        np.arange(n, dtype=np.int64),
        np.zeros(n, np.int64),
        np.arange(n, dtype=np.float64),
        np.arange(n, dtype=np.float64) + 1.0,
        np.full(n, 2, np.int64),
        [f"event {k}" for k in range(n)],
    )
    positions = np.array([3, 19_999], np.int64)
    gc.disable()  # nothing new may be untracked (or freed) before it is counted
    try:
        before = _long_containers(n)
        patched = store.with_rows(positions, ["three", "last"], store.importance[positions])
        made = _long_containers(n) - before
    finally:
        gc.enable()
    assert not made  # no list or tuple of every title
    assert patched.titles[3] == "three" and patched.titles[19_999] == "last"
    assert store.titles[3] == "event 3"  # the old store keeps its titles
    assert list(patched.titles) == ["event 0", "event 1", "event 2", "three"] + [
        f"event {k}" for k in range(4, 19_999)
    ] + ["last"]
    keep = np.zeros(n, np.bool_)
    keep[[2, 3, 4]] = True
    assert list(patched.subset(keep).titles) == ["event 2", "three", "event 4"]


def _long_containers(n: int) -> set[int]:
    return {id(o) for o in gc.get_objects() if isinstance(o, list | tuple | dict) and len(o) >= n}
