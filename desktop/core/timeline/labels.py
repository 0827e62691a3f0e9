"""Which titles a frame shows and where: the most important events first, never overlapping.

Bar titles sit inside their bar when they fit there. A marker's title goes right of the marker
in its lane's strip when it ends before the next glyph (such labels cannot collide: each only
uses room between its own glyph and the next). The markers left over are then taken by
importance (1 before 2 before 3), then time, and each gets the first bar row below its marker
with a free stretch for the title, joined to the marker by a leader line. Every row keeps its
occupied intervals (bars, labels placed so far, leader lines), so no label covers a bar, a glyph
or another label, and a less important event never takes room a more important one needed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import Bars, Clusters, Label, LaneMetrics, Markers

LABEL_PAD = 3.0
LABEL_GAP = 6.0
MARKER_RADIUS = 3.0
LEADER_PAD = 3.0
LANE_KEY = 1e7  # |x| is clipped to this when sorting glyphs by (lane, x)
MAX_LEADER_CANDIDATES = 240  # per frame, in priority order: bounds the cost of dense views

Widths = Callable[[NDArray[np.int64]], NDArray[np.float64]]


class RowOccupancy:
    """Sorted, non-overlapping occupied intervals ``[x0, x1)`` of one row."""

    def __init__(self, x0: list[float], x1: list[float]) -> None:
        self.x0 = x0
        self.x1 = x1

    def is_free(self, a: float, b: float) -> bool:
        """True when ``[a, b)`` meets no occupied interval."""
        k = bisect_left(self.x0, b)
        return k == 0 or self.x1[k - 1] <= a

    def take(self, a: float, b: float) -> None:
        """Occupy ``[a, b)``; the caller has checked ``is_free``."""
        k = bisect_left(self.x0, a)
        self.x0.insert(k, a)
        self.x1.insert(k, b)


def place_labels(
    titles: list[str],
    widths: Widths,
    parts: tuple[Markers, Clusters, Bars],
    metrics: LaneMetrics,
    width_px: float,
) -> list[Label]:
    """Labels for one frame (see the module docstring for the guarantees)."""
    markers, clusters, bars = parts
    labels = bar_labels(titles, widths, bars, width_px)
    if not len(markers.x):
        return labels
    visible = np.flatnonzero((markers.x > -MARKER_RADIUS) & (markers.x < width_px))
    label_widths = widths(markers.index[visible])
    fits = _fits_in_strip(markers, clusters, visible, label_widths)
    for k in visible[fits].tolist():
        labels.append(
            Label(
                float(markers.x[k] + MARKER_RADIUS + LABEL_PAD),
                float(markers.y[k]),
                titles[int(markers.index[k])],
                int(markers.ids[k]),
            )
        )
    rest = visible[~fits]
    rest_widths = label_widths[~fits]
    order = np.lexsort((markers.x[rest], markers.importance[rest]))[:MAX_LEADER_CANDIDATES]
    labels += _leader_labels(titles, markers, bars, metrics, rest[order], rest_widths[order])
    return labels


def bar_labels(titles: list[str], widths: Widths, bars: Bars, width_px: float) -> list[Label]:
    """A bar is labelled inside its visible part when the title fits there."""
    if not len(bars.x0):
        return []
    left = np.maximum(bars.x0, 0.0) + LABEL_PAD
    room = np.minimum(bars.x1, width_px) - LABEL_PAD - left
    candidates = np.flatnonzero(room > 0)
    fits = candidates[widths(bars.index[candidates]) <= room[candidates]]
    return [
        Label(
            float(left[k]),
            float(bars.y[k]),
            titles[int(bars.index[k])],
            int(bars.ids[k]),
            "bar",
        )
        for k in fits.tolist()
    ]


def _fits_in_strip(
    markers: Markers,
    clusters: Clusters,
    chosen: NDArray[np.int64],
    label_widths: NDArray[np.float64],
) -> NDArray[np.bool_]:
    """For markers ``chosen``: does the title end ``LABEL_GAP`` before the next glyph?"""
    lefts = np.clip(np.concatenate((markers.x - MARKER_RADIUS, clusters.x0)), -LANE_KEY, LANE_KEY)
    lanes = np.concatenate((markers.lane, clusters.lane))
    order = np.lexsort((lefts, lanes))
    keys = lanes[order] * (4 * LANE_KEY) + lefts[order]  # lanes sort first, x stays exact
    mine = markers.lane[chosen] * (4 * LANE_KEY) + lefts[chosen]
    nxt = np.searchsorted(keys, mine, side="right")
    next_left = np.full(len(chosen), np.inf)
    has_next = nxt < len(keys)
    same_lane = has_next & (lanes[order][np.minimum(nxt, len(keys) - 1)] == markers.lane[chosen])
    next_left[same_lane] = lefts[order][nxt[same_lane]]
    start = markers.x[chosen] + MARKER_RADIUS + LABEL_PAD
    fits: NDArray[np.bool_] = start + label_widths + LABEL_GAP <= next_left
    return fits


def _leader_labels(
    titles: list[str],
    markers: Markers,
    bars: Bars,
    metrics: LaneMetrics,
    candidates: NDArray[np.int64],
    label_widths: NDArray[np.float64],
) -> list[Label]:
    """Labels in free bar-row stretches for ``candidates``, taken in the given order."""
    rows: dict[tuple[int, int], RowOccupancy] = {}
    placed: list[Label] = []
    for k, width in zip(candidates.tolist(), label_widths.tolist(), strict=True):
        lane, x = int(markers.lane[k]), float(markers.x[k])
        lane_rows = [_row(rows, bars, lane, r) for r in range(metrics.rows_of(lane))]
        row = _first_free_row(lane_rows, x, x + LEADER_PAD + width + LABEL_GAP)
        if row is None:
            continue
        for above in lane_rows[:row]:
            above.take(x - 1.0, x + 1.0)  # keep the leader line uncovered
        lane_rows[row].take(x - 1.0, x + LEADER_PAD + width + LABEL_GAP)
        index = int(markers.index[k])
        y = metrics.row_y(lane, row)
        placed.append(Label(x + LEADER_PAD, y, titles[index], int(markers.ids[k]), "leader", x))
    return placed


def _first_free_row(rows: list[RowOccupancy], x: float, end: float) -> int | None:
    """The first row free over ``[x - 1, end)`` whose rows above leave the leader line free."""
    for r, row in enumerate(rows):
        if not row.is_free(x - 1.0, x + 1.0):
            return None  # the leader line cannot pass this row
        if row.is_free(x - 1.0, end):
            return r
    return None


def _row(
    rows: dict[tuple[int, int], RowOccupancy], bars: Bars, lane: int, row: int
) -> RowOccupancy:
    """The occupancy of (lane, row), seeded with its bars on first use."""
    found = rows.get((lane, row))
    if found is None:
        mine = np.flatnonzero((bars.lane == lane) & (bars.row == row))
        mine = mine[np.argsort(bars.x0[mine], kind="stable")]
        found = RowOccupancy(bars.x0[mine].tolist(), bars.x1[mine].tolist())
        rows[(lane, row)] = found
    return found
