"""Every event of a library as columns: what the first frame and the panels' counts need.

Read in one query (``EventRepository.timeline_columns``) when a library opens, in time order
(start, then key: the order of ``EventRepository.list``). Opening a library of a million events
reads these, not a record per event; the records (summary, actors, tags, aliases, stamps) are
read when something first needs them (``Catalog.events``).
"""

from __future__ import annotations

import threading
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from db.records import EventRecord
from db.repositories.timeline_rows import LaneCodes, TimelineColumns
from desktop.core.deferred_texts import DeferredColumn, EventTexts, TextReader, whole
from desktop.core.overlaid import Overlaid, base_of
from desktop.core.timeline.scene import plain_dates


@dataclass(frozen=True, eq=False)
class EventColumns:
    """Parallel columns, one entry per event, in time order; never mutated."""

    keys: tuple[str, ...] = ()
    lanes: tuple[str, ...] = ()
    t_lo: NDArray[np.float64] = field(default_factory=lambda: np.empty(0, np.float64))
    t_hi: NDArray[np.float64] = field(default_factory=lambda: np.empty(0, np.float64))
    importance: NDArray[np.int64] = field(default_factory=lambda: np.empty(0, np.int64))
    # titles and dates: read when first needed (``deferred_texts``) after a library opens
    titles: Sequence[str] = ()
    starts: Sequence[str] = ()
    ends: Sequence[str | None] = ()
    context: NDArray[np.bool_] = field(default_factory=lambda: np.empty(0, np.bool_))

    @classmethod
    def of(cls, found: TimelineColumns, read: TextReader | None = None) -> EventColumns:
        """``found`` (in any order) sorted by start, then key. Without its texts (titles,
        starts, ends are None), these are read through ``read`` when first needed
        (``deferred_texts``): ``read(None)`` must list the events in the order of ``found``.

        The key positions (``positions``) are not worked out here: the first frame needs
        none, and a dict of a million keys is a quarter of a second. When first asked, they
        are built in the order the rows came (a pass through memory in order, faster than
        the same pass in time order)."""
        t_lo = np.asarray(found.t_lo, np.float64)
        order = _time_order(found, t_lo)
        pick: list[int] = order.tolist()
        row_of = np.empty(len(pick), np.int64)
        row_of[order] = np.arange(len(pick))
        in_order = _pick(found.keys, pick)
        titles: Sequence[str]
        starts: Sequence[str]
        ends: Sequence[str | None]
        if found.titles is None or found.starts is None or found.ends is None:
            if read is None:
                raise ValueError("columns without their texts need a reader of the texts")
            texts = EventTexts(in_order, found.keys, order, read)
            titles, starts = DeferredColumn[str](texts, 0), DeferredColumn[str](texts, 1)
            ends = DeferredColumn[str | None](texts, 2)
        else:
            titles, starts = _pick(found.titles, pick), _pick(found.starts, pick)
            ends = _pick(found.ends, pick)
        lanes = found.lanes
        if isinstance(lanes, LaneCodes):  # a few lane names, picked by small integers
            in_lanes = _pick(lanes.names, lanes.codes[order].tolist())
        else:
            in_lanes = _pick(lanes, pick)
        columns = cls(
            in_order,
            in_lanes,
            t_lo[order],  # numpy columns by the index array: no list of 1M ints converted
            np.asarray(found.t_hi, np.float64)[order],
            np.asarray(found.importance, np.int64)[order],
            titles,
            starts,
            ends,
            np.asarray(found.context, np.bool_)[order],
        )
        object.__setattr__(columns, "_rows_of_keys", (found.keys, row_of))
        object.__setattr__(columns, "_plain", np.asarray(found.plain, np.bool_)[order])
        return columns

    @classmethod
    def of_records(cls, events: Iterable[EventRecord]) -> EventColumns:
        """The columns of ``events`` (already in time order)."""
        records = list(events)
        return cls(
            tuple(e.key for e in records),
            tuple(e.lane for e in records),
            np.fromiter((e.t_lo for e in records), np.float64, len(records)),
            np.fromiter((e.t_hi for e in records), np.float64, len(records)),
            np.fromiter((e.importance for e in records), np.int64, len(records)),
            tuple(e.title for e in records),
            tuple(e.start for e in records),
            tuple(e.end for e in records),
            np.fromiter((e.context for e in records), np.bool_, len(records)),
        )

    def __len__(self) -> int:
        return len(self.keys)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EventColumns):
            return NotImplemented
        return all(
            np.array_equal(getattr(self, name), getattr(other, name))
            if isinstance(getattr(self, name), np.ndarray)
            else getattr(self, name) == getattr(other, name)
            for name in _FIELDS
        )

    __hash__ = None  # type: ignore[assignment]  # equal by value, mutable arrays inside

    @property
    def texts_read(self) -> bool:
        """True once every title and date is in memory (not left to read when needed)."""
        bases = map(base_of, (self.titles, self.starts, self.ends))
        return all(not isinstance(column, DeferredColumn) or column.loaded for column in bases)

    def read_texts(self) -> None:
        """Read every title and date now if they are not read yet (one query; a caller
        waits while another thread reads them)."""
        for column in (self.titles, self.starts, self.ends):
            whole(column)

    def position(self, key: str) -> int | None:
        """Where the event ``key`` is, or None."""
        return self._positions.get(key)

    def positions(self) -> dict[str, int]:
        """Key -> row, for every event: built on first use (any thread may ask; one builds
        while the others wait), then shared, so nobody may change it."""
        return self._positions

    @property
    def positions_built(self) -> bool:
        """True once ``positions`` costs nothing more."""
        return "_by_key" in self.__dict__

    def plain_dates(self) -> NDArray[np.bool_]:
        """Per row, whether start and end are plain days (``scene.plain_dates``); shared."""
        cached: NDArray[np.bool_] | None = self.__dict__.get("_plain")
        if cached is None:
            cached = plain_dates(self.starts, self.ends)
            object.__setattr__(self, "_plain", cached)
        return cached

    @property
    def _positions(self) -> dict[str, int]:
        cached: dict[str, int] | None = self.__dict__.get("_by_key")
        if cached is None:
            with _BUILDING:
                cached = self.__dict__.get("_by_key")
                if cached is None:
                    keys, rows = self.__dict__.get("_rows_of_keys", (self.keys, None))
                    cached = _key_rows(keys, rows)
                    object.__setattr__(self, "_by_key", cached)
                    self.__dict__.pop("_rows_of_keys", None)
        return cached

    def patched(self, fresh: Iterable[EventRecord], changed: Iterable[str]) -> EventColumns:
        """These columns without the events ``changed`` names, with ``fresh`` (those that
        still exist) each at its place in time order: no re-sort of the whole library."""
        fresh = list(fresh)
        in_place = self._replaced_in_place(fresh, frozenset(changed))
        if in_place is not None:
            return in_place
        positions = self._positions
        gone = sorted(k for k in map(positions.get, changed) if k is not None)
        keep = np.ones(len(self.keys), np.bool_)
        keep[gone] = False
        kept = np.flatnonzero(keep).tolist()
        records = sorted(fresh, key=lambda e: (e.t_lo, e.key))
        added = EventColumns.of_records(records)
        t_lo = self.t_lo[kept]
        keys = [self.keys[k] for k in kept]
        places = [_place(t_lo, keys, e.t_lo, e.key) for e in records]
        at = np.asarray(places, np.int64)
        kept_at = np.asarray(kept, np.int64)

        def merged[T](column: Sequence[T], new: Sequence[T]) -> tuple[T, ...]:
            mine = list(_pick(column, kept))
            for offset, (place, value) in enumerate(zip(places, new, strict=True)):
                mine.insert(place + offset, value)
            return tuple(mine)

        def merged_array[A: np.generic](column: NDArray[A], new: NDArray[A]) -> NDArray[A]:
            found: NDArray[A] = np.insert(column[kept_at], at, new)
            return found

        return EventColumns(
            merged(self.keys, added.keys),
            merged(self.lanes, added.lanes),
            merged_array(self.t_lo, added.t_lo),
            merged_array(self.t_hi, added.t_hi),
            merged_array(self.importance, added.importance),
            merged(self.titles, added.titles),
            merged(self.starts, added.starts),
            merged(self.ends, added.ends),
            merged_array(self.context, added.context),
        )

    def _replaced_in_place(
        self, fresh: list[EventRecord], changed: frozenset[str]
    ) -> EventColumns | None:
        """The columns with each of ``fresh`` written over its own row, when that keeps the
        time order (an edit that neither adds, removes nor moves an event: a new title, lane
        or importance): the texts that change written over the old columns (``Overlaid``: no
        copy of 100k titles per edit), a copy of each other column whose values change (the
        rest are shared), no search, and the key positions kept."""
        positions = self._positions
        at = [positions.get(event.key) for event in fresh]
        if {event.key for event in fresh} != changed or None in at:
            return None
        rows = [int(k) for k in at if k is not None]
        if any(self.t_lo[k] != event.t_lo for k, event in zip(rows, fresh, strict=True)):
            return None

        def written[S: Sequence[Any]](column: S, values: list[Any]) -> S:
            if all(column[k] == value for k, value in zip(rows, values, strict=True)):
                return column  # unchanged: shared, not copied (a retitle copies titles only)
            mine = list(column)
            for k, value in zip(rows, values, strict=True):
                mine[k] = value
            return cast(S, tuple(mine))  # a column of the same kind, read whole

        def overlaid[T](column: Sequence[T], values: list[T]) -> Sequence[T]:
            over = {k: v for k, v in zip(rows, values, strict=True) if column[k] != v}
            return Overlaid(column, over) if over else column

        def written_array[A: np.generic](column: NDArray[A], values: list[Any]) -> NDArray[A]:
            if np.array_equal(column[rows], np.asarray(values, column.dtype)):
                return column
            mine = column.copy()
            mine[rows] = values
            return mine

        columns = EventColumns(
            written(self.keys, [e.key for e in fresh]),
            written(self.lanes, [e.lane for e in fresh]),
            written_array(self.t_lo, [e.t_lo for e in fresh]),
            written_array(self.t_hi, [e.t_hi for e in fresh]),
            written_array(self.importance, [e.importance for e in fresh]),
            overlaid(self.titles, [e.title for e in fresh]),
            overlaid(self.starts, [e.start for e in fresh]),
            overlaid(self.ends, [e.end for e in fresh]),
            written_array(self.context, [e.context for e in fresh]),
        )
        object.__setattr__(columns, "_by_key", positions)  # same keys at the same rows
        plain: NDArray[np.bool_] | None = self.__dict__.get("_plain")
        if plain is not None and not (columns.starts is self.starts and columns.ends is self.ends):
            plain = plain.copy()
            plain[rows] = plain_dates([e.start for e in fresh], [e.end for e in fresh])
        if plain is not None:
            object.__setattr__(columns, "_plain", plain)
        return columns


def _time_order(found: TimelineColumns, t_lo: NDArray[np.float64]) -> NDArray[np.int64]:
    """The rows of ``found`` by start, then key: a stable sort by start of the rows in key
    order when the read knew that order (``key_order``), else a sort of the keys too (0.1 s
    at 1M keys nearly in order, 0.4-0.5 s in any order)."""
    by_key = found.key_order
    if by_key is not None and len(by_key) == len(t_lo):
        found_order: NDArray[np.int64] = by_key[np.argsort(t_lo[by_key], kind="stable")]
        return found_order
    if not len(t_lo):
        return np.empty(0, np.int64)
    return np.lexsort((np.asarray(found.keys, np.str_), t_lo))


_BUILDING = threading.Lock()  # one thread builds key positions; another asking waits for it
_CHUNK = 1 << 15  # keys put in per step: a worker building them lets the GUI thread run between


def _key_rows(keys: Sequence[str], rows: NDArray[np.int64] | None) -> dict[str, int]:
    """``keys[k]`` -> ``rows[k]`` (or ``k`` when ``rows`` is None), built a chunk at a time,
    so that a worker building it holds the interpreter for milliseconds at a time."""
    found: dict[str, int] = {}
    for at in range(0, len(keys), _CHUNK):
        part = range(at, min(at + _CHUNK, len(keys)))
        found.update(
            zip(
                keys[at : part.stop],
                part if rows is None else rows[at : part.stop].tolist(),
                strict=True,
            )
        )
    return found


class KeyRows(Mapping[str, int]):
    """Key -> row of some ``EventColumns``, looked up in their ``positions``: a scene holds
    this, so that building it from the columns builds no dict of every key."""

    def __init__(self, columns: EventColumns) -> None:
        self.columns = columns

    def __getitem__(self, key: str) -> int:
        return self.columns.positions()[key]

    def __contains__(self, key: object) -> bool:
        return key in self.columns.positions()

    def __iter__(self) -> Iterator[str]:
        return iter(self.columns.positions())

    def __len__(self) -> int:
        return len(self.columns)

    def items(self) -> ItemsView[str, int]:
        return self.columns.positions().items()


_FIELDS = ("keys", "lanes", "t_lo", "t_hi", "importance", "titles", "starts", "ends", "context")


def _pick[T](column: Sequence[T], index: list[int]) -> tuple[T, ...]:
    column = whole(column)
    if len(index) < 2:
        return tuple(column[k] for k in index)
    found: tuple[T, ...] = itemgetter(*index)(column)  # in C: 1M entries in milliseconds
    return found


def _place(t_lo: NDArray[np.float64], keys: list[str], start: float, key: str) -> int:
    """Index before which an event (``start``, ``key``) goes in (t_lo, keys) order."""
    k = int(np.searchsorted(t_lo, start, "left"))
    end = int(np.searchsorted(t_lo, start, "right"))
    while k < end and keys[k] < key:
        k += 1
    return k
