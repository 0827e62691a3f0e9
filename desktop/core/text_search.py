"""Which of many texts hold a word, answered with array operations instead of a loop per text.

``TextSearch`` keeps every text in one UTF-8 byte array, each followed by a NUL (a search word
never holds one: words are split at whitespace and typed, and a NUL inside a text is searched
as a space). A word is a byte string there: UTF-8 finds a word's bytes only where the word
itself stands, so the answer is that of ``word in text`` for every text.

A word of one byte is looked for in one pass over the array. A longer word keeps the positions
where it starts; typing on extends a word the search kept, so only the positions of the shorter
word are checked for the bytes that follow (no pass over the array), and when every position
stays, the texts that hold it are those of the shorter word. Answers of the last few words are
kept, so that backspacing and the other words of a search cost nothing again.

The byte-wide flags a pass writes go into one array as long as the bytes, made and written once
by the thread that builds the search and shared by its updates. A fresh array of that size
for each pass (34 MB at 1M events) is memory the kernel hands out anew: numpy asks for huge
pages, and when free ones have to be gathered first the pass took 50-75 ms instead of 3.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np
from numpy.typing import NDArray

from desktop.core.in_steps import encoded_texts
from desktop.core.overlaid import Overlaid, base_of

REWRITTEN_MAX = 256  # texts ``updated`` rewrites in place; more changed: built anew
KEPT_WORDS = 12  # words whose positions and answers are kept (the last typed)
_SEPARATOR = "\x00"
_UNIT = np.dtype("<u2")  # two bytes, the first the lower, whatever the machine's order


class TextSearch:
    """Substring search over ``texts`` (a fixed sequence: build a new search for new texts)."""

    def __init__(self, texts: Sequence[str]) -> None:
        encoded, starts = encoded_texts(texts, _SEPARATOR)  # in steps: a worker builds it
        self.bytes: NDArray[np.uint8] = np.frombuffer(encoded, np.uint8)
        self.starts: NDArray[np.intp] = starts
        self._flags = _Flags(len(self.bytes))
        # One pass over the new bytes now, on the thread that builds the search (a worker),
        # which also writes every page of the flags: the first pass over them cost 25-65 ms
        # at 1M events, the next ones ~4 ms, and it was the first keystroke's.
        with self._flags.held() as flags:
            nuls = np.count_nonzero(np.equal(self.bytes, 0, out=flags))
        if nuls != len(texts):
            raise ValueError("a text search's bytes hold one NUL per text")
        self.count = len(texts)
        # text -> its bytes now, where they differ from those in ``bytes`` (``updated``)
        self.rewritten: dict[int, bytes] = {}
        # word -> (its start positions or None for a single byte, which texts hold it)
        self._kept: dict[bytes, tuple[NDArray[np.intp] | None, NDArray[np.bool_]]] = {}

    def updated(self, before: Sequence[str], after: Sequence[str]) -> TextSearch:
        """A search of ``after``, made from this search of ``before``: when they are as many
        and only a few texts differ (an edit), those few are kept beside the shared bytes
        (``rewritten``: their answers are put over those of the bytes) instead of joining and
        encoding every text again; past ``REWRITTEN_MAX`` of them they are written into a
        copy of the bytes. When ``after`` overlays the texts ``before`` is or overlays
        (``Overlaid``, as an edit patches them), only the rows written over are compared."""
        if after is before:
            return self
        if len(after) != len(before):
            return TextSearch(after)
        changed = _overlaid_rows(before, after)
        if changed is None:
            changed = []
            if not _differing(before, after, 0, len(after), changed):
                return TextSearch(after)
        elif len(changed) > REWRITTEN_MAX:
            return TextSearch(after)
        if not changed:
            return self
        rewritten = {**self.rewritten, **{k: _searched(after[k]) for k in changed}}
        if len(rewritten) > REWRITTEN_MAX:
            return self._spliced(rewritten)
        return self._sharing(self.bytes, self.starts, rewritten)

    def _sharing(
        self, data: NDArray[np.uint8], starts: NDArray[np.intp], rewritten: dict[int, bytes]
    ) -> TextSearch:
        search = TextSearch.__new__(TextSearch)
        search.bytes, search.starts, search.count = data, starts, self.count
        search.rewritten, search._kept = rewritten, {}
        search._flags = self._flags if data is self.bytes else _Flags(len(data))
        return search

    def _spliced(self, rewritten: dict[int, bytes]) -> TextSearch:
        """A search with the ``rewritten`` texts written into a copy of the bytes."""
        pieces, shift, at = [], np.zeros(self.count + 1, np.intp), 0
        for k in sorted(rewritten):
            text = rewritten[k] + _SEPARATOR.encode()
            start = int(self.starts[k])
            end = int(self.starts[k + 1]) if k + 1 < self.count else len(self.bytes)
            pieces += [self.bytes[at:start], np.frombuffer(text, np.uint8)]
            shift[k + 1] += len(text) - (end - start)
            at = end
        pieces.append(self.bytes[at:])
        starts = self.starts + np.cumsum(shift)[: self.count]
        return self._sharing(np.concatenate(pieces), starts, {})

    def holding(self, word: str) -> NDArray[np.bool_]:
        """Per text, whether it holds ``word`` (the caller must not write to the answer)."""
        wanted = _encoded(word)
        kept = self._kept.pop(wanted, None)
        if kept is None:
            kept = self._search(wanted)
        self._kept[wanted] = kept  # the most recent last
        while len(self._kept) > KEPT_WORDS:
            del self._kept[next(iter(self._kept))]
        return kept[1]

    def holding_all(self, words: Sequence[str]) -> NDArray[np.bool_]:
        """Per text, whether it holds every one of ``words``."""
        if not words:
            return np.ones(self.count, np.bool_)
        found = self.holding(words[0]).copy()
        for word in words[1:]:
            found &= self.holding(word)
        return found

    def _search(self, word: bytes) -> tuple[NDArray[np.intp] | None, NDArray[np.bool_]]:
        """The word's positions in the bytes and which texts hold it: the bytes' answer,
        with that of each text ``rewritten`` since put over it (in a copy: the bytes' answer
        may be a shorter word's, kept)."""
        positions, found = self._search_bytes(word)
        if self.rewritten:
            rows = np.fromiter(self.rewritten, np.intp, len(self.rewritten))
            held = [0 not in word and word in text for text in self.rewritten.values()]
            if not np.array_equal(found[rows], held):
                found = found.copy()
                found[rows] = held
        return positions, found

    def _search_bytes(self, word: bytes) -> tuple[NDArray[np.intp] | None, NDArray[np.bool_]]:
        """The answer of the bytes alone (the texts ``rewritten`` since aside)."""
        if not self.count:
            return None, np.zeros(0, np.bool_)
        if len(word) == 0:
            return None, np.ones(self.count, np.bool_)
        if 0 in word:  # no text holds a NUL (its own were made spaces)
            return None, np.zeros(self.count, np.bool_)
        if len(word) == 1:
            with self._flags.held() as flags:
                hits = np.equal(self.bytes, word[0], out=flags)
                return None, np.logical_or.reduceat(hits, self.starts)
        shorter = self._kept_part(word)
        if shorter is None:
            positions, checked = self._pairs(word[:2]), 2
            before: NDArray[np.bool_] | None = None
        else:
            positions, checked, before = shorter
        for k in range(checked, len(word)):  # never past the end: every text ends in NUL
            positions = positions[self.bytes[positions + k] == word[k]]
        if before is not None and shorter is not None and len(positions) == len(shorter[0]):
            return positions, before  # every position stayed: the same texts
        return positions, self._texts_of(positions)

    def _kept_part(self, word: bytes) -> tuple[NDArray[np.intp], int, NDArray[np.bool_]] | None:
        """The positions of the longest kept word ``word`` starts with (its length, its
        answer), or None."""
        best: tuple[NDArray[np.intp], int, NDArray[np.bool_]] | None = None
        for kept, (positions, found) in self._kept.items():
            if positions is None or not word.startswith(kept):
                continue
            if best is None or len(kept) > best[1]:
                best = (positions, len(kept), found)
        return best

    def _pairs(self, pair: bytes) -> NDArray[np.intp]:
        """Where the two bytes ``pair`` stand, in order. The bytes are compared as two-byte
        units, once from an even start and once from an odd one: half the comparisons and
        no array of a flag per byte to combine (at 1M events, 30-80 ms -> 11 ms)."""
        data = self.bytes
        code = _UNIT.type(int.from_bytes(pair, "little"))
        found = []
        with self._flags.held() as flags:
            for start in (0, 1):
                usable = (len(data) - start) // 2 * 2
                units = data[start : start + usable].view(_UNIT)
                hits = np.equal(units, code, out=flags[: len(units)])
                found.append(np.flatnonzero(hits) * 2 + start)
        positions = np.concatenate(found)
        positions.sort()
        return positions.astype(np.intp, copy=False)

    def _texts_of(self, positions: NDArray[np.intp]) -> NDArray[np.bool_]:
        found = np.zeros(self.count, np.bool_)
        found[np.searchsorted(self.starts, positions, side="right") - 1] = True
        return found


class _Flags:
    """One flag per byte of a search's bytes, written by its passes in turn (``held``)."""

    def __init__(self, size: int) -> None:
        self._array = np.empty(size, np.bool_)
        self._array.fill(False)  # every page written now, by the thread that builds
        self._lock = threading.Lock()

    @contextmanager
    def held(self) -> Iterator[NDArray[np.bool_]]:
        """The flags, for one pass at a time (searches sharing them may run on two threads)."""
        with self._lock:
            yield self._array


def _overlaid_rows(before: Sequence[str], after: Sequence[str]) -> list[int] | None:
    """The rows, in order, where ``after`` differs from ``before`` when both are (overlays
    of) the same texts: only rows one of them writes over can differ. None otherwise."""
    if not isinstance(after, Overlaid) or base_of(before) is not after.base:
        return None
    rows = set(after.rows).union(before.rows if isinstance(before, Overlaid) else ())
    return sorted(k for k in rows if before[k] != after[k])


def _differing(
    before: Sequence[str], after: Sequence[str], lo: int, hi: int, found: list[int]
) -> bool:
    """Add to ``found`` the positions in [lo, hi) where the texts differ, halving the range
    while its slices differ (slices compare in C, each text first by identity); False once
    more than ``REWRITTEN_MAX`` were found."""
    if before[lo:hi] == after[lo:hi]:
        return True
    if hi - lo <= 64:
        found += [k for k in range(lo, hi) if before[k] != after[k]]
        return len(found) <= REWRITTEN_MAX
    middle = (lo + hi) // 2
    return _differing(before, after, lo, middle, found) and _differing(
        before, after, middle, hi, found
    )


def _searched(text: str) -> bytes:
    """The bytes a text is searched in (its own NULs made spaces)."""
    return _encoded(text.replace(_SEPARATOR, " "))


def _encoded(text: str) -> bytes:
    """UTF-8, with lone surrogates (which a library may hold) kept as their own bytes."""
    return text.encode("utf-8", "surrogatepass")
