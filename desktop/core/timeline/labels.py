"""Which titles a frame shows and where: the most important events first, never overlapping.

First, every title that fits for free is placed: a bar's title inside its bar, and an
importance-1 marker's title right of the marker in its lane's strip when it ends before the
next glyph and the canvas edge. Then the importance-1 leftovers (markers, bars and clusters led
by an importance-1 event) are placed; only then the other markers' free titles (where a key
event's label has not taken the room) and the remaining leftovers, by importance (2 before 3),
then time:

- a marker's title starts at its marker: right of it in the strip; at the right edge it moves
  inward (left of the marker, ending at it); else it goes into the first bar row below with a
  free stretch right (or else left) of a leader line from the marker; else left of the marker
  in the strip; else it is elided into the room right of the marker when at least
  ``MIN_ELIDED_PX`` is there (``elide``; a figure passes False: a title is then whole or not
  drawn at all, never cut);
- a bar's title goes beside the bar in its row (right, else left), else elided inside the bar
  (``elide``), else below on a leader line;
- a cluster (after single events of the same importance) is labelled like a marker with the
  title of its most important member and how many more it holds ("Title +2").

Every row keeps its occupied intervals (glyphs, bars, labels, leader lines), so no label covers
a bar, a glyph or another label, no label leaves the canvas, and a less important event never
takes room a more important one needed. Dense views stay cheap: at most
``MAX_LEADER_CANDIDATES`` leftovers are tried, and a lane stops being tried once
``MAX_LANE_MISSES`` of its candidates in a row found no room.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import Bars, Clusters, Label, LaneMetrics, Markers, new_label
from desktop.core.timeline.label_candidates import (
    MAX_LEADER_CANDIDATES,
    BarItem,
    Candidate,
    KeyMembers,
    Leftovers,
    Measure,
    MemberLines,
    Point,
    Widths,
    candidates,
    marker_points,
    no_members,
)
from desktop.core.timeline.label_rows import MARKER_RADIUS, STRIP, RowOccupancy, Rows

LABEL_PAD = 3.0
LABEL_GAP = 6.0
LEADER_PAD = 3.0
LANE_KEY = 1e7  # |x| is clipped to this when sorting glyphs by (lane, x)
MAX_LANE_MISSES = 8  # a lane whose last this many candidates found no room is not tried further
MIN_ELIDED_PX = 48.0  # an elided title keeps at least this much room (a few words)
MIN_INSIDE_PX = 10.0  # a bar with less room inside is never labelled inside

__all__ = ["LABEL_GAP", "MAX_LEADER_CANDIDATES", "RowOccupancy", "bar_labels", "place_labels"]


def place_labels(
    titles: Sequence[str],
    widths: Widths,
    parts: tuple[Markers, Clusters, Bars],
    metrics: LaneMetrics,
    width_px: float,
    measure: Measure,
    members: KeyMembers = no_members,
    elide: bool = True,
) -> list[Label]:
    """Labels for one frame (see the module docstring for the guarantees). A cluster's label
    has id ``-1 - k`` for ``clusters`` entry ``k``. Without ``elide`` every title is whole."""
    markers, clusters, bars = parts
    labels, unlabelled_bars = bar_labels(titles, widths, bars, width_px)
    visible = np.flatnonzero((markers.x > -MARKER_RADIUS) & (markers.x < width_px))
    label_widths = widths(markers.index[visible])
    room = _room_in_strip(markers, clusters, visible, width_px)
    fits = label_widths <= room
    key = fits & (markers.importance[visible] <= 1)  # key events: placed before anything else
    taken = _strip_labels(titles, markers, visible[key], label_widths[key], labels)
    rows = Rows(parts, taken)
    left = Leftovers(
        visible[~fits],
        label_widths[~fits],
        room[~fits],
        unlabelled_bars,
        np.flatnonzero((clusters.x1 > 0) & (clusters.x0 < width_px)),
    )
    queue = candidates(parts, left, titles, (widths, measure), members)
    misses: dict[int, int] = {}
    full = (misses, MAX_LANE_MISSES)
    key_count = queue.key_count()
    canvas = Canvas(width_px, MIN_ELIDED_PX if elide else math.inf)
    _place(rows, metrics, queue.made((0, key_count), full), (labels, misses), canvas)
    late = fits & ~key
    late_index, late_widths = visible[late], label_widths[late]
    blocked = _free_strip_labels(rows, titles, markers, (late_index, late_widths), labels)
    rest = chain(
        marker_points(
            titles, markers, late_index[blocked], late_widths[blocked], room[late][blocked]
        ),
        queue.made((key_count, len(queue)), full),
    )
    _place(rows, metrics, rest, (labels, misses), canvas)
    return labels


@dataclass(frozen=True, slots=True)
class Canvas:
    """The frame's width and the least room an elided title may have (inf: never elide)."""

    width_px: float
    min_elided: float


def _place(
    rows: Rows,
    metrics: LaneMetrics,
    items: Iterable[Candidate],
    found: tuple[list[Label], dict[int, int]],
    canvas: Canvas,
) -> None:
    """Place ``items`` in order, appending to ``found[0]``; ``found[1]`` counts misses per
    lane (a lane stops being tried after ``MAX_LANE_MISSES`` in a row: a cluster's member
    lines are made only while their lane is tried)."""
    labels, misses = found
    for item in items:
        if misses.get(item.lane, 0) >= MAX_LANE_MISSES:
            continue  # the lane is full: not even a cluster's member lines are made
        points = item.points() if isinstance(item, MemberLines) else (item,)
        for one in points:
            lane = one.lane
            if misses.get(lane, 0) >= MAX_LANE_MISSES:
                break  # this lane is full at this zoom: the rest would fail too
            if isinstance(one, BarItem):
                label = _beside_bar(rows, metrics, one, canvas)
            else:
                label = _point_label(rows, metrics, one, canvas)
            if label is not None:
                labels.append(label)
                misses[lane] = 0
            else:
                misses[lane] = misses.get(lane, 0) + 1


def _free_strip_labels(
    rows: Rows,
    titles: Sequence[str],
    markers: Markers,
    chosen: tuple[NDArray[np.int64], NDArray[np.float64]],
    labels: list[Label],
) -> NDArray[np.bool_]:
    """Labels right of the markers ``chosen`` (whose titles fit before the next glyph) where a
    key event's label has not taken the room meanwhile; returns which found it taken."""
    index, widths = chosen
    blocked = np.zeros(len(index), np.bool_)
    for n, (x, y, k, item, lane, width) in enumerate(
        zip(
            (markers.x[index] + MARKER_RADIUS + LABEL_PAD).tolist(),
            markers.y[index].tolist(),
            markers.index[index].tolist(),
            markers.ids[index].tolist(),
            markers.lane[index].tolist(),
            widths.tolist(),
            strict=True,
        )
    ):
        strip = rows.get(lane, STRIP)
        end = x + width + LABEL_GAP
        if strip.is_free(x, end):
            strip.take(x, end)
            labels.append(new_label(x, y, titles[k], item, lane=lane))
        else:
            blocked[n] = True
    return blocked


def _strip_labels(
    titles: Sequence[str],
    markers: Markers,
    chosen: NDArray[np.int64],
    widths: NDArray[np.float64],
    labels: list[Label],
) -> dict[int, list[tuple[float, float]]]:
    """Append the labels of markers ``chosen`` right of their glyphs in the strip; returns the
    stretches they take, per lane."""
    taken: dict[int, list[tuple[float, float]]] = {}
    for x, y, index, item, lane, width in zip(
        (markers.x[chosen] + MARKER_RADIUS + LABEL_PAD).tolist(),
        markers.y[chosen].tolist(),
        markers.index[chosen].tolist(),
        markers.ids[chosen].tolist(),
        markers.lane[chosen].tolist(),
        widths.tolist(),
        strict=True,
    ):
        labels.append(new_label(x, y, titles[index], item, lane=lane))
        taken.setdefault(lane, []).append((x, x + width + LABEL_GAP))
    return taken


def bar_labels(
    titles: Sequence[str], widths: Widths, bars: Bars, width_px: float
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
        new_label(x, y, titles[index], item, "bar", max_width=space, lane=lane)
        for x, y, index, item, space, lane in zip(
            left[fits].tolist(),
            bars.y[fits].tolist(),
            bars.index[fits].tolist(),
            bars.ids[fits].tolist(),
            room[fits].tolist(),
            bars.lane[fits].tolist(),
            strict=True,
        )
    ]
    unlabelled = np.ones(len(bars.x0), np.bool_)
    unlabelled[fits] = False
    return labels, on_screen[unlabelled[on_screen]]


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


def _point_label(rows: Rows, metrics: LaneMetrics, point: Point, canvas: Canvas) -> Label | None:
    """Right in the strip; at the right edge left in it (ending at the marker); else a leader
    label, else left in the strip, else elided on the right (when the canvas allows it)."""
    width_px = canvas.width_px
    strip, lane, width, item = rows.get(point.lane, STRIP), point.lane, point.width, point.id
    start = point.right + LABEL_PAD
    if start + width <= width_px and strip.is_free(point.right, start + width + LABEL_GAP):
        strip.take(point.right, start + width + LABEL_GAP)
        return new_label(start, point.y, point.title, item, lane=lane)
    end = point.left - LABEL_PAD
    fits_left = end - width >= 0.0 and strip.is_free(end - width - LABEL_GAP, point.left)
    if fits_left and start + width > width_px:  # at the right edge: move inward
        strip.take(end - width - LABEL_GAP, point.left)
        return new_label(end - width, point.y, point.title, item, lane=lane)
    x = (point.left + point.right) / 2
    found = _leader_label(rows, metrics, lane, x, (width, width_px))
    if found is not None:
        row, left = found
        return new_label(left, metrics.row_y(lane, row), point.title, item, "leader", x, lane=lane)
    if fits_left:  # ending at its marker, when no leader line can go down
        strip.take(end - width - LABEL_GAP, point.left)
        return new_label(end - width, point.y, point.title, item, lane=lane)
    room = min(point.room, width_px - start)
    if room < canvas.min_elided or not strip.is_free(point.right, start):
        return None  # (the strip can only give less room; min_elided is never below 0)
    room = min(room, strip.free_until(point.right) - LABEL_GAP - start)
    if room >= canvas.min_elided:
        strip.take(point.right, start + room + LABEL_GAP)
        return new_label(start, point.y, point.title, item, max_width=room, lane=lane)
    return None


def _leader_label(
    rows: Rows,
    metrics: LaneMetrics,
    lane: int,
    x: float,
    sizes: tuple[float, float],
    first: int = 0,
) -> tuple[int, float] | None:
    """(row, text x) of the first bar row from ``first`` down with room right (else left) of a
    leader line at ``x``; the rows it passes keep the line itself free.

    (``RowOccupancy.is_free`` is written out here: this is the placing's innermost loop.)"""
    width, width_px = sizes
    line0, line1 = x - 1.0, x + 1.0
    right_end = x + LEADER_PAD + width
    left_start = x - LEADER_PAD - width
    right_fits, left_fits = right_end <= width_px, left_start >= 0.0
    right_stop, left_from = right_end + LABEL_GAP, left_start - LABEL_GAP
    for row in range(first, metrics.rows_of(lane)):
        occupancy = rows.get(lane, row)
        starts, ends = occupancy.x0, occupancy.x1
        k = bisect_left(starts, line1)
        if k and ends[k - 1] > line0:
            return None  # the leader line cannot pass this row
        if right_fits:
            k = bisect_left(starts, right_stop)
            if not k or ends[k - 1] <= line0:
                _take_line(rows, lane, (first, row), x)
                occupancy.take(line0, right_stop)
                return row, x + LEADER_PAD
        if left_fits:
            k = bisect_left(starts, line1)
            if not k or ends[k - 1] <= left_from:
                _take_line(rows, lane, (first, row), x)
                occupancy.take(left_from, line1)
                return row, left_start
    return None


def _take_line(rows: Rows, lane: int, span: tuple[int, int], x: float) -> None:
    for above in range(*span):
        rows.get(lane, above).take(x - 1.0, x + 1.0)


def _beside_bar(rows: Rows, metrics: LaneMetrics, bar: BarItem, canvas: Canvas) -> Label | None:
    """Right of the bar in its row, else left of it, else elided inside it (when the canvas
    allows it), else in a row below on a leader line from the bar's middle."""
    width_px = canvas.width_px
    lane, x0, x1, width = bar.lane, bar.x0, bar.x1, bar.width
    occupancy = rows.get(lane, bar.row)
    start = x1 + LABEL_PAD
    if start + width <= width_px and occupancy.is_free(x1, start + width + LABEL_GAP):
        occupancy.take(x1, start + width + LABEL_GAP)
        return new_label(start, bar.y, bar.title, bar.id, "bar", lane=lane)
    end = x0 - LABEL_PAD
    if end - width >= 0.0 and occupancy.is_free(end - width - LABEL_GAP, x0):
        occupancy.take(end - width - LABEL_GAP, x0)
        return new_label(end - width, bar.y, bar.title, bar.id, "bar", lane=lane)
    left = max(x0, 0.0) + LABEL_PAD
    room = min(x1, width_px) - LABEL_PAD - left
    if room >= canvas.min_elided:
        return new_label(left, bar.y, bar.title, bar.id, "bar", max_width=room, lane=lane)
    a, b = max(x0, 0.0), min(x1, width_px)
    for x in ((a + b) / 2, a + 1.5, b - 1.5):  # the middle, else where a line can pass
        found = _leader_label(rows, metrics, lane, x, (width, width_px), bar.row + 1)
        if found is not None:
            break
    else:
        return None
    row, text_x = found
    top = bar.y + metrics.row_px - 2.0  # the bar's bottom edge
    y = metrics.row_y(lane, row)
    return new_label(text_x, y, bar.title, bar.id, "leader", x, lane=lane, anchor_y=top)
