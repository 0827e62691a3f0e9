"""The leftover items a frame tries to label beside, below or elided, in priority order.

Everything a candidate needs (extent, lane, title, width) is gathered for all candidates at once
with a few numpy calls and handed over as plain Python values: the placement loop then touches
no numpy scalars. Only candidates are measured (at most ``MAX_LEADER_CANDIDATES`` per frame),
and a candidate is made (its title read, a cluster's key members looked up) only when placing
reaches it in a lane that is not full yet (``Queue``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import Bars, Clusters, Markers
from desktop.core.timeline.label_rows import MARKER_RADIUS

MAX_LEADER_CANDIDATES = 160  # per frame, in priority order: bounds the cost of dense views

Measure = Callable[[str], float]
Widths = Callable[[NDArray[np.int64]], NDArray[np.float64]]
Titles = Sequence[str]
Members = tuple[NDArray[np.int64], NDArray[np.int64]]  # store indices and ids, in time order
# a cluster's (lane, cell_t0, cell_t1, lead) -> its key members other than its lead
KeyMembers = Callable[[int, float, float, int], Members]
LINE_STEP = 3.0  # px between the leader lines of one cluster's key members
MEASURED_AT_ONCE = 8  # a cluster's member titles are measured this many at a time


NO_MEMBERS: Members = (np.empty(0, np.int64), np.empty(0, np.int64))


def no_members(lane: int, t0: float, t1: float, lead: int) -> Members:
    return NO_MEMBERS


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
) -> Queue:
    """The leftovers by importance (a cluster has its lead's), then clusters after single
    events, then x; at most ``MAX_LEADER_CANDIDATES``. Markers and clusters are ``Point``s; a
    cluster led by an importance-1 event is followed by one ``Point`` for each of its other
    importance-1 members (``members``, made as placing reaches them: ``MemberLines``), so
    every key event gets its own label. Each is made when placing reaches it (``Queue``)."""
    return Queue(parts, left, titles, measures, members)


class Queue:
    """The candidates of ``candidates`` in priority order, each made only when placing reaches
    it: in a dense view most lanes are full after a few tries, and a candidate of a lane that is
    full by then is never made (no title looked up, no key members, no object).

    What a candidate needs is read from numpy with one ``tolist`` per column for all of them:
    one row of plain values per candidate, (kind, lane, importance, ...), so making one touches
    no numpy scalar."""

    __slots__ = ("_measure", "_members", "_rows", "_titles", "_widths")

    def __init__(
        self,
        parts: tuple[Markers, Clusters, Bars],
        left: Leftovers,
        titles: Titles,
        measures: tuple[Widths, Measure],
        members: KeyMembers,
    ) -> None:
        markers, clusters, bars = parts
        self._widths, self._measure = measures
        self._titles, self._members = titles, members
        order = _by_priority(parts, left)
        n_markers, n_bars = len(left.rest), len(left.bars)
        kind = (order >= n_markers).astype(np.int64) + (order >= n_markers + n_bars)
        m = order[kind == 0]
        b = order[kind == 1] - n_markers
        c = order[kind == 2] - n_markers - n_bars
        of_kind = (
            iter(_marker_rows(markers, left, m)),
            iter(_bar_rows(bars, left.bars[b], self._widths)),
            iter(_cluster_rows(clusters, left.clusters[c], self._widths)),
        )
        self._rows = [next(of_kind[k]) for k in kind.tolist()]

    def __len__(self) -> int:
        return len(self._rows)

    def key_count(self) -> int:
        """How many candidates come from importance-1 (or 0) events: the first ones."""
        return bisect_right(self._rows, 1, key=_rank)

    def made(
        self, span: tuple[int, int], misses: tuple[dict[int, int], int]
    ) -> Iterator[Candidate]:
        """Candidates ``span[0]`` up to ``span[1]`` in order, as placing asks for them; those of
        a lane full at that moment are left out (placing would skip them): ``misses`` is the
        placing's misses per lane and the count at which a lane is full."""
        count, limit = misses
        titles, radius = self._titles, MARKER_RADIUS
        for row in self._rows[span[0] : span[1]]:
            if count.get(row[1], 0) >= limit:
                continue
            kind = row[0]
            if kind == 0:
                _, lane, rank, x, y, index, item, width, space = row
                yield Point(
                    lane, x - radius, x + radius, y, titles[index], item, width, space, rank
                )
            elif kind == 1:
                _, lane, rank, bar_row, x0, x1, y, index, item, width = row
                yield BarItem(lane, bar_row, x0, x1, y, titles[index], item, width, rank)
            else:
                yield from self._cluster(row)

    def _cluster(self, row: _Row) -> list[Candidate]:
        """The cluster's label, with its lead member's title and how many more it holds (the
        width is the title's plus the count's: both are measured once and reused), then the
        labels of its other importance-1 members (``MemberLines``)."""
        _, lane, rank, k, x0, x1, y, lead, count, width, t0, t1 = row
        titles, widths = self._titles, self._widths
        centre = (x0 + x1) / 2
        lines = (
            None
            if rank > 1
            else _member_lines(self._members(lane, t0, t1, lead), (lane, y, centre), titles, widths)
        )
        rest = count - 1 - (0 if lines is None else len(lines.index))
        more = f" +{rest}" if rest > 0 else ""
        title, wide = titles[lead] + more, width + (self._measure(more) if more else 0.0)
        group: list[Candidate] = [Point(lane, x0, x1, y, title, -1 - k, wide, 0.0, rank)]
        if lines is not None:
            group.append(lines)
        return group


_Row = tuple[Any, ...]  # kind (0 marker, 1 bar, 2 cluster), lane, importance, then the kind's


def _rank(row: _Row) -> int:
    rank: int = row[2]
    return rank


def _rows(kind: int, *columns: NDArray[Any]) -> list[_Row]:
    """One row (``kind``, then a plain value of each of ``columns``) per position."""
    return list(zip(repeat(kind), *(column.tolist() for column in columns)))


def _marker_rows(markers: Markers, left: Leftovers, m: NDArray[np.int64]) -> list[_Row]:
    chosen = left.rest[m]
    return _rows(
        0,
        markers.lane[chosen],
        markers.importance[chosen],
        markers.x[chosen],
        markers.y[chosen],
        markers.index[chosen],
        markers.ids[chosen],
        left.rest_widths[m],
        left.rest_room[m],
    )


def _bar_rows(bars: Bars, chosen: NDArray[np.int64], widths: Widths) -> list[_Row]:
    if not len(chosen):
        return []  # (an empty part may hold float arrays)
    index = bars.index[chosen]
    return _rows(
        1,
        bars.lane[chosen],
        bars.importance[chosen],
        bars.row[chosen],
        bars.x0[chosen],
        bars.x1[chosen],
        bars.y[chosen],
        index,
        bars.ids[chosen],
        widths(index),
    )


def _cluster_rows(clusters: Clusters, chosen: NDArray[np.int64], widths: Widths) -> list[_Row]:
    if not len(chosen):
        return []
    leads = clusters.lead[chosen].astype(np.int64)
    return _rows(
        2,
        clusters.lane[chosen].astype(np.int64),
        clusters.lead_importance[chosen],
        chosen,
        clusters.x0[chosen],
        clusters.x1[chosen],
        clusters.y[chosen],
        leads,
        clusters.count[chosen],
        widths(leads),
        clusters.cell_t0[chosen],
        clusters.cell_t1[chosen],
    )


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
