"""Which titles a frame shows and where: the most important events first, never overlapping.

First, every title that fits for free is placed: a bar's title inside its bar, a marker's title
right of the marker in its lane's strip when it ends before the next glyph and the canvas edge
(such labels cannot collide: each only uses room between its own glyph and the next). Everything
left over (markers and bars alike) is then taken by importance (1 before 2 before 3), then time:

- a marker's title goes left of the marker in the strip, else into the first bar row below with
  a free stretch right (or else left) of a leader line from the marker, else it is elided into
  the room right of the marker when at least ``MIN_ELIDED_PX`` is there;
- a bar's title goes beside the bar in its row (right, else left), else elided inside the bar;
- a cluster (after single events of the same importance) is labelled like a marker with the
  title of its most important member and how many more it holds ("Title +2").

Every row keeps its occupied intervals (glyphs, bars, labels, leader lines), so no label covers
a bar, a glyph or another label, no label leaves the canvas, and a less important event never
takes room a more important one needed. Dense views stay cheap: at most
``MAX_LEADER_CANDIDATES`` leftovers are tried, and a lane stops being tried once
``MAX_LANE_MISSES`` of its candidates in a row found no room.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import Bars, Clusters, Label, LaneMetrics, Markers

LABEL_PAD = 3.0
LABEL_GAP = 6.0
MARKER_RADIUS = 3.0
LEADER_PAD = 3.0
LANE_KEY = 1e7  # |x| is clipped to this when sorting glyphs by (lane, x)
MAX_LEADER_CANDIDATES = 160  # per frame, in priority order: bounds the cost of dense views
MAX_LANE_MISSES = 8  # a lane whose last this many candidates found no room is not tried further
MIN_ELIDED_PX = 48.0  # an elided title keeps at least this much room (a few words)
MIN_INSIDE_PX = 10.0  # a bar with less room inside is never labelled inside
STRIP = -1  # the row number of a lane's marker strip in the occupancy map
ROW_KEY = 1 << 16  # (lane, row) as lane * ROW_KEY + row when sorting bars
MARKER, BAR, CLUSTER = 0, 1, 2  # kinds of label candidates

Measure = Callable[[str], float]

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


class _Rows:
    """Lazily seeded occupancy of every (lane, row) of one frame; row ``STRIP`` is the strip.

    The glyphs and bars are sorted by (lane, row, x) once, so seeding a row is a slice.
    """

    def __init__(
        self, parts: tuple[Markers, Clusters, Bars], strip_taken: list[tuple[int, float, float]]
    ) -> None:
        markers, clusters, bars = parts
        self.strip = _Sorted(
            np.concatenate((markers.lane, clusters.lane)),
            np.concatenate((markers.x - MARKER_RADIUS, clusters.x0)),
            np.concatenate((markers.x + MARKER_RADIUS, clusters.x1)),
        )
        self.bars = _Sorted(bars.lane * ROW_KEY + bars.row, bars.x0, bars.x1)
        self.strip_taken = strip_taken
        self.found: dict[tuple[int, int], RowOccupancy] = {}

    def get(self, lane: int, row: int) -> RowOccupancy:
        key = (lane, row)
        found = self.found.get(key)
        if found is None:
            found = self.found[key] = self._seed(lane, row)
        return found

    def _seed(self, lane: int, row: int) -> RowOccupancy:
        if row != STRIP:
            return self.bars.row(lane * ROW_KEY + row)
        occupancy = self.strip.row(lane)
        for k, a, b in self.strip_taken:
            if k == lane:
                occupancy.take(a, b)
        return occupancy


class _Sorted:
    """Intervals ``[x0, x1)`` sorted by (key, x0): the intervals of one key are a slice."""

    def __init__(
        self, keys: NDArray[np.int64], x0: NDArray[np.float64], x1: NDArray[np.float64]
    ) -> None:
        order = np.lexsort((x0, keys))
        self.keys = keys[order]
        self.x0 = x0[order]
        self.x1 = x1[order]

    def row(self, key: int) -> RowOccupancy:
        lo, hi = np.searchsorted(self.keys, (key, key + 1)).tolist()
        return RowOccupancy(self.x0[lo:hi].tolist(), self.x1[lo:hi].tolist())


def place_labels(  # noqa: PLR0913 - the frame's parts and how to measure them
    titles: list[str],
    widths: Widths,
    parts: tuple[Markers, Clusters, Bars],
    metrics: LaneMetrics,
    width_px: float,
    measure: Measure,
) -> list[Label]:
    """Labels for one frame (see the module docstring for the guarantees). A cluster's label
    has id ``-1 - k`` for ``clusters`` entry ``k``."""
    markers, clusters, bars = parts
    labels, unlabelled_bars = bar_labels(titles, widths, bars, width_px)
    visible = np.flatnonzero((markers.x > -MARKER_RADIUS) & (markers.x < width_px))
    label_widths = widths(markers.index[visible])
    room = _room_in_strip(markers, clusters, visible, width_px)
    fits = label_widths <= room
    taken: list[tuple[int, float, float]] = []
    for k, width in zip(visible[fits].tolist(), label_widths[fits].tolist(), strict=True):
        label = _strip_label(titles, markers, k)
        labels.append(label)
        taken.append((label.lane, label.x, label.x + width + LABEL_GAP))
    rows = _Rows(parts, taken)
    rest = visible[~fits]
    bar_rest = unlabelled_bars
    shown_clusters = np.flatnonzero((clusters.x1 > 0) & (clusters.x0 < width_px))
    candidates = _by_priority(parts, rest, bar_rest, shown_clusters)
    marker_width = dict(zip(rest.tolist(), label_widths[~fits].tolist(), strict=True))
    marker_room = dict(zip(rest.tolist(), room[~fits].tolist(), strict=True))
    misses: dict[int, int] = {}
    for kind, k, lane in candidates:
        if misses.get(lane, 0) >= MAX_LANE_MISSES:
            continue  # this lane is full at this zoom: the rest would fail too
        if kind == BAR:
            width = float(widths(bars.index[k : k + 1])[0])  # only candidates are measured
            found = _beside_bar(titles, bars, rows, k, width, width_px)
        elif kind == MARKER:
            point = _marker_point(titles, markers, k, marker_width[k], marker_room[k])
            found = _point_label(rows, metrics, point, point.id, width_px)
        else:
            point = _cluster_point(titles, widths, clusters, k, measure)
            found = _point_label(rows, metrics, point, -1 - k, width_px)
        if found is not None:
            labels.append(found)
            misses[lane] = 0
        else:
            misses[lane] = misses.get(lane, 0) + 1
    return labels


def _strip_label(titles: list[str], markers: Markers, k: int) -> Label:
    return Label(
        float(markers.x[k] + MARKER_RADIUS + LABEL_PAD),
        float(markers.y[k]),
        titles[int(markers.index[k])],
        int(markers.ids[k]),
        lane=int(markers.lane[k]),
    )


def bar_labels(
    titles: list[str], widths: Widths, bars: Bars, width_px: float
) -> tuple[list[Label], NDArray[np.int64]]:
    """Labels inside bars whose title fits the visible part; and the visible bars left over.

    Bars with less than ``MIN_INSIDE_PX`` of room are not measured (no title fits there), which
    keeps zoomed-out views of thousands of thin bars cheap.
    """
    if not len(bars.x0):
        return [], np.empty(0, np.int64)
    left = np.maximum(bars.x0, 0.0) + LABEL_PAD
    room = np.minimum(bars.x1, width_px) - LABEL_PAD - left
    on_screen = np.flatnonzero((bars.x1 > 0) & (bars.x0 < width_px))
    roomy = on_screen[room[on_screen] >= MIN_INSIDE_PX]
    fits = roomy[widths(bars.index[roomy]) <= room[roomy]]
    labels = [
        Label(
            float(left[k]),
            float(bars.y[k]),
            titles[int(bars.index[k])],
            int(bars.ids[k]),
            "bar",
            max_width=float(room[k]),
            lane=int(bars.lane[k]),
        )
        for k in fits.tolist()
    ]
    return labels, np.setdiff1d(on_screen, fits)


def _room_in_strip(
    markers: Markers, clusters: Clusters, chosen: NDArray[np.int64], width_px: float
) -> NDArray[np.float64]:
    """For markers ``chosen``: the room right of the marker before the next glyph (less
    ``LABEL_GAP``) and the canvas edge."""
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
    room: NDArray[np.float64] = np.minimum(next_left - LABEL_GAP, width_px) - start
    return room


def _by_priority(
    parts: tuple[Markers, Clusters, Bars],
    marker_rest: NDArray[np.int64],
    bar_rest: NDArray[np.int64],
    shown_clusters: NDArray[np.int64],
) -> list[tuple[int, int, int]]:
    """(kind, index, lane) of the leftover items by importance (a cluster has its lead's), then
    clusters after single events, then x; at most ``MAX_LEADER_CANDIDATES``."""
    markers, clusters, bars = parts
    importance = np.concatenate(
        (
            markers.importance[marker_rest],
            bars.importance[bar_rest],
            clusters.lead_importance[shown_clusters],
        )
    )
    xs = np.concatenate(
        (markers.x[marker_rest], np.maximum(bars.x0[bar_rest], 0.0), clusters.x0[shown_clusters])
    )
    kinds = np.concatenate(
        (
            np.full(len(marker_rest), MARKER),
            np.full(len(bar_rest), BAR),
            np.full(len(shown_clusters), CLUSTER),
        )
    )
    index = np.concatenate((marker_rest, bar_rest, shown_clusters))
    lanes = np.concatenate(
        (markers.lane[marker_rest], bars.lane[bar_rest], clusters.lane[shown_clusters])
    )
    order = np.lexsort((xs, kinds == CLUSTER, importance))[:MAX_LEADER_CANDIDATES]
    return list(
        zip(kinds[order].tolist(), index[order].tolist(), lanes[order].tolist(), strict=True)
    )


@dataclass(frozen=True, slots=True)
class _Point:
    """A glyph to label: its lane, extent ``[left, right)`` in the strip, strip centre ``y``,
    title, item id, title width and the room right of it (for eliding)."""

    lane: int
    left: float
    right: float
    y: float
    title: str
    id: int
    width: float
    room: float


def _marker_point(titles: list[str], markers: Markers, k: int, width: float, room: float) -> _Point:
    x = float(markers.x[k])
    return _Point(
        int(markers.lane[k]),
        x - MARKER_RADIUS,
        x + MARKER_RADIUS,
        float(markers.y[k]),
        titles[int(markers.index[k])],
        int(markers.ids[k]),
        width,
        room,
    )


def _cluster_point(
    titles: list[str], widths: Widths, clusters: Clusters, k: int, measure: Measure
) -> _Point:
    """A cluster is labelled with its lead member's title and how many more it holds (its width
    is the title's plus the count's: both are measured once and reused)."""
    lead = clusters.lead[k : k + 1]
    more = f" +{int(clusters.count[k]) - 1}"
    width = float(widths(lead)[0]) + measure(more)
    x0, x1 = float(clusters.x0[k]), float(clusters.x1[k])
    title = titles[int(lead[0])] + more
    return _Point(int(clusters.lane[k]), x0, x1, float(clusters.y[k]), title, -1, width, 0.0)


def _point_label(
    rows: _Rows, metrics: LaneMetrics, point: _Point, item: int, width_px: float
) -> Label | None:
    """Right in the strip, else left in it, else a leader label, else elided on the right."""
    strip, lane, width = rows.get(point.lane, STRIP), point.lane, point.width
    start = point.right + LABEL_PAD
    if start + width <= width_px and strip.is_free(point.right, start + width + LABEL_GAP):
        strip.take(point.right, start + width + LABEL_GAP)
        return Label(start, point.y, point.title, item, lane=lane)
    end = point.left - LABEL_PAD
    if end - width >= 0.0 and strip.is_free(end - width - LABEL_GAP, point.left):
        strip.take(end - width - LABEL_GAP, point.left)
        return Label(end - width, point.y, point.title, item, lane=lane)
    x = (point.left + point.right) / 2
    found = _leader_label(rows, metrics, lane, x, (width, width_px))
    if found is not None:
        row, left = found
        return Label(left, metrics.row_y(lane, row), point.title, item, "leader", x, lane=lane)
    if point.room >= MIN_ELIDED_PX and strip.is_free(point.right, start + point.room):
        strip.take(point.right, start + point.room + LABEL_GAP)
        return Label(start, point.y, point.title, item, max_width=point.room, lane=lane)
    return None


def _leader_label(
    rows: _Rows, metrics: LaneMetrics, lane: int, x: float, sizes: tuple[float, float]
) -> tuple[int, float] | None:
    """(row, text x) of the first bar row below ``x`` with room right (else left) of a leader
    line at ``x``; the rows above keep the line itself free."""
    width, width_px = sizes
    for row in range(metrics.rows_of(lane)):
        occupancy = rows.get(lane, row)
        if not occupancy.is_free(x - 1.0, x + 1.0):
            return None  # the leader line cannot pass this row
        right_end = x + LEADER_PAD + width
        left_start = x - LEADER_PAD - width
        if right_end <= width_px and occupancy.is_free(x - 1.0, right_end + LABEL_GAP):
            _take_line(rows, lane, row, x)
            occupancy.take(x - 1.0, right_end + LABEL_GAP)
            return row, x + LEADER_PAD
        if left_start >= 0.0 and occupancy.is_free(left_start - LABEL_GAP, x + 1.0):
            _take_line(rows, lane, row, x)
            occupancy.take(left_start - LABEL_GAP, x + 1.0)
            return row, left_start
    return None


def _take_line(rows: _Rows, lane: int, row: int, x: float) -> None:
    for above in range(row):
        rows.get(lane, above).take(x - 1.0, x + 1.0)


def _beside_bar(
    titles: list[str], bars: Bars, rows: _Rows, k: int, width: float, width_px: float
) -> Label | None:
    """Right of the bar in its row, else left of it, else elided inside it."""
    lane, row = int(bars.lane[k]), int(bars.row[k])
    occupancy = rows.get(lane, row)
    x0, x1 = float(bars.x0[k]), float(bars.x1[k])
    title, item, y = titles[int(bars.index[k])], int(bars.ids[k]), float(bars.y[k])
    start = x1 + LABEL_PAD
    if start + width <= width_px and occupancy.is_free(x1, start + width + LABEL_GAP):
        occupancy.take(x1, start + width + LABEL_GAP)
        return Label(start, y, title, item, "bar", lane=lane)
    end = x0 - LABEL_PAD
    if end - width >= 0.0 and occupancy.is_free(end - width - LABEL_GAP, x0):
        occupancy.take(end - width - LABEL_GAP, x0)
        return Label(end - width, y, title, item, "bar", lane=lane)
    left = max(x0, 0.0) + LABEL_PAD
    room = min(x1, width_px) - LABEL_PAD - left
    if room >= MIN_ELIDED_PX:
        return Label(left, y, title, item, "bar", max_width=room, lane=lane)
    return None
