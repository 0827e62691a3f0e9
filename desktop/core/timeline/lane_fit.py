"""Compact lanes: each lane as tall as the rows it uses, the lanes together within a height.

A frame is first laid out with every open lane at its full row allowance; these functions then
give each lane the rows it needs and move everything vertically to match. Rows are never
renumbered, so an item keeps its row; only lane tops move.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from desktop.core.timeline.frame import (
    Bars,
    Clusters,
    Frame,
    Label,
    LaneMetrics,
    Markers,
    evolved,
    new_label,
)

MIN_ROWS = 1  # an open lane keeps at least this many bar rows


def rows_used(frame: Frame) -> list[int]:
    """Per lane, 1 + the highest bar row holding a bar or a label (0 when none)."""
    metrics = frame.metrics
    lanes = len(frame.point_cutoff)
    used = [0] * lanes
    if len(frame.bars.row):
        highest = np.zeros(lanes, np.int64)
        np.maximum.at(highest, frame.bars.lane, frame.bars.row + 1)
        used = highest.tolist()
    for label in frame.labels:
        if label.kind != "marker":
            row = _row_of(metrics, label)
            used[label.lane] = max(used[label.lane], row + 1)
    return used


def _row_of(metrics: LaneMetrics, label: Label) -> int:
    return int(math.floor((label.y - metrics.row_y(label.lane, 0)) / metrics.row_px + 0.5))


def fit_rows(metrics: LaneMetrics, wanted: Sequence[int], height: float) -> LaneMetrics:
    """Metrics giving lane ``k`` ``wanted[k]`` rows (at least ``MIN_ROWS`` for open lanes,
    never more than ``metrics`` allows), shrinking the tallest lanes first to fit ``height``.

    When even ``MIN_ROWS`` per open lane does not fit, lanes give up their rows (keeping their
    name and marker strip), those needing them least first: every lane stays in ``height``."""
    allowed = [metrics.rows_of(k) for k in range(len(wanted))]
    rows = [min(a, max(MIN_ROWS, w)) if a > 0 else 0 for a, w in zip(allowed, wanted, strict=True)]
    fixed = len(rows) * (metrics.header_px + metrics.strip_px)
    budget = max(0, int((height - fixed) // metrics.row_px))
    while sum(rows) > budget and max(rows, default=0) > MIN_ROWS:
        rows[rows.index(max(rows))] -= 1
    least_needed = sorted((k for k, r in enumerate(rows) if r), key=lambda k: (wanted[k], -k))
    for lane in least_needed:
        if sum(rows) <= budget:
            break
        rows[lane] = 0
    return replace(metrics, lane_rows=tuple(rows))


def compact_lanes(frame: Frame, metrics: LaneMetrics) -> Frame:
    """``frame`` redrawn in ``metrics`` (same top, fewer rows per lane): everything moves with
    its lane; bars and labels in rows a lane no longer has are left out."""
    old = frame.metrics
    lanes = len(frame.point_cutoff)
    shift = np.array([metrics.lane_top(k) - old.lane_top(k) for k in range(lanes)] + [0.0])
    limit = np.array([metrics.rows_of(k) for k in range(lanes)] + [0], np.int64)
    bars = frame.bars
    keep = bars.row < limit[bars.lane] if len(bars.row) else np.zeros(0, bool)
    hidden = list(frame.hidden)
    for lane in bars.lane[~keep].tolist():
        hidden[lane] += 1
    kept = Bars(*(getattr(bars, name)[keep] for name in Bars.__slots__))
    shifts, limits = shift.tolist(), limit.tolist()
    labels = tuple(
        _moved_label(label, shifts[label.lane])
        for label in frame.labels
        if label.kind == "marker" or _row_of(old, label) < limits[label.lane]
    )
    return evolved(
        frame,
        metrics=metrics,
        markers=_moved_markers(frame.markers, shift),
        bars=evolved(kept, y=kept.y + shift[kept.lane.astype(np.int64)]),
        clusters=_moved_clusters(frame.clusters, shift),
        labels=labels,
        hidden=tuple(hidden),
    )


def _moved_label(label: Label, dy: float) -> Label:
    """``label`` moved down by ``dy`` (built directly: ``replace`` costs several times more)."""
    return new_label(
        label.x,
        label.y + dy,
        label.text,
        label.id,
        label.kind,
        label.anchor_x,
        label.max_width,
        label.lane,
        label.anchor_y + dy if label.anchor_y else 0.0,
    )


def _moved_markers(markers: Markers, shift: np.ndarray) -> Markers:
    return evolved(markers, y=markers.y + shift[markers.lane.astype(np.int64)])


def _moved_clusters(clusters: Clusters, shift: np.ndarray) -> Clusters:
    return evolved(clusters, y=clusters.y + shift[clusters.lane.astype(np.int64)])
