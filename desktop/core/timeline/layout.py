"""Level of detail for one frame: which events are bars, markers, labels or clusters.

Pure and vectorised (STYLE.md point 4). Work is proportional to the visible window, never to the
whole store: bars come from per-(lane, duration class) ``searchsorted`` ranges and everything
short is counted per pixel cell by ``searchsorted`` of the cell edges.

Stability: decisions are taken at a quantised zoom level (``zoom_level``; levels are a factor
2**(1/3) apart) on a cell grid anchored at day 0, so within one level small zooms and pans only
move things on screen, they do not regroup them. The grouping of a level is laid out over a
window wider than the view (a ``Cover``) and reused while the view stays inside it (the covers of
the last few levels are kept, so zooming back is free too); labels are placed afresh for every
frame. While the view is idle, ``prefetch`` lays out the covers of the levels one step in and
one step out, so the next zoom step finds its grouping ready instead of doing it in the frame;
after a jump of a few levels at once (a large wheel step, up to 4x) it first lays out the levels
one more such jump away, either way, since the next input is most likely another.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.cover import Cover, cover_window, time_space
from desktop.core.timeline.entering import as_markers, began_before
from desktop.core.timeline.frame import Bars, Frame, LaneMetrics, Markers, evolved
from desktop.core.timeline.label_candidates import NO_MEMBERS, KeyMembers
from desktop.core.timeline.labels import place_labels
from desktop.core.timeline.lane_fit import MIN_ROWS, compact_lanes, fit_rows, rows_used
from desktop.core.timeline.packing import pack_rows
from desktop.core.timeline.points import SUPER_CELLS, lay_out_points
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.store import ClassGroup, EventStore, class_floor_days, prefetch_titles

LEVEL_BASE = 2.0 ** (1.0 / 3.0)
CELL_PX = 10.0  # events closer than about this many pixels merge into a cluster
BAR_PX = 4.0  # shorter events are drawn as markers
BARS_PER_LANE_PER_PX = 0.1  # bar budget per lane and row: more become markers or clusters
BUDGET_WINDOW = 1.5  # the bar budget is per this many view widths of the laid-out window
POINT_CLASS = 0  # duration classes up to this one (a single day and less) are always points
KEPT_COVERS = 16  # covers of this many recent zoom levels are kept (visited and prefetched)
MAX_MEMBER_SETS = 20_000  # clusters whose key members are kept (``_key_members``)
MAX_JUMP = 6  # a jump of up to this many levels (4x) is expected again; longer ones are one-offs

Measure = Callable[[str], float]
_Members = tuple[NDArray[np.int64], NDArray[np.int64]]


def zoom_level(scale: TimeScale) -> tuple[int, float]:
    """(level, days per pixel of that level); the level's dpp is <= the scale's, within 26%."""
    level = math.floor(math.log(scale.days_per_px) / math.log(LEVEL_BASE) + 1e-9)
    return level, LEVEL_BASE**level


@dataclass(frozen=True, slots=True)
class _View:
    """The window ``[w0, w1)`` laid out at one level, in time space; ``width_px`` is the view's."""

    level_dpp: float
    w0: float
    w1: float
    cell_days: float
    width_px: float


class TimelineLayout:
    """Lays out frames of one store; caches label widths (the only state)."""

    def __init__(self, store: EventStore, measure: Measure, metrics: LaneMetrics) -> None:
        self.store = store
        self.measure = measure
        self.metrics = metrics
        self._widths = np.full(len(store), np.nan)
        self._used_rows: dict[int, list[int]] = {}
        self._covers: dict[int, Cover] = {}  # by zoom level, the most recently used last
        self._keys: list[_KeyEvents] | None = None
        self._level: int | None = None  # of the last frame
        self._jump = 1  # levels between the last two frames of different levels
        self._last: tuple[tuple[object, ...], Frame] | None = None  # (arguments, frame)
        self._members: dict[tuple[int, float, float, int, int], _Members] = {}

    def carried(self, store: EventStore) -> TimelineLayout:
        """This layout for ``store``, a copy of this layout's store with some items retitled or
        re-ranked (``EventStore.with_rows``; ``store.origin`` says which): the rows seen per
        level and the other titles' widths are kept, and so are the covers when no importance
        changed (which items are markers, bars or clusters, and a cluster's key members, depend
        on times, lanes and ranks, never on titles); and so is the last frame, when none of the
        items retitled is one whose title it could show (an edit out of view lays out nothing)."""
        origin = store.origin
        assert origin is not None and origin.store() is self.store
        layout = TimelineLayout(store, self.measure, self.metrics)
        layout._widths = self._widths.copy()
        layout._widths[origin.positions] = np.nan
        layout._used_rows = {level: list(rows) for level, rows in self._used_rows.items()}
        layout._level, layout._jump = self._level, self._jump
        if not origin.ranked:
            layout._covers = dict(self._covers)
            layout._keys = self._keys
            layout._members = self._members  # same ranks and places: the same members
            if self._last is not None and not _may_show(self._last[1], store, origin.positions):
                layout._last = self._last
        return layout

    def frame(self, scale: TimeScale, height: float | None = None, elide: bool = True) -> Frame:
        """Everything the painter needs for ``scale`` (titles may be elided unless ``elide`` is
        False: a figure's titles are whole or left out).

        Without ``height`` every lane has the rows ``metrics`` gives it. With ``height`` each
        lane is sized to the rows it uses (at least one; the most seen at this zoom level, so
        lanes do not jump while panning) and the lanes are shrunk, tallest first, to fit
        ``height``; bars that no longer fit are drawn as markers instead (counted in
        ``Frame.hidden``; see ``entering``) and the titles are placed in the rows left.

        Titles are placed once per frame when no lane could grow for them: each lane already
        has all the rows it may have at this level, or fewer than its bars ask for (it was
        shrunk to fit, and more wanted rows would not change the fit). Otherwise they are first
        placed in the full rows, to learn which rows they use, and again if bars were dropped.

        The same arguments twice in a row give the same frame without laying it out again (a
        repaint for a selection or a tooltip draws what is already placed).
        """
        asked = (scale, height, elide)
        if self._last is not None and self._last[0] == asked:
            return self._last[1]
        found = self._frame(scale, height, elide)
        self._last = (asked, found)
        return found

    def last_frame(self, scale: TimeScale, height: float | None, elide: bool) -> Frame | None:
        """The frame ``frame`` gives for these arguments without laying anything out (the
        last one, or one carried from the store this one's was copied from), else None."""
        last = self._last
        return last[1] if last is not None and last[0] == (scale, height, elide) else None

    def _frame(self, scale: TimeScale, height: float | None, elide: bool) -> Frame:
        bare = self._bare_frame(scale)
        if height is None:
            return self._labelled(bare, self.metrics, elide)
        used = self._used_rows.setdefault(bare.level, [0] * self.store.lane_count)
        frame = bare
        fitted = self._fit(frame, used, height)
        if not _settled(self.metrics, used, fitted):
            frame = self._labelled(bare, self.metrics, elide)  # labels may need more rows
            fitted = self._fit(frame, used, height)
        compact = compact_lanes(frame, fitted)
        dropped = _dropped_bars(frame, fitted)
        if frame is not bare and not len(dropped):
            return compact
        if len(dropped):
            more = as_markers(self.store, dropped, scale, fitted)
            compact = evolved(compact, markers=Markers.concat([compact.markers, more]))
        return self._labelled(compact, fitted, elide)

    def _fit(self, frame: Frame, used: list[int], height: float) -> LaneMetrics:
        """Rows per lane within ``height``, after adding the rows ``frame`` uses to ``used``
        (the most seen at its level)."""
        for lane, rows in enumerate(rows_used(frame)):
            used[lane] = max(used[lane], rows)
        return fit_rows(self.metrics, used, height)

    def prefetch(self, scale: TimeScale) -> bool:
        """Lay out one missing cover a zoom step away from ``scale``: after a jump of several
        levels (at most ``MAX_JUMP``: longer ones, like going home, are not repeated and would
        cost too much), first one more such jump in and out, then one level in and out. False
        when all are ready or the zoom limits leave no step. Meant for idle time: each call
        lays out one cover at most."""
        level, _ = zoom_level(scale)
        centre = scale.width_px / 2.0
        jump = self._jump  # a cover MAX_JUMP levels in is laid over 4 view widths; no more
        steps = (jump, -jump, 1, -1) if 1 < jump <= MAX_JUMP else (1, -1)
        for step in steps:
            near = scale.zoom(LEVEL_BASE**step, centre)
            near_level, near_dpp = zoom_level(near)
            if near_level == level:
                continue  # at a zoom limit
            cover = self._covers.get(near_level)
            if cover is None or not cover.covers(near_level, near):
                self._keep(self._lay_out_cover(_laid_over(scale, step), near_level, near_dpp))
                return True
        return False

    def _cover_for(self, scale: TimeScale) -> Cover:
        level, level_dpp = zoom_level(scale)
        cover = self._covers.pop(level, None)
        if cover is None or not cover.covers(level, scale):
            cover = self._lay_out_cover(scale, level, level_dpp)
        self._keep(cover)
        if self._level is not None and level != self._level:
            self._jump = abs(level - self._level)
        self._level = level
        return cover

    def _keep(self, cover: Cover) -> None:
        """Keep ``cover`` as the most recent of its level; forget the least recent beyond
        ``KEPT_COVERS``."""
        self._covers.pop(cover.level, None)
        self._covers[cover.level] = cover
        while len(self._covers) > KEPT_COVERS:
            del self._covers[next(iter(self._covers))]

    def _bare_frame(self, scale: TimeScale) -> Frame:
        """The frame of ``scale`` in the full rows of ``metrics``, without labels."""
        cover = self._cover_for(scale)
        markers, bars, clusters = cover.placed(scale)
        entering = began_before(self.store, scale, cover.point_cutoff, clusters)
        if len(entering):
            more = as_markers(self.store, entering, scale, self.metrics)
            markers = Markers.concat([markers, more])
        return Frame(
            scale,
            self.metrics,
            cover.level,
            markers,
            bars,
            (),
            clusters,
            cover.hidden_in(scale),
            cover.point_cutoff,
        )

    def _labelled(self, frame: Frame, metrics: LaneMetrics, elide: bool) -> Frame:
        """``frame`` with its titles placed in the rows of ``metrics``."""
        parts = (frame.markers, frame.clusters, frame.bars)
        labels = place_labels(
            self.store.titles,
            self.widths,
            parts,
            metrics,
            frame.scale.width_px,
            self.measure,
            self._key_members(frame.point_cutoff),
            elide,
        )
        return evolved(frame, labels=tuple(labels))

    def _lay_out_cover(self, scale: TimeScale, level: int, level_dpp: float) -> Cover:
        """Every lane's markers, bars and clusters over the cover window of ``scale``: bars lane
        by lane (each lane packs its own rows), points of all lanes in one pass."""
        cell_days = CELL_PX * level_dpp
        w0, w1 = cover_window(scale, cell_days * SUPER_CELLS)
        view = _View(level_dpp, w0, w1, cell_days, scale.width_px)
        lanes = [self._lane_bars(lane, view) for lane in range(self.store.lane_count)]
        point_groups = [
            group
            for lane, (_, _, cutoff) in enumerate(lanes)
            for group in self._groups(lane)
            if group.duration_class < cutoff
        ]
        window = (time_space(view.width_px), w0, w1, cell_days)
        markers, clusters = lay_out_points(self.store, point_groups, window, self.metrics)
        return Cover(
            level,
            w0,
            w1,
            markers,
            Bars.concat([bars for bars, _, _ in lanes]),
            clusters,
            _hidden_bars(self.store, [hidden for _, hidden, _ in lanes]),
            tuple(cutoff for _, _, cutoff in lanes),
        )

    def _groups(self, lane: int) -> tuple[ClassGroup, ...]:
        return self.store.groups[lane] if lane < len(self.store.groups) else ()

    def _lane_bars(self, lane: int, view: _View) -> tuple[Bars, NDArray[np.int64], int]:
        """(bars, store indices of bars left out for want of a row, point class cutoff) of one
        lane."""
        lane_rows = self.metrics.rows_of(lane)
        window_px = (view.w1 - view.w0) / view.level_dpp
        budget = int(window_px / BUDGET_WINDOW * BARS_PER_LANE_PER_PX) * lane_rows
        bar_index, cutoff = _visible_bars(self.store, self._groups(lane), view, budget)
        rows = pack_rows(
            self.store.t_lo[bar_index] / view.level_dpp,
            self.store.t_hi[bar_index] / view.level_dpp,
            lane_rows,
            2.0,
        )
        shown = rows >= 0
        days = time_space(view.width_px)
        bars = Bars.build(self.store, bar_index[shown], rows[shown], lane, days, self.metrics)
        return bars, bar_index[~shown], cutoff

    def _key_events(self) -> list[_KeyEvents]:
        """Per lane, its importance-1 events (built on first use)."""
        if self._keys is None:
            lanes = range(self.store.lane_count)
            self._keys = [_KeyEvents.of_lane(self.store, self._groups(lane)) for lane in lanes]
        return self._keys

    def _key_members(self, cutoff: tuple[int, ...]) -> KeyMembers:
        """For a cluster: (store index, id) of its importance-1 members other than its lead, in
        time order. Kept per (lane, cell, cutoff, lead): a cluster of one level is the same in
        every frame of that level, so pans and zooms within it look each one up once."""
        keys, store, found = self._key_events(), self.store, self._members
        if len(found) > MAX_MEMBER_SETS:
            found.clear()

        def members(lane: int, t0: float, t1: float, lead: int) -> _Members:
            if lane >= len(keys):
                return NO_MEMBERS
            asked = (lane, t0, t1, cutoff[lane], lead)
            known = found.get(asked)
            if known is None:
                known = found[asked] = _others(store, keys[lane], asked)
            return known

        return members

    def widths(self, index: NDArray[np.int64]) -> NDArray[np.float64]:
        """Label widths of the items at ``index``, measuring each title once."""
        widths: NDArray[np.float64] = self._widths[index]
        missing = index[np.isnan(widths)]
        if not len(missing):
            return widths  # (the common case: no titles to read or measure)
        prefetch_titles(self.store.titles, missing)
        for k in missing.tolist():
            self._widths[k] = self.measure(self.store.titles[k])
        found: NDArray[np.float64] = self._widths[index]
        return found


@dataclass(frozen=True, slots=True)
class _KeyEvents:
    """One lane's importance-1 events in time order (then store order), with their duration
    classes: a cluster's key members are one ``searchsorted`` away."""

    t_lo: NDArray[np.float64]
    index: NDArray[np.int64]
    duration_class: NDArray[np.int64]

    @classmethod
    def of_lane(cls, store: EventStore, groups: tuple[ClassGroup, ...]) -> _KeyEvents:
        parts = [np.arange(g.start, g.stop, dtype=np.int64) for g in groups]
        classes = [np.full(g.stop - g.start, g.duration_class, np.int64) for g in groups]
        index = np.concatenate(parts) if parts else np.empty(0, np.int64)
        duration_class = np.concatenate(classes) if classes else np.empty(0, np.int64)
        key = store.importance[index] <= 1
        index, duration_class = index[key], duration_class[key]
        order = np.lexsort((index, store.t_lo[index]))
        return cls(store.t_lo[index[order]], index[order], duration_class[order])


def _may_show(frame: Frame, store: EventStore, positions: NDArray[np.int64]) -> bool:
    """Whether ``frame`` may show the title of an item at ``positions``: a marker's, a bar's
    or a cluster's lead's, or an importance-1 item's that lies in one of its clusters' cells
    (a key member, labelled on its own line)."""
    shown = (frame.markers.index, frame.bars.index, frame.clusters.lead)
    if np.isin(positions, np.concatenate(shown).astype(np.int64)).any():
        return True
    clusters = frame.clusters
    for k in positions[store.importance[positions] <= 1].tolist():
        t, lane = store.t_lo[k], store.lane[k]
        if ((clusters.lane == lane) & (clusters.cell_t0 <= t) & (t < clusters.cell_t1)).any():
            return True
    return False


def _others(
    store: EventStore, keys: _KeyEvents, asked: tuple[int, float, float, int, int]
) -> _Members:
    """(store index, id) of the key events of ``keys`` starting in ``[t0, t1)`` below the class
    cutoff, but for ``lead``; ``asked`` is (lane, t0, t1, cutoff, lead)."""
    _, t0, t1, cutoff, lead = asked
    lo, hi = keys.t_lo.searchsorted((t0, t1)).tolist()
    index = keys.index[lo:hi]
    index = index[(keys.duration_class[lo:hi] < cutoff) & (index != lead)]
    return index, store.ids[index]


def _hidden_bars(
    store: EventStore, per_lane: list[NDArray[np.int64]]
) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.float64]]:
    """(lane, start, end) of the bars that found no row, from their store indices."""
    index = np.concatenate(per_lane) if per_lane else np.empty(0, np.int64)
    return store.lane[index], store.t_lo[index], store.t_hi[index]


def _laid_over(scale: TimeScale, step: int) -> TimeScale:
    """The view to lay a cover ``step`` levels from ``scale`` over, so that it holds the next
    view at any anchor: a view zoomed in lies inside ``scale``; one zoomed out ``f`` times lies
    inside ``scale`` widened ``2f - 1`` times about its centre (up to 2x, ``f`` times is enough:
    the cover's margins hold the rest)."""
    if step > 0:
        return scale
    out = LEVEL_BASE**-step
    return scale.zoom(1.0 / (out if out < 2.0 else 2.0 * out - 1.0), scale.width_px / 2.0)


def _settled(metrics: LaneMetrics, used: list[int], fitted: LaneMetrics) -> bool:
    """True when more wanted rows in any lane would not change ``fitted``: every lane has all
    it is allowed or was shrunk below what it wants (the tallest-first shrink ends at the same
    level however much more a shrunk lane wants), and no lane gave up all its rows (the order
    in which lanes give theirs up depends on what they want)."""
    for lane, wanted in enumerate(used):
        allowed, rows = metrics.rows_of(lane), fitted.rows_of(lane)
        if allowed > 0 and rows == 0:
            return False
        if wanted < allowed and rows >= min(allowed, max(MIN_ROWS, wanted)):
            return False
    return True


def _dropped_bars(frame: Frame, fitted: LaneMetrics) -> NDArray[np.int64]:
    """Store indices of the bars of ``frame`` in rows ``fitted`` no longer gives their lane and
    in view."""
    bars = frame.bars
    if not len(bars.row):
        return np.empty(0, np.int64)
    limit = np.array([fitted.rows_of(k) for k in range(len(frame.point_cutoff))] + [0])
    gone = (bars.row >= limit[bars.lane.astype(np.int64)]) & (bars.x1 > 0)
    gone &= bars.x0 < frame.scale.width_px
    found: NDArray[np.int64] = bars.index[gone].astype(np.int64)
    return found


def _visible_bars(
    store: EventStore, groups: tuple[ClassGroup, ...], view: _View, budget: int
) -> tuple[NDArray[np.int64], int]:
    """Indices of visible bars (longest classes first, within ``budget``) and the class cutoff:
    classes below it are drawn as points."""
    bar_days = BAR_PX * view.level_dpp
    found: list[NDArray[np.int64]] = []
    total = 0
    cutoff = min((g.duration_class for g in groups), default=0)
    for group in groups:
        too_short = class_floor_days(group.duration_class) < bar_days
        if too_short or group.duration_class <= POINT_CLASS:
            cutoff = group.duration_class + 1
            break
        index = _overlapping(store, group, view.w0, view.w1)
        if total + len(index) > budget:
            cutoff = group.duration_class + 1
            break
        found.append(index)
        total += len(index)
        cutoff = group.duration_class
    if not found:
        return np.empty(0, np.int64), cutoff
    index = np.concatenate(found)
    return index[np.lexsort((store.ids[index], store.t_lo[index]))], cutoff


def _overlapping(store: EventStore, group: ClassGroup, w0: float, w1: float) -> NDArray[np.int64]:
    starts = store.t_lo[group.start : group.stop]
    lo = int(starts.searchsorted(w0 - group.max_duration))
    hi = int(starts.searchsorted(w1))
    ends = store.t_hi[group.start + lo : group.start + hi]
    found: NDArray[np.int64] = (ends > w0).nonzero()[0] + (group.start + lo)
    return found
