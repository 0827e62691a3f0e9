"""Events that overlap the view but would not be drawn: drawn as markers instead.

A frame draws short events as markers at their start and long ones as bars in their lane's
rows. Two kinds of event overlapping the view would otherwise be left out:

- an event drawn as a point (its lane has no row for it at this zoom, or it is short) that
  began before the view and lasts into it: its start is off the left edge;
- a bar that lost its row when the lanes were fitted to the window's height.

Both are drawn as markers in their lane's strip: at their start when it is in view, else
pinned just inside the left edge. So the window and an exported figure of the same range draw
the same events, however tall each is; only how they draw them may differ.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import Clusters, LaneMetrics, Markers
from desktop.core.timeline.label_rows import MARKER_RADIUS
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.store import EventStore

DAY_LIMIT = 1e8  # day numbers are clipped to this when keyed by (lane, day)
LANE_SPAN = 4 * DAY_LIMIT
PIN_PX = 8.0  # x of a marker pinned at the left edge (the largest glyph stays whole)


def began_before(
    store: EventStore, scale: TimeScale, cutoff: tuple[int, ...], clusters: Clusters
) -> NDArray[np.int64]:
    """Store indices of events drawn as points (duration class below their lane's cutoff)
    that began before the view, so far that their glyph is out of it, and last into it; not
    those a cluster in view holds."""
    first = scale.t_of(-MARKER_RADIUS)
    found: list[NDArray[np.int64]] = []
    for lane, groups in enumerate(store.groups):
        for group in groups:
            if lane >= len(cutoff) or group.duration_class >= cutoff[lane]:
                continue
            if group.max_duration <= scale.t0 - first:
                continue  # too short to reach from out of view into it
            starts = store.t_lo[group.start : group.stop]
            lo = int(starts.searchsorted(scale.t0 - group.max_duration))
            hi = int(starts.searchsorted(first))
            if hi > lo:
                index = np.arange(group.start + lo, group.start + hi, dtype=np.int64)
                found.append(index[store.t_hi[index] > scale.t0])
    index = np.concatenate(found) if found else np.empty(0, np.int64)
    if not len(index):
        return index
    return index[~_in_shown_cluster(store, index, clusters, scale)]


def _in_shown_cluster(
    store: EventStore, index: NDArray[np.int64], clusters: Clusters, scale: TimeScale
) -> NDArray[np.bool_]:
    """Which events ``index`` start inside the cells of a cluster of their lane in view."""
    shown = np.flatnonzero((clusters.x1 > 0) & (clusters.x0 < scale.width_px))
    if not len(shown):
        return np.zeros(len(index), np.bool_)
    lanes, t0, t1 = clusters.lane[shown], clusters.cell_t0[shown], clusters.cell_t1[shown]
    order = np.lexsort((t0, lanes))
    lanes, t0, t1 = lanes[order], t0[order], t1[order]
    keys = lanes * LANE_SPAN + np.clip(t0, -DAY_LIMIT, DAY_LIMIT)
    starts = store.t_lo[index]
    mine = store.lane[index] * LANE_SPAN + np.clip(starts, -DAY_LIMIT, DAY_LIMIT)
    at = np.searchsorted(keys, mine, side="right") - 1
    safe = np.maximum(at, 0)
    inside: NDArray[np.bool_] = (at >= 0) & (lanes[safe] == store.lane[index])
    inside &= starts < t1[safe]
    return inside


def as_markers(
    store: EventStore, index: NDArray[np.int64], scale: TimeScale, metrics: LaneMetrics
) -> Markers:
    """Markers of the events ``index`` in their lanes' strips: at their start when it is in
    view, else at ``PIN_PX``."""
    index = np.asarray(index, np.int64)
    lanes = store.lane[index].astype(np.int64)
    xs = np.maximum(scale.xs_of(store.t_lo[index]), PIN_PX)
    ys = np.array([metrics.strip_y(lane) for lane in lanes.tolist()], np.float64)
    return Markers(xs, ys, lanes, index, store.ids[index], store.importance[index])
