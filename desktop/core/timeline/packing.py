"""Greedy row packing of horizontal extents (deterministic first fit)."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray


def pack_rows(
    x0: NDArray[np.float64], x1: NDArray[np.float64], rows: int, gap: float
) -> NDArray[np.int64]:
    """Row of each extent ``[x0, x1)`` given in order (callers sort by start): the first row
    whose last extent ends ``gap`` before it, or -1 when all ``rows`` are taken there.

    Extents in one row never overlap. The result depends only on the inputs and their order.

    With starts in order, first fit is filled one row at a time: a row takes the first extent
    left, then repeatedly the first later one starting ``gap`` after the last one's end (one
    ``searchsorted`` for all of them per row), and passes the rest on to the next row. So the
    Python work is one step per placed extent, not one per (extent, row) tried.
    """
    result = np.full(len(x0), -1, dtype=np.int64)
    if not len(x0) or rows <= 0:
        return result
    if bool(np.any(x0[1:] < x0[:-1])):
        return _first_fit(x0, x1, rows, gap)
    left = np.arange(len(x0))
    for row in range(rows):
        if not len(left):
            break
        starts = x0[left]
        after = np.maximum(starts.searchsorted(x1[left] + gap), np.arange(1, len(left) + 1))
        taken = np.array(_chain(after.tolist()), np.int64)
        result[left[taken]] = row
        rest = np.ones(len(left), np.bool_)
        rest[taken] = False
        left = left[rest]
    return result


def _chain(after: list[int]) -> list[int]:
    """Positions one row takes, from the first on, where ``after[k]`` is the first extent
    starting ``gap`` after the end of extent ``k`` (see ``pack_rows``)."""
    taken: list[int] = []
    k, count = 0, len(after)
    while k < count:
        taken.append(k)
        k = after[k]
    return taken


def _first_fit(
    x0: NDArray[np.float64], x1: NDArray[np.float64], rows: int, gap: float
) -> NDArray[np.int64]:
    """``pack_rows`` extent by extent (for starts out of order)."""
    found: list[int] = []
    row_ends = [-math.inf] * rows
    for start, end in zip(x0.tolist(), x1.tolist(), strict=True):
        for row in range(rows):
            if row_ends[row] + gap <= start:
                row_ends[row] = end
                found.append(row)
                break
        else:
            found.append(-1)
    return np.array(found, dtype=np.int64)
