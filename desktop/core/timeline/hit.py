"""Hit testing on a laid-out frame, and the members of a cluster."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import Frame
from desktop.core.timeline.store import EventStore

HIT_SLOP_PX = 3.0


def item_at(frame: Frame, x: float, y: float) -> int | None:
    """Id of the marker or bar under (x, y), nearest marker first; None if nothing is there."""
    markers = frame.markers
    reach = HIT_SLOP_PX + 3.0
    near = (np.abs(markers.x - x) <= reach) & (np.abs(markers.y - y) <= reach)
    if near.any():
        candidates = np.flatnonzero(near)
        distance = np.hypot(markers.x[candidates] - x, markers.y[candidates] - y)
        return int(markers.ids[candidates[np.argmin(distance)]])
    bars = frame.bars
    inside = (bars.x0 <= x) & (x < bars.x1) & (bars.y <= y) & (y < bars.y + frame.metrics.row_px)
    hits = np.flatnonzero(inside)
    return int(bars.ids[hits[0]]) if len(hits) else None


def cluster_at(frame: Frame, x: float, y: float) -> int | None:
    """Index (into ``frame.clusters``) of the cluster under (x, y), or None."""
    clusters = frame.clusters
    half = frame.metrics.strip_px / 2
    inside = (
        (clusters.x0 - HIT_SLOP_PX <= x)
        & (x < clusters.x1 + HIT_SLOP_PX)
        & (np.abs(clusters.y - y) <= half)
    )
    hits = np.flatnonzero(inside)
    return int(hits[0]) if len(hits) else None


def cluster_members(store: EventStore, frame: Frame, cluster: int) -> NDArray[np.int64]:
    """Ids of the events merged into ``frame.clusters`` entry ``cluster``, in time order."""
    return store.ids[cluster_positions(store, frame, cluster)]


def cluster_positions(store: EventStore, frame: Frame, cluster: int) -> NDArray[np.int64]:
    """Store positions of the events merged into ``frame.clusters`` entry ``cluster``, in time
    order (then id): what ``cluster_members`` names, without an id -> position lookup."""
    clusters = frame.clusters
    lane = int(clusters.lane[cluster])
    t0, t1 = float(clusters.cell_t0[cluster]), float(clusters.cell_t1[cluster])
    found: list[NDArray[np.int64]] = []
    for group in store.groups[lane]:
        if group.duration_class >= frame.point_cutoff[lane]:
            continue
        starts = store.t_lo[group.start : group.stop]
        lo, hi = np.searchsorted(starts, [t0, t1])
        found.append(np.arange(group.start + lo, group.start + hi, dtype=np.int64))
    index = np.concatenate(found) if found else np.empty(0, np.int64)
    ordered: NDArray[np.int64] = index[np.lexsort((store.ids[index], store.t_lo[index]))]
    return ordered
