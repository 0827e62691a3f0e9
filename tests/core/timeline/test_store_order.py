"""An event store holds its items by lane, duration class, start, then id, whatever order they
come in: items already by start (a scene's rows) are sorted by lane and class alone, and that
must give the order the four-key sort gives."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.core.timeline.store import EventStore


def _stores(
    ids: np.ndarray, lanes: np.ndarray, t_lo: np.ndarray, days: np.ndarray
) -> tuple[EventStore, np.ndarray]:
    """The store of the items, and the order the four-key sort gives them."""
    t_hi = t_lo + days
    store = EventStore.from_arrays(ids, lanes, t_lo, t_hi, ids % 3, [f"t{i}" for i in ids])
    classes = np.floor(np.log2(np.maximum(days, 2.0**-10))).astype(np.int64)
    return store, np.lexsort((ids, t_lo, classes, lanes))


@pytest.mark.parametrize("lane_count", [1, 5, 3000])  # 3000 lanes: groups beyond 16 bits
@pytest.mark.parametrize("by_start", [True, False])
def test_a_store_orders_items_by_lane_class_start_and_id(lane_count: int, by_start: bool) -> None:
    rng = np.random.default_rng(lane_count)
    n = 4000
    t_lo = rng.integers(-50, 50, n).astype(np.float64)  # many ties, negatives, zero
    t_lo[:3] = (-0.0, 0.0, -0.0)
    days = np.where(rng.random(n) < 0.3, rng.exponential(400.0, n), 1.0) + 1e-3
    ids = rng.permutation(10 * n)[:n]
    if by_start:  # as a scene's rows come: by start, then id
        order = np.lexsort((ids, t_lo))
        ids, t_lo, days = np.sort(ids), t_lo[order], days[order]
    lanes = rng.integers(0, lane_count, n)
    store, expected = _stores(ids, lanes, t_lo, days)
    assert store.ids.tolist() == ids[expected].tolist()
    assert store.lane.tolist() == lanes[expected].tolist()
    assert store.titles == [f"t{i}" for i in ids[expected].tolist()]


def test_one_item_and_none() -> None:
    one = np.array([7])
    store, _ = _stores(one, np.array([2]), np.array([5.0]), np.array([1.0]))
    assert store.ids.tolist() == [7] and store.lane.tolist() == [2]
    empty = np.empty(0, np.int64)
    store, _ = _stores(empty, empty, empty.astype(np.float64), empty.astype(np.float64))
    assert len(store) == 0


def test_a_stores_bounds_are_found_once_and_shared_by_a_retitled_copy() -> None:
    """The overview asks for them twice per paint, and paints with every zoom step."""
    ids = np.arange(6)
    t_lo = np.array([5.0, -3.0, 7.0, 0.0, 2.0, 1.0])
    days = np.array([1.0, 2.0, 40.0, 1.0, 3.0, 1.0])
    store, _ = _stores(ids, ids % 2, t_lo, days)
    bounds = store.bounds()
    assert bounds == (-3.0, 47.0)
    assert store.bounds() is bounds  # not two passes over the times again
    retitled = store.with_rows(np.array([0]), ["new"], store.importance[:1])
    assert retitled.bounds() is bounds
    subset = store.subset(store.t_lo < 4.0)
    assert subset.bounds() == (-3.0, 5.0)
