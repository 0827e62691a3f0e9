"""The leftover items a frame tries to label beside, below or elided, in priority order.

Everything a candidate needs (extent, lane, title, width) is gathered for all candidates at once
with a few numpy calls and handed over as plain Python values: the placement loop then touches
no numpy scalars. Only candidates are measured (at most ``MAX_LEADER_CANDIDATES`` per frame).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import Bars, Clusters, Markers
from desktop.core.timeline.label_rows import MARKER_RADIUS

MAX_LEADER_CANDIDATES = 160  # per frame, in priority order: bounds the cost of dense views

Measure = Callable[[str], float]
Widths = Callable[[NDArray[np.int64]], NDArray[np.float64]]
Titles = Sequence[str]
Members = tuple[NDArray[np.int64], NDArray[np.int64]]  # store indices and ids, in time order
# clusters (indices into the frame's) -> for each, its key members other than its lead
KeyMembers = Callable[[NDArray[np.int64]], list[Members]]
LINE_STEP = 3.0  # px between the leader lines of one cluster's key members
MEASURED_AT_ONCE = 8  # a cluster's member titles are measured this many at a time


NO_MEMBERS: Members = (np.empty(0, np.int64), np.empty(0, np.int64))


def no_members(clusters: NDArray[np.int64]) -> list[Members]:
    return [NO_MEMBERS] * len(clusters)


@dataclass(slots=True)
class Point:
    """A glyph to label: its lane, extent ``[left, right)`` in the strip, strip centre ``y``,
    title, label id (``-1 - k`` for cluster ``k``), title width and the room right of it."""

    lane: int
    left: float
    right: float
    y: float
    title: str
    id: int
    width: float
    room: float
    importance: int = 3


@dataclass(frozen=True, slots=True)
class MemberLines:
    """The key members of one cluster other than its lead, each to be labelled on a leader
    line of its own ``LINE_STEP`` px apart right of the cluster's centre, the rightmost line
    first. Their ``Point``s are made (and their titles measured) one at a time as placing asks
    for them: a dense cluster holds hundreds, and placing stops at the first few that find no
    room in the lane (``labels.MAX_LANE_MISSES``)."""

    lane: int
    y: float
    centre: float
    index: NDArray[np.int64]  # store indices, in time order
    ids: NDArray[np.int64]
    titles: Titles
    widths: Widths
    importance: int = 1

    def points(self) -> Iterator[Point]:
        """The members' points, the rightmost leader line first."""
        index, ids = self.index.tolist(), self.ids.tolist()
        sizes: list[float] = []  # the next few widths, measured together (one numpy call)
        for n in reversed(range(len(index))):
            if not sizes:
                sizes = self.widths(self.index[max(0, n - MEASURED_AT_ONCE + 1) : n + 1]).tolist()
            x = self.centre + (n + 1) * LINE_STEP
            size = sizes.pop()  # member n's
            title = self.titles[index[n]]
            yield Point(self.lane, x - 1.0, x + 1.0, self.y, title, ids[n], size, 0.0, 1)


@dataclass(slots=True)
class BarItem:
    """A bar to label beside: lane, row, extent ``[x0, x1)``, row top, title, id, title width."""

    lane: int
    row: int
    x0: float
    x1: float
    y: float
    title: str
    id: int
    width: float
    importance: int = 3


Candidate = Point | BarItem | MemberLines


@dataclass(frozen=True, slots=True)
class Leftovers:
    """Markers ``rest`` (with their title widths and room in the strip), bars ``bars`` and
    clusters ``clusters`` (indices into the frame's parts) still to be labelled."""

    rest: NDArray[np.int64]
    rest_widths: NDArray[np.float64]
    rest_room: NDArray[np.float64]
    bars: NDArray[np.int64]
    clusters: NDArray[np.int64]


def candidates(
    parts: tuple[Markers, Clusters, Bars],
    left: Leftovers,
    titles: Titles,
    measures: tuple[Widths, Measure],
    members: KeyMembers = no_members,
) -> list[Candidate]:
    """The leftovers by importance (a cluster has its lead's), then clusters after single
    events, then x; at most ``MAX_LEADER_CANDIDATES``. Markers and clusters are ``Point``s; a
    cluster led by an importance-1 event is followed by one ``Point`` for each of its other
    importance-1 members (``members``, made as placing reaches them: ``MemberLines``), so
    every key event gets its own label."""
    markers, clusters, bars = parts
    order = _by_priority(parts, left)
    n_markers, n_bars = len(left.rest), len(left.bars)
    m = order[order < n_markers]  # positions in (markers, bars, clusters), priority order
    b = order[(order >= n_markers) & (order < n_markers + n_bars)]
    c = order[order >= n_markers + n_bars]
    points = marker_points(titles, markers, left.rest[m], left.rest_widths[m], left.rest_room[m])
    bar_items = _bar_items(titles, measures[0], bars, left.bars[b - n_markers])
    cluster_points = _cluster_points(
        titles, measures, clusters, left.clusters[c - n_markers - n_bars], members
    )
    positions = [*m.tolist(), *b.tolist(), *c.tolist()]
    single: list[Candidate] = [*points, *bar_items]
    singles = [[item] for item in single]
    made = dict(zip(positions, [*singles, *cluster_points], strict=True))
    return [item for position in order.tolist() for item in made[position]]


def _by_priority(parts: tuple[Markers, Clusters, Bars], left: Leftovers) -> NDArray[np.int64]:
    """Positions in (markers, bars, clusters) of the leftovers, in priority order."""
    markers, clusters, bars = parts
    rest, bar_rest, shown = left.rest, left.bars, left.clusters
    importance = np.concatenate(
        (markers.importance[rest], bars.importance[bar_rest], clusters.lead_importance[shown])
    )
    xs = np.concatenate((markers.x[rest], np.maximum(bars.x0[bar_rest], 0.0), clusters.x0[shown]))
    is_cluster = np.zeros(len(importance), np.bool_)
    is_cluster[len(rest) + len(bar_rest) :] = True
    is_cluster &= importance > 1  # a cluster led by a key event keeps its place in time
    order: NDArray[np.int64] = np.lexsort((xs, is_cluster, importance))[:MAX_LEADER_CANDIDATES]
    return order


def marker_points(
    titles: Titles,
    markers: Markers,
    chosen: NDArray[np.int64],
    widths: NDArray[np.float64],
    room: NDArray[np.float64],
) -> list[Point]:
    radius = MARKER_RADIUS
    return [
        Point(lane, x - radius, x + radius, y, titles[index], item, width, space, rank)
        for lane, x, y, index, item, width, space, rank in zip(
            markers.lane[chosen].tolist(),
            markers.x[chosen].tolist(),
            markers.y[chosen].tolist(),
            markers.index[chosen].tolist(),
            markers.ids[chosen].tolist(),
            widths.tolist(),
            room.tolist(),
            markers.importance[chosen].tolist(),
            strict=True,
        )
    ]


def _bar_items(
    titles: Titles, widths: Widths, bars: Bars, chosen: NDArray[np.int64]
) -> list[BarItem]:
    if not len(chosen):
        return []  # (an empty part may hold float arrays)
    index = bars.index[chosen]
    return [
        BarItem(lane, row, x0, x1, y, titles[k], item, width, rank)
        for lane, row, x0, x1, y, k, item, width, rank in zip(
            bars.lane[chosen].tolist(),
            bars.row[chosen].tolist(),
            bars.x0[chosen].tolist(),
            bars.x1[chosen].tolist(),
            bars.y[chosen].tolist(),
            index.tolist(),
            bars.ids[chosen].tolist(),
            widths(index).tolist(),
            bars.importance[chosen].tolist(),
            strict=True,
        )
    ]


def _cluster_points(
    titles: Titles,
    measures: tuple[Widths, Measure],
    clusters: Clusters,
    chosen: NDArray[np.int64],
    members: KeyMembers,
) -> list[list[Candidate]]:
    """Per cluster: its label, with its lead member's title and how many more it holds (the
    width is the title's plus the count's: both are measured once and reused), then the
    labels of its other importance-1 members (``MemberLines``)."""
    widths, measure = measures
    if not len(chosen):
        return []
    leads, ranks = clusters.lead[chosen], clusters.lead_importance[chosen]
    keyed = iter(members(chosen[ranks <= 1]))  # looked up together, in the order of ``chosen``
    found: list[list[Candidate]] = []
    for k, lane, x0, x1, y, lead, count, width, rank in zip(
        chosen.tolist(),
        clusters.lane[chosen].tolist(),
        clusters.x0[chosen].tolist(),
        clusters.x1[chosen].tolist(),
        clusters.y[chosen].tolist(),
        leads.tolist(),
        clusters.count[chosen].tolist(),
        widths(leads).tolist(),
        ranks.tolist(),
        strict=True,
    ):
        lines = (
            None
            if rank > 1
            else _member_lines(next(keyed), (lane, y, (x0 + x1) / 2), titles, widths)
        )
        rest = count - 1 - (0 if lines is None else len(lines.index))
        more = f" +{rest}" if rest > 0 else ""
        title, wide = titles[lead] + more, width + (measure(more) if more else 0.0)
        group: list[Candidate] = [Point(lane, x0, x1, y, title, -1 - k, wide, 0.0, rank)]
        if lines is not None:
            group.append(lines)
        found.append(group)
    return found


def _member_lines(
    found: tuple[NDArray[np.int64], NDArray[np.int64]],
    where: tuple[int, float, float],
    titles: Titles,
    widths: Widths,
) -> MemberLines | None:
    """The lines of a key-led cluster's members other than its lead (``found``; None: it has
    none); ``where``: the cluster's lane, strip centre y and x centre."""
    index, ids = found
    if not len(index):
        return None
    lane, y, centre = where
    return MemberLines(lane, y, centre, index, ids, titles, widths)
