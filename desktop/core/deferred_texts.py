"""Every event's title, start and end, read from the library when something first needs them.

Opening a library reads the columns the first frame needs (``EventColumns``) without these
texts, most of the bytes and Python objects of a row. ``EventTexts`` reads them on demand:
the few a first frame's labels show, by key (at most ``SINGLE_READS`` of them), then every
event's at once, in one query, kept from then on. ``DeferredColumn`` is one of the three as a
sequence in the columns' order: indexing reads as little as it can, anything that walks the
whole column (iterating, slicing, comparing) reads all.

The texts read are the library's when they are read: an event removed since the columns were
read (by another client; its notification reloads the catalog) has an empty title and dates.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

import numpy as np
from numpy.typing import NDArray

from db.repositories.timeline_rows import LabelTexts
from desktop.core.in_steps import picked, same_items
from desktop.core.overlaid import Overlaid

# reads the texts of the events named (every event's, in the library's own order, for None)
TextReader = Callable[[Sequence[str] | None], LabelTexts]
SINGLE_READS = 4096  # texts read by key (a first frame at 100k shows ~1100) before all
_GONE: tuple[str, str, str | None] = ("", "", None)


class EventTexts:
    """The texts of columns whose keys are ``keys``; ``fetched`` are the same keys in the
    order ``read(None)`` lists events, ``order[k]`` the place of ``keys[k]`` there."""

    def __init__(
        self,
        keys: Sequence[str],
        fetched: Sequence[str],
        order: NDArray[np.int64],
        read: TextReader,
    ) -> None:
        # a tuple: the collector stops walking it after one look (it holds only strings)
        self._keys, self._fetched, self._order = keys, tuple(fetched), order
        self._read = read
        self._whole = threading.Lock()  # one reader of every text at a time
        self._single: dict[str, tuple[str, str, str | None]] = {}  # read by key
        self._columns: tuple[tuple[str | None, ...], ...] | None = None

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def loaded(self) -> bool:
        """True once every text is read."""
        return self._columns is not None

    def column(self, which: int) -> tuple[str | None, ...]:
        """Column ``which`` (0 titles, 1 starts, 2 ends) whole, read if not yet (a caller
        waits while another thread reads it)."""
        if self._columns is None:
            with self._whole:
                if self._columns is None:
                    self._columns = self._read_all()
        return self._columns[which]

    def get(self, row: int, which: int) -> str | None:
        """Column ``which`` at ``row``: read alone while fewer than ``SINGLE_READS`` were."""
        columns = self._columns
        if columns is not None:
            return columns[which][row]
        found = self._single.get(self._keys[row])
        if found is None:
            self.prefetch([row])
            found = self._single.get(self._keys[row])
        return self.column(which)[row] if found is None else found[which]

    def prefetch(self, rows: Iterable[int]) -> None:
        """Read the texts of ``rows`` in one query (every text, when that would make more
        than ``SINGLE_READS`` read alone). Reading alone never waits for a whole read on
        another thread, so a first frame is not held up by the rest being read meanwhile."""
        if self._columns is not None:
            return
        single = self._single
        wanted = [key for key in map(self._keys.__getitem__, rows) if key not in single]
        if not wanted:
            return
        if len(single) + len(wanted) > SINGLE_READS:
            self.column(0)
            return
        found = _by_key(self._read(wanted))
        for key in wanted:
            single[key] = found.get(key, _GONE)

    def _read_all(self) -> tuple[tuple[str | None, ...], ...]:
        texts = self._read(None)
        if same_items(texts.keys, self._fetched):  # into the columns' order, in steps
            columns = (texts.titles, texts.starts, texts.ends)
            titles, starts, ends = (picked(column, self._order) for column in columns)
            return titles, starts, ends
        by_key = _by_key(texts)  # the library changed since: looked up by key
        rows = [by_key.get(key, _GONE) for key in self._keys]
        if not rows:
            return (), (), ()
        titles, starts, ends = zip(*rows, strict=True)
        return titles, starts, ends


def _by_key(texts: LabelTexts) -> dict[str, tuple[str, str, str | None]]:
    return {
        key: (title, start, end)
        for key, title, start, end in zip(
            texts.keys, texts.titles, texts.starts, texts.ends, strict=True
        )
    }


class DeferredColumn[T: (str, str | None)](Sequence[T]):
    """Column ``which`` of ``texts`` (0 titles, 1 starts, 2 ends) as a sequence."""

    __slots__ = ("_texts", "_which")

    def __init__(self, texts: EventTexts, which: int) -> None:
        self._texts, self._which = texts, which

    def __len__(self) -> int:
        return len(self._texts)

    @property
    def loaded(self) -> bool:
        return self._texts.loaded

    def prefetch(self, rows: Iterable[int]) -> None:
        """Read the entries at ``rows`` now, in one query (``EventTexts.prefetch``)."""
        self._texts.prefetch(rows)

    def library_order(self) -> tuple[Sequence[str], tuple[str, ...], NDArray[np.int64]]:
        """(the columns' keys, the same keys in the order the library lists events, the
        place in that order of each of the columns' keys)."""
        texts = self._texts
        return texts._keys, texts._fetched, texts._order

    def whole(self) -> tuple[T, ...]:
        """Every entry, read if not yet."""
        found: tuple[T, ...] = self._texts.column(self._which)  # type: ignore[assignment]
        return found

    @overload
    def __getitem__(self, k: int) -> T: ...
    @overload
    def __getitem__(self, k: slice) -> tuple[T, ...]: ...
    def __getitem__(self, k: int | slice) -> T | tuple[T, ...]:
        if isinstance(k, slice):
            return self.whole()[k]
        n = len(self)
        row = k + n if k < 0 else k
        if not 0 <= row < n:
            raise IndexError(k)
        found: T = self._texts.get(row, self._which)  # type: ignore[assignment]
        return found

    def __iter__(self) -> Iterator[T]:
        return iter(self.whole())

    def __eq__(self, other: object) -> bool:
        mine = self.whole()
        return mine == (other.whole() if isinstance(other, DeferredColumn) else other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"DeferredColumn({self._which}, {len(self)} rows, loaded={self.loaded})"


def whole[T](column: Sequence[T]) -> Sequence[T]:
    """``column`` as a sequence whose entries cost no Python call each (a deferred column is
    read whole, an overlaid one copied with its rows written in)."""
    return column.whole() if isinstance(column, DeferredColumn | Overlaid) else column
