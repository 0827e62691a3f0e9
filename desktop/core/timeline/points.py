"""Short events of one lane as markers and clusters, counted per pixel cell.

The cell grid is anchored at day 0 with cells ``cell_days`` wide, so it depends only on the
zoom level. Occupied cells that touch form a group (never wider than ``SUPER_CELLS`` cells, whose
boundaries are also anchored at day 0); a group of one event is a marker, larger groups are
clusters. Groups are separated by an empty cell, except where a run is cut at a super-cell
boundary: there two groups touch, and a marker glyph may reach a few pixels over the cut.
Cost: one ``searchsorted`` of the cell edges per duration class, independent of event count.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import Clusters, LaneMetrics, Markers
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.store import ClassGroup, EventStore

SUPER_CELLS = 12

Window = tuple[TimeScale, float, float, float]  # scale, w0, w1, cell_days


def lay_out_points(
    store: EventStore,
    groups: Sequence[ClassGroup],
    lane: int,
    window: Window,
    metrics: LaneMetrics,
) -> tuple[Markers, Clusters]:
    """Markers and clusters for the events of ``groups`` starting inside the window."""
    scale, w0, w1, cell_days = window
    if not groups:
        return _no_markers(), _no_clusters()
    k0 = math.floor(w0 / cell_days)
    edges = np.asarray((k0 + np.arange(math.ceil(w1 / cell_days) - k0 + 1)) * cell_days, np.float64)
    offsets = np.array([g.start for g in groups], np.int64)
    cuts = (
        np.stack([np.searchsorted(store.t_lo[g.start : g.stop], edges) for g in groups])
        + offsets[:, None]
    )
    counts = np.diff(cuts, axis=1)
    total = counts.sum(axis=0)
    cells = np.flatnonzero(total)
    if not len(cells):
        return _no_markers(), _no_clusters()
    first, last, sizes = _group_cells(cells, total, k0)
    y = metrics.strip_y(lane)
    single = sizes == 1
    markers = _markers(store, counts, cuts, first[single], lane, y, scale)
    many = ~single
    clusters = _clusters(store, cuts, edges, first[many], last[many], sizes[many], lane, y, scale)
    return markers, clusters


def _group_cells(
    cells: NDArray[np.int64], total: NDArray[np.int64], k0: int
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
    """(first cell, last cell, event count) of each run of touching occupied cells."""
    absolute = cells + k0
    breaks = (np.diff(cells) > 1) | (np.diff(absolute // SUPER_CELLS) != 0)
    starts = np.concatenate(([0], np.flatnonzero(breaks) + 1))
    ends = np.concatenate((starts[1:], [len(cells)])) - 1
    sizes = np.add.reduceat(total[cells], starts)
    return cells[starts], cells[ends], sizes


def _markers(
    store: EventStore,
    counts: NDArray[np.int64],
    cuts: NDArray[np.int64],
    cells: NDArray[np.int64],
    lane: int,
    y: float,
    scale: TimeScale,
) -> Markers:
    row = np.argmax(counts[:, cells] > 0, axis=0)
    index = cuts[row, cells]
    return Markers(
        scale.xs_of(store.t_lo[index]),
        np.full(len(index), y),
        np.full(len(index), lane),
        index,
        store.ids[index],
        store.importance[index],
    )


def _clusters(
    store: EventStore,
    cuts: NDArray[np.int64],
    edges: NDArray[np.float64],
    first: NDArray[np.int64],
    last: NDArray[np.int64],
    sizes: NDArray[np.int64],
    lane: int,
    y: float,
    scale: TimeScale,
) -> Clusters:
    lo = cuts[:, first]
    hi = cuts[:, last + 1]
    present = hi > lo
    top = len(store) - 1
    t_first = np.where(present, store.t_lo[np.minimum(lo, top)], np.inf).min(axis=0)
    t_last = np.where(present, store.t_lo[np.maximum(hi - 1, 0)], -np.inf).max(axis=0)
    cell_t0, cell_t1 = edges[first], edges[last + 1]
    lead = _leads(store, lo, hi)
    return Clusters(
        scale.xs_of(cell_t0),
        scale.xs_of(cell_t1),
        np.full(len(first), y),
        np.full(len(first), lane),
        sizes,
        t_first,
        t_last,
        cell_t0,
        cell_t1,
        lead,
        store.importance[lead],
    )


def _leads(store: EventStore, lo: NDArray[np.int64], hi: NDArray[np.int64]) -> NDArray[np.int64]:
    """Per cluster (column), the store index of its lead member: the most important, then the
    earliest-sorted; ``lo``/``hi`` are the (class, cluster) ranges of members."""
    keys = store.lead_keys()
    ranges = np.stack((lo, hi), axis=-1).reshape(-1)
    best = np.minimum.reduceat(keys, ranges)[0::2].reshape(lo.shape)
    best = np.where(hi > lo, best, keys[-1]).min(axis=0)
    return best % (len(store) + 1)


def _no_markers() -> Markers:
    empty_f, empty_i = np.empty(0), np.empty(0, np.int64)
    return Markers(empty_f, empty_f, empty_i, empty_i, empty_i, empty_i)


def _no_clusters() -> Clusters:
    empty_f, empty_i = np.empty(0), np.empty(0, np.int64)
    return Clusters(
        empty_f,
        empty_f,
        empty_f,
        empty_i,
        empty_i,
        empty_f,
        empty_f,
        empty_f,
        empty_f,
        empty_i,
        empty_i,
    )
