"""A column with a few entries written over it, instead of a copy of the whole column.

An edit of one event changes one title of a column of every event's titles. Copying the column
(100k strings) is quick, but a new list or tuple that large is costly to keep: Python's garbage
collector walks every entry of a young container, touching each string it holds (~7 ms per
100k-entry list at the next collection, and again at the next older one), so every copy made
per edit came back as pauses of 20-80 ms a few edits later. ``Overlaid`` keeps the column as it
was and the rows written over it in a small dict: an edit makes no container as long as the
column.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol, overload, runtime_checkable

import numpy as np
from numpy.typing import NDArray


@runtime_checkable
class _ReadWhole[T](Protocol):
    def whole(self) -> Sequence[T]: ...


class Overlaid[T](Sequence[T]):
    """``base`` with the rows of ``over`` (row -> value) written over it; never changed.

    An overlay of an overlay holds the first one's base and both overlays (the later wins), so
    a chain of edits costs one lookup per row, not one per edit."""

    __slots__ = ("_base", "_over")

    def __init__(self, base: Sequence[T], over: Mapping[int, T]) -> None:
        n = len(base)
        written = {row + n if row < 0 else row: value for row, value in over.items()}
        if any(not 0 <= row < n for row in written):
            raise IndexError(f"rows {sorted(written)} are not all within {n} rows")
        if isinstance(base, Overlaid):
            written = {**base._over, **written}
            base = base._base
        self._base: Sequence[T] = base
        self._over: dict[int, T] = written

    @property
    def base(self) -> Sequence[T]:
        """The column written over (never an ``Overlaid`` itself)."""
        return self._base

    @property
    def rows(self) -> Mapping[int, T]:
        """The rows written over, with their values."""
        return self._over

    def __len__(self) -> int:
        return len(self._base)

    @overload
    def __getitem__(self, k: int) -> T: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[T]: ...
    def __getitem__(self, k: int | slice) -> T | Sequence[T]:
        if isinstance(k, slice):
            return self.whole()[k]
        over = self._over
        if k in over:
            return over[k]
        if k < 0 and k + len(self._base) in over:
            return over[k + len(self._base)]
        return self._base[k]

    def __iter__(self) -> Iterator[T]:
        return iter(self.whole())

    def __contains__(self, value: object) -> bool:
        return value in self.whole()

    def whole(self) -> list[T]:
        """Every entry, as a new list (what walks the whole column reads)."""
        base = self._base
        found = list(base.whole() if isinstance(base, _ReadWhole) else base)
        for row, value in self._over.items():
            found[row] = value
        return found

    def taken(self, index: NDArray[np.int64], picked: list[T]) -> list[T]:
        """``picked``, the base's entries at ``index``, with the rows written over put in."""
        if self._over and len(index):
            rows = np.fromiter(self._over, np.int64, len(self._over))
            for at in np.flatnonzero(np.isin(index, rows)).tolist():
                picked[at] = self._over[int(index[at])]
        return picked

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(other) == len(self) and self.whole() == list(other)

    __hash__ = None  # type: ignore[assignment]  # equal by value

    def __repr__(self) -> str:
        return f"Overlaid({len(self)} rows, {len(self._over)} written over)"


def base_of[T](column: Sequence[T]) -> Sequence[T]:
    """The column ``column`` overlays, or ``column`` itself."""
    return column.base if isinstance(column, Overlaid) else column
