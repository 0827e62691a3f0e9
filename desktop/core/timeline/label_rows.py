"""Occupied stretches of every row of one frame, for label placement (see ``labels``).

Each (lane, row) keeps its sorted, non-overlapping occupied intervals as plain Python lists
(``bisect`` on a list of a few dozen floats is far cheaper than a numpy call). Rows are seeded
lazily from the frame's glyphs and bars, which are sorted by (lane, row, x) once per frame, so
seeding a row is two bisections and two list slices.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import Bars, Clusters, Markers

MARKER_RADIUS = 3.0
STRIP = -1  # the row number of a lane's marker strip
ROW_KEY = 1 << 16  # (lane, row) as lane * ROW_KEY + row when sorting bars


class RowOccupancy:
    """Sorted, non-overlapping occupied intervals ``[x0, x1)`` of one row."""

    __slots__ = ("x0", "x1")

    def __init__(self, x0: list[float], x1: list[float]) -> None:
        self.x0 = x0
        self.x1 = x1

    def is_free(self, a: float, b: float) -> bool:
        """True when ``[a, b)`` meets no occupied interval."""
        k = bisect_left(self.x0, b)
        return k == 0 or self.x1[k - 1] <= a

    def free_until(self, a: float) -> float:
        """Where the first occupied interval after ``a`` starts (inf: none); ``a`` must be
        free."""
        k = bisect_left(self.x0, a)
        return self.x0[k] if k < len(self.x0) else float("inf")

    def take(self, a: float, b: float) -> None:
        """Occupy ``[a, b)``; the caller has checked ``is_free``."""
        k = bisect_left(self.x0, a)
        self.x0.insert(k, a)
        self.x1.insert(k, b)


class Rows:
    """Lazily seeded occupancy of every (lane, row) of one frame; row ``STRIP`` is the strip,
    seeded with the glyphs and the stretches ``strip_taken`` (lane -> [(x0, x1)]) already used."""

    def __init__(
        self,
        parts: tuple[Markers, Clusters, Bars],
        strip_taken: dict[int, list[tuple[float, float]]],
    ) -> None:
        markers, clusters, bars = parts
        self.strip = SortedIntervals(
            np.concatenate((markers.lane, clusters.lane)),
            np.concatenate((markers.x - MARKER_RADIUS, clusters.x0)),
            np.concatenate((markers.x + MARKER_RADIUS, clusters.x1)),
        )
        self.bars = SortedIntervals(bars.lane * ROW_KEY + bars.row, bars.x0, bars.x1)
        self.strip_taken = strip_taken
        self.found: dict[int, RowOccupancy] = {}  # by lane * ROW_KEY + row (an int: no tuple)

    def get(self, lane: int, row: int) -> RowOccupancy:
        """The occupancy of ``row`` of ``lane`` (``STRIP`` for its marker strip)."""
        key = lane * ROW_KEY + row
        found = self.found.get(key)
        if found is None:
            found = self.found[key] = self._seed(lane, row)
        return found

    def _seed(self, lane: int, row: int) -> RowOccupancy:
        if row != STRIP:
            return self.bars.row(lane * ROW_KEY + row)
        occupancy = self.strip.row(lane)
        for a, b in self.strip_taken.get(lane, ()):
            occupancy.take(a, b)
        return occupancy


class SortedIntervals:
    """Intervals ``[x0, x1)`` sorted by (key, x0): the intervals of one key are a slice."""

    __slots__ = ("keys", "x0", "x1")

    def __init__(
        self, keys: NDArray[np.int64], x0: NDArray[np.float64], x1: NDArray[np.float64]
    ) -> None:
        order = np.lexsort((x0, keys))
        self.keys: list[int] = keys[order].tolist()
        self.x0: list[float] = x0[order].tolist()
        self.x1: list[float] = x1[order].tolist()

    def row(self, key: int) -> RowOccupancy:
        """A fresh occupancy holding the intervals of ``key``."""
        lo = bisect_left(self.keys, key)
        hi = bisect_left(self.keys, key + 1, lo)
        return RowOccupancy(self.x0[lo:hi], self.x1[lo:hi])
