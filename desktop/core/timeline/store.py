"""The event store: timeline items as sorted numpy arrays, grouped for fast visible queries.

Items are sorted by (lane, duration class, t_lo). A duration class holds items whose length in
days lies in ``[2**c, 2**(c+1))``; within one (lane, class) group the start times are sorted and
no item is longer than ``2**(c+1)``, so the items overlapping a window are found with two
``searchsorted`` calls even when they start long before it.
"""

from __future__ import annotations

import copy
import math
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, overload

import numpy as np
from numpy.typing import NDArray

from desktop.core.deferred_texts import DeferredColumn, whole
from desktop.core.overlaid import Overlaid, base_of
from desktop.model.dates import Precision

MIN_CLASS = -5  # items shorter than 2**-5 days (45 minutes) share the shortest class
FEW_IDS = 64  # ids looked up by a pass over the ids each (``positions_of``), no dict built
KEPT_SUBSETS = 4  # subsets a store keeps (with their layouts): the last filters' stores


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One event to lay out. ``importance``: 1 headline, 2 notable, 3 minor (lower is more)."""

    id: int
    lane: int
    t_lo: float
    t_hi: float
    importance: int
    title: str
    precision: Precision = Precision.DAY


@dataclass(frozen=True, slots=True)
class ClassGroup:
    """The contiguous sorted range ``[start, stop)`` of one lane's items of one duration class."""

    lane: int
    duration_class: int
    start: int
    stop: int
    max_duration: float


def taken(values: Sequence[str], index: NDArray[np.int64]) -> list[str]:
    """``values`` at ``index``, picked in C (a million titles in milliseconds); the rows an
    overlay writes over are put in after (no copy of the whole column)."""
    if isinstance(values, Overlaid):
        return values.taken(index, taken(values.base, index))
    if isinstance(values, PickedTitles):
        return taken(values._titles, values._index[index])
    values = whole(values)
    picks = index.tolist()
    if len(picks) < 2:
        return [values[k] for k in picks]
    return list(itemgetter(*picks)(values))


class PickedTitles(Sequence[str]):
    """A store's titles: its parent's (or the catalog's) at ``index``, each looked up when
    asked. A subset of 100k events picks none of its titles until a label needs one, and a
    store keeps looking them up once they are read: a list of them all would touch every
    title (~100 ms at 1M events) and be walked by the collector as long as it is young
    (~150 ms more), where a label's lookup costs a fraction of a microsecond more."""

    __slots__ = ("_index", "_read", "_titles")

    def __init__(self, titles: Sequence[str], index: NDArray[np.int64]) -> None:
        self._titles: Sequence[str] = titles
        self._index: NDArray[np.int64] = index
        self._read: Sequence[str] | None = None  # ``titles`` as a tuple once they are read
        if isinstance(titles, PickedTitles):  # a subset of a subset: one lookup, not two
            self._titles, self._index = titles._titles, titles._index[index]

    def __len__(self) -> int:
        return len(self._index)

    @overload
    def __getitem__(self, k: int) -> str: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[str]: ...
    def __getitem__(self, k: int | slice) -> str | Sequence[str]:
        if isinstance(k, slice):
            return taken(self._titles, self._index[k])
        return self._looked_up()[int(self._index[k])]

    def _looked_up(self) -> Sequence[str]:
        """What a title is looked up in: the parent's titles, as the tuple of them all once
        they are read (no Python call per lookup)."""
        if self._read is None:
            titles = self._titles
            if isinstance(titles, DeferredColumn):
                if not titles.loaded:
                    return titles
                titles = titles.whole()
            self._read = titles
        return self._read

    def __iter__(self) -> Iterator[str]:
        return iter(taken(self._titles, self._index))


def titles_at(titles: Sequence[str], index: NDArray[np.int64]) -> Sequence[str]:
    """``titles`` at ``index``: picked now, or each when drawn while they are not read yet
    (a library just opened reads only the titles its first frame's labels show)."""
    base = base_of(titles._titles if isinstance(titles, PickedTitles) else titles)
    if isinstance(base, DeferredColumn) and not base.loaded:
        return PickedTitles(titles, index)
    return taken(titles, index)


def prefetch_titles(titles: Sequence[str], index: NDArray[np.int64]) -> None:
    """Have the titles at ``index`` read in one query if they are not read yet (a frame's
    labels ask for theirs one at a time)."""
    base, rows = titles, index
    if isinstance(titles, PickedTitles):
        base, rows = titles._titles, titles._index[index]
    base = base_of(base)  # (the rows an overlay writes over are read too: a few)
    if isinstance(base, DeferredColumn) and not base.loaded:
        base.prefetch(rows.tolist())


class EventStore:
    """Immutable, array-backed collection of timeline items.

    Arrays (all in the same sorted order): ``t_lo``, ``t_hi``, ``lane``, ``importance``, ``ids``,
    ``precision``; ``titles`` is a list in that order. ``groups[lane]`` lists that lane's duration
    classes from the longest to the shortest. Build with ``EventStore.build``.
    """

    def __init__(self, items: Sequence[TimelineItem], lane_count: int | None = None) -> None:
        n = len(items)
        self._init_arrays(
            np.fromiter((i.id for i in items), np.int64, n),
            np.fromiter((i.lane for i in items), np.int64, n),
            np.fromiter((i.t_lo for i in items), np.float64, n),
            np.fromiter((i.t_hi for i in items), np.float64, n),
            np.fromiter((i.importance for i in items), np.int64, n),
            [i.title for i in items],
            np.fromiter((int(i.precision) for i in items), np.int64, n),
            lane_count,
        )

    def _init_arrays(
        self,
        raw_ids: NDArray[np.int64],
        lanes: NDArray[np.int64],
        t_lo: NDArray[np.float64],
        t_hi: NDArray[np.float64],
        importance: NDArray[np.int64],
        titles: Sequence[str],
        precision: NDArray[np.int64],
        lane_count: int | None,
    ) -> None:
        bad = np.flatnonzero(~(t_hi > t_lo))
        if len(bad):
            raise ValueError(f"item {int(raw_ids[bad[0]])} needs t_lo < t_hi")
        classes = _duration_classes(t_hi - t_lo)
        order = _store_order(raw_ids, lanes, t_lo, classes)
        self._set_sorted(
            (raw_ids[order], lanes[order], t_lo[order], t_hi[order], importance[order]),
            titles_at(titles, order),
            precision[order],
            classes[order],
            int(lanes.max()) + 1 if lane_count is None and len(lanes) else (lane_count or 0),
        )

    def _set_sorted(
        self,
        arrays: tuple[NDArray[Any], ...],
        titles: Sequence[str],
        precision: NDArray[np.int64],
        classes: NDArray[np.int64],
        lane_count: int,
    ) -> None:
        """Hold ``arrays`` (ids, lanes, t_lo, t_hi, importance) already in store order."""
        ids, lanes, t_lo, t_hi, importance = arrays
        self.ids: NDArray[np.int64] = ids
        self.lane: NDArray[np.int64] = lanes
        self.t_lo: NDArray[np.float64] = t_lo
        self.t_hi: NDArray[np.float64] = t_hi
        self.importance: NDArray[np.int64] = importance
        self.precision: NDArray[np.int64] = precision
        self._titles: Sequence[str] = titles
        self.lane_count = lane_count
        self.groups = _class_groups(self.lane, classes, self.t_hi - self.t_lo, self.lane_count)
        self._position_of_id: dict[int, int] | None = None
        self._bounds: tuple[float, float] | None = None
        self._next_at_most: tuple[NDArray[np.int64], ...] | None = None
        self.origin: StoreOrigin | None = None
        self._subsets: dict[bytes, EventStore] = {}  # by the items kept, most recent last
        self._older: dict[bytes, EventStore] = {}  # the subsets of the store retitled to this

    @classmethod
    def from_arrays(
        cls,
        ids: NDArray[np.int64],
        lanes: NDArray[np.int64],
        t_lo: NDArray[np.float64],
        t_hi: NDArray[np.float64],
        importance: NDArray[np.int64],
        titles: Sequence[str],
        precision: NDArray[np.int64] | None = None,
        lane_count: int | None = None,
    ) -> EventStore:
        """Build from parallel arrays (no per-item objects: the fast path for large libraries).

        ``precision`` defaults to DAY for every item. Raises ValueError where ``t_hi <= t_lo``.
        """
        store = cls.__new__(cls)
        if precision is None:
            precision = np.full(len(ids), int(Precision.DAY), np.int64)
        store._init_arrays(
            np.asarray(ids, np.int64),
            np.asarray(lanes, np.int64),
            np.asarray(t_lo, np.float64),
            np.asarray(t_hi, np.float64),
            np.asarray(importance, np.int64),
            titles,
            np.asarray(precision, np.int64),
            lane_count,
        )
        return store

    @property
    def titles(self) -> Sequence[str]:
        """The items' titles in store order: a list, or looked up one by one in the catalog's
        (``PickedTitles``: read when first needed, ``titles_at``); an edit's titles are
        written over them (``with_rows``)."""
        return self._titles

    @titles.setter
    def titles(self, titles: Sequence[str]) -> None:
        self._titles = titles

    def subset(self, keep: NDArray[np.bool_]) -> EventStore:
        """The items where ``keep`` (indexed by position) is True, same lanes; O(n) vectorised.
        Keeping every item gives this very store; keeping the items of one of the last
        ``KEPT_SUBSETS`` subsets gives that store again, with the layouts it has (going back
        to a filter, such as an importance level, lays out nothing again)."""
        chosen = np.flatnonzero(keep)
        if len(chosen) == len(self):
            return self  # every item: the same store, and its layouts
        kept = np.packbits(np.asarray(keep, np.bool_)).tobytes()
        found = self._subsets.pop(kept, None)
        if found is None:
            found = self._retitled_subset(kept, chosen) or self._subset(chosen)
        self._subsets[kept] = found
        while len(self._subsets) > KEPT_SUBSETS:
            del self._subsets[next(iter(self._subsets))]
        return found

    def _retitled_subset(self, kept: bytes, chosen: NDArray[np.int64]) -> EventStore | None:
        """When this store is another's with some rows retitled (``with_rows``) and that one
        has the subset of these items: that subset with the same rows retitled, so that its
        layouts carry over too (an edit while a filter is on lays out nothing new)."""
        origin, older = self.origin, self._older.get(kept)
        if origin is None or older is None:
            return None
        at = np.searchsorted(chosen, origin.positions)
        inside = at < len(chosen)
        inside[inside] = chosen[at[inside]] == origin.positions[inside]
        titles = self.titles
        mine = origin.positions[inside]
        return older.with_rows(
            at[inside], [titles[k] for k in mine.tolist()], self.importance[mine]
        )

    def _subset(self, chosen: NDArray[np.int64]) -> EventStore:
        store = EventStore.__new__(EventStore)
        t_lo, t_hi = self.t_lo[chosen], self.t_hi[chosen]
        store._set_sorted(  # a part of sorted arrays is sorted: no sort again
            (self.ids[chosen], self.lane[chosen], t_lo, t_hi, self.importance[chosen]),
            PickedTitles(self.titles, chosen),  # no title picked until one is drawn
            self.precision[chosen],
            _duration_classes(t_hi - t_lo),
            self.lane_count,
        )
        return store

    def with_rows(
        self, positions: NDArray[np.int64], titles: Sequence[str], importance: NDArray[np.int64]
    ) -> EventStore:
        """A copy with the items at ``positions`` retitled and re-ranked: their ids, lanes and
        times stay, so does the order (the arrays of those are shared, not copied), and the
        new titles are written over the old ones (``Overlaid``: no copy of every title). The
        copy's ``origin`` says what changed, so that its layouts can start from this store's."""
        store = copy.copy(self)
        store._subsets = {}  # (this store's hold the old titles)
        store._older = dict(self._subsets)  # kept: the layouts of their retitled copies start
        # from theirs (``_retitled_subset``)
        store.titles = Overlaid(self.titles, dict(zip(positions.tolist(), titles, strict=True)))
        ranked = not np.array_equal(self.importance[positions], importance)
        if ranked:
            store.importance = self.importance.copy()
            store.importance[positions] = importance
            store._next_at_most = None
        store.origin = StoreOrigin(weakref.ref(self), positions, ranked)
        return store

    @classmethod
    def build(cls, items: Sequence[TimelineItem], lane_count: int | None = None) -> EventStore:
        """Sort and group ``items``; ``lane_count`` defaults to the highest lane + 1."""
        return cls(items, lane_count)

    def __len__(self) -> int:
        return len(self.t_lo)

    def position_of(self, item_id: int) -> int:
        """Index of an item id in the sorted arrays; KeyError if unknown."""
        if self._position_of_id is None:
            self._position_of_id = {int(i): k for k, i in enumerate(self.ids.tolist())}
        return self._position_of_id[item_id]

    def positions_of(self, item_ids: NDArray[np.int64]) -> NDArray[np.int64]:
        """Indices of item ids in the sorted arrays; KeyError if one is unknown. A few are found
        by a pass over the ids each (an edit's: building the dict of every id took ~55 ms at
        100k, and the dict stayed for the collector to walk)."""
        if self._position_of_id is not None or len(item_ids) > FEW_IDS:
            return np.array([self.position_of(int(i)) for i in item_ids.tolist()], np.int64)
        found: list[int] = []
        for item_id in item_ids.tolist():
            at = np.flatnonzero(self.ids == item_id)
            if not len(at):
                raise KeyError(item_id)
            found.append(int(at[0]))
        return np.array(found, np.int64)

    def range_leads(self, lo: NDArray[np.int64], hi: NDArray[np.int64]) -> NDArray[np.int64]:
        """Per range ``[lo, hi)`` of positions (same-shaped arrays), its lead: the position of
        its most important item (lowest importance number), the first of equals. O(1) per range
        whatever its length; an empty range gives ``lo``."""
        if self._next_at_most is None:
            self._next_at_most = self._next_positions()
        lead = lo.copy()
        found = np.zeros(lo.shape, np.bool_)
        for following in self._next_at_most:  # most important level first
            candidate = following[lo]
            better = ~found & (candidate < hi)
            lead[better] = candidate[better]
            found |= better
        return lead

    def _next_positions(self) -> tuple[NDArray[np.int64], ...]:
        """Per importance level (most important first): for every position p (and p = n), the
        first position >= p whose item is at least that important, n when there is none."""
        n = len(self)
        found = []
        for level in np.unique(self.importance).tolist():
            marked = np.where(self.importance <= level, np.arange(n, dtype=np.int64), n)
            following = np.minimum.accumulate(np.append(marked, n)[::-1])[::-1]
            found.append(np.ascontiguousarray(following))
        return tuple(found)

    def bounds(self) -> tuple[float, float]:
        """(earliest start, latest end) of all items; ValueError when empty. Found once (the
        overview asks twice per paint, and paints with every zoom and pan step: two passes
        over the times each, ~0.75 ms a step at 1M events); a copy with other titles
        (``with_rows``) shares the times and so the answer."""
        if self._bounds is None:
            if not len(self):
                raise ValueError("empty store")
            self._bounds = (float(self.t_lo.min()), float(self.t_hi.max()))
        return self._bounds


@dataclass(frozen=True, slots=True)
class StoreOrigin:
    """The store another was copied from by ``EventStore.with_rows``: the items at
    ``positions`` have other titles, and other importance when ``ranked``."""

    store: weakref.ref[EventStore]
    positions: NDArray[np.int64]
    ranked: bool


def _store_order(
    ids: NDArray[np.int64],
    lanes: NDArray[np.int64],
    t_lo: NDArray[np.float64],
    classes: NDArray[np.int64],
) -> NDArray[np.int64]:
    """The order of items by lane, duration class, start, then id (ids break ties: the input
    order is moot). Items that come by start then id (a scene's rows in time order) need only
    a stable sort by lane and class: one radix sort of small integers, not four passes (70 of
    90 ms at 1M items)."""
    by_start = len(ids) > 1 and bool(np.all(t_lo[1:] >= t_lo[:-1]) and np.all(ids[1:] > ids[:-1]))
    if not by_start:
        return np.lexsort((ids, t_lo, classes, lanes))
    low = int(classes.min())
    group = lanes * (int(classes.max()) - low + 1) + (classes - low)  # by lane, then class
    small = (
        int(group.min()) >= np.iinfo(np.int16).min and int(group.max()) <= np.iinfo(np.int16).max
    )
    order: NDArray[np.int64] = np.argsort(group.astype(np.int16) if small else group, kind="stable")
    return order


def _duration_classes(durations: NDArray[np.float64]) -> NDArray[np.int64]:
    safe = np.maximum(durations, 2.0**MIN_CLASS)
    return np.floor(np.log2(safe)).astype(np.int64)


def _class_groups(
    lanes: NDArray[np.int64],
    classes: NDArray[np.int64],
    durations: NDArray[np.float64],
    lane_count: int,
) -> tuple[tuple[ClassGroup, ...], ...]:
    """Per lane, the (class, range) groups of the sorted arrays, longest class first."""
    per_lane: list[list[ClassGroup]] = [[] for _ in range(lane_count)]
    if len(lanes):
        change = np.flatnonzero((np.diff(lanes) != 0) | (np.diff(classes) != 0)) + 1
        starts = np.concatenate(([0], change)).tolist()
        stops = np.concatenate((change, [len(lanes)])).tolist()
        for start, stop in zip(starts, stops, strict=True):
            group = ClassGroup(
                int(lanes[start]),
                int(classes[start]),
                start,
                stop,
                float(durations[start:stop].max()),
            )
            per_lane[group.lane].append(group)
    return tuple(tuple(sorted(g, key=lambda x: -x.duration_class)) for g in per_lane)


def class_floor_days(duration_class: int) -> float:
    """Shortest duration an item of this class can have (0 for the shortest class)."""
    return 0.0 if duration_class <= MIN_CLASS else math.ldexp(1.0, duration_class)
