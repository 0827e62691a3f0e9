"""Greedy row packing of horizontal extents (deterministic first fit)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def pack_rows(
    x0: NDArray[np.float64], x1: NDArray[np.float64], rows: int, gap: float
) -> NDArray[np.int64]:
    """Row of each extent ``[x0, x1)`` given in order (callers sort by start): the first row
    whose last extent ends ``gap`` before it, or -1 when all ``rows`` are taken there.

    Extents in one row never overlap. The result depends only on the inputs and their order.
    """
    result = np.full(len(x0), -1, dtype=np.int64)
    row_ends = [-np.inf] * rows
    for k, (start, end) in enumerate(zip(x0.tolist(), x1.tolist(), strict=True)):
        for row in range(rows):
            if row_ends[row] + gap <= start:
                row_ends[row] = end
                result[k] = row
                break
    return result
