"""Short events of every lane as markers and clusters, counted per pixel cell in one pass.

The cell grid is anchored at day 0 with cells ``cell_days`` wide, so it depends only on the
zoom level. Occupied cells of one lane that touch form a group (never wider than
``SUPER_CELLS`` cells, whose boundaries are also anchored at day 0); a group of one event is a
marker, larger groups are clusters. Groups are separated by an empty cell, except where a run
is cut at a super-cell boundary: there two groups touch, and a marker glyph may reach a few
pixels over the cut.

Cost: one ``searchsorted`` of the cell edges per (lane, duration class) group, then a fixed
number of numpy passes over the (group x cell) matrix for all lanes together: independent of
the event count and with no Python loop per lane or per cell.
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
_FAR = np.iinfo(np.int64).max  # the lead key of an empty cell

Window = tuple[TimeScale, float, float, float]  # scale, w0, w1, cell_days
IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


def lay_out_points(
    store: EventStore,
    groups: Sequence[ClassGroup],
    window: Window,
    metrics: LaneMetrics,
) -> tuple[Markers, Clusters]:
    """Markers and clusters of the events of ``groups`` (ordered by lane) starting inside the
    window; both come out ordered by lane, then x."""
    scale, w0, w1, cell_days = window
    if not groups:
        return _no_markers(), _no_clusters()
    k0 = math.floor(w0 / cell_days)
    edges = np.asarray((k0 + np.arange(math.ceil(w1 / cell_days) - k0 + 1)) * cell_days, np.float64)
    cuts = np.stack(
        [np.searchsorted(store.t_lo[g.start : g.stop], edges) + g.start for g in groups]
    )
    cells = _CellTable(store, cuts, np.array([g.lane for g in groups], np.int64))
    occupied = np.flatnonzero(cells.total.reshape(-1))
    if not len(occupied):
        return _no_markers(), _no_clusters()
    row, cell = np.divmod(occupied, cells.total.shape[1])
    starts = _run_starts(row, cell + k0)
    sizes = np.add.reduceat(cells.total.reshape(-1)[occupied], starts)
    ends = np.concatenate((starts[1:], [len(occupied)])) - 1
    strip_y = np.array([metrics.strip_y(lane) for lane in range(store.lane_count)])
    single = sizes == 1
    first = occupied[starts]
    lanes = cells.lanes[row[starts]]
    markers = _markers(store, cells.single_item.reshape(-1)[first[single]], lanes[single], scale)
    many = ~single
    leads = np.minimum.reduceat(cells.lead_key.reshape(-1)[occupied], starts)[many]
    clusters = Clusters(
        scale.xs_of(edges[cell[starts][many]]),
        scale.xs_of(edges[cell[ends][many] + 1]),
        strip_y[lanes[many]],
        lanes[many],
        sizes[many],
        cells.t_first.reshape(-1)[first[many]],
        cells.t_last.reshape(-1)[occupied[ends][many]],
        edges[cell[starts][many]],
        edges[cell[ends][many] + 1],
        leads % (len(store) + 1),
        store.importance[leads % (len(store) + 1)],
    )
    return replace_y(markers, strip_y), clusters


class _CellTable:
    """Per (lane, cell): the event count, the first and last start, the smallest lead key and,
    where the count is 1, the event's store index. Rows are the lanes that have groups."""

    def __init__(self, store: EventStore, cuts: IntArray, group_lanes: IntArray) -> None:
        lo, hi = cuts[:, :-1], cuts[:, 1:]
        present = hi > lo
        first_row = np.flatnonzero(np.concatenate(([True], np.diff(group_lanes) != 0)))
        self.lanes = group_lanes[first_row]
        per_lane = np.add.reduceat
        self.total = per_lane(hi - lo, first_row, axis=0)
        self.single_item = per_lane(np.where(present, lo, 0), first_row, axis=0)
        top = len(store) - 1
        t_first = np.where(present, store.t_lo[np.minimum(lo, top)], np.inf)
        t_last = np.where(present, store.t_lo[np.maximum(hi - 1, 0)], -np.inf)
        self.t_first = np.minimum.reduceat(t_first, first_row, axis=0)
        self.t_last = np.maximum.reduceat(t_last, first_row, axis=0)
        lead = store.range_leads(lo, hi)
        keys = np.where(present, store.importance[np.minimum(lead, top)] * (top + 2) + lead, _FAR)
        self.lead_key = np.minimum.reduceat(keys, first_row, axis=0)


def _run_starts(row: IntArray, absolute: IntArray) -> IntArray:
    """Where runs of touching occupied cells begin (a new lane, a gap or a super-cell edge)."""
    breaks = (np.diff(row) != 0) | (np.diff(absolute) > 1) | (np.diff(absolute // SUPER_CELLS) != 0)
    starts: IntArray = np.concatenate(([0], np.flatnonzero(breaks) + 1))
    return starts


def _markers(store: EventStore, index: IntArray, lanes: IntArray, scale: TimeScale) -> Markers:
    return Markers(
        scale.xs_of(store.t_lo[index]),
        np.zeros(len(index)),
        lanes,
        index,
        store.ids[index],
        store.importance[index],
    )


def replace_y(markers: Markers, strip_y: FloatArray) -> Markers:
    """``markers`` with y at their lane's strip centre."""
    return Markers(
        markers.x,
        strip_y[markers.lane],
        markers.lane,
        markers.index,
        markers.ids,
        markers.importance,
    )


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
