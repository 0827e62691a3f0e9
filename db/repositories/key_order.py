"""The events in key order, read from the index of their unique keys, not sorted in Python.

Opening lays the events out by start, then key. Sorting a million keys in Python (numpy's
string sort) costs 0.1 s when they come nearly in order and 0.4-0.5 s when they do not (keys
imported in any order); SQLite's index on the key is that order already, and its ids joined
into one string cost 70 ms with the interpreter let go. The ids map to rows of the packed read
(``timeline_packed``, in id order) by their distance from the least when they are dense, else
(events were deleted) by a search among the ids read in id order; when anything does not add
up there is no key order and the caller sorts the keys itself. Comparing keys byte for byte
(SQLite's BINARY collation, on UTF-8) orders them as Python compares ``str``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import text
from sqlalchemy.orm import Session

from db.repositories.plain_rows import plain_rows

_ID_SPAN = "SELECT min(id), max(id) FROM events"
# the subquery's order is kept: SQLite does not flatten an ORDER BY into an aggregate
_KEY_ORDER = "SELECT count(*), group_concat(id) FROM (SELECT id FROM events ORDER BY key)"
_IDS = "SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY id)"  # an index may cover id


KEY_ORDER = _KEY_ORDER  # what ``rows_in_key_order`` reads, for a caller reading it elsewhere


def rows_in_key_order(session: Session, count: int, head: Any = None) -> NDArray[np.int64] | None:
    """The rows (0 .. ``count`` - 1, in id order) of the events, in key order, from ``head``
    (the row of ``KEY_ORDER`` read with the columns) or read now; None when a string does not
    add up."""
    low, high = plain_rows(session, text(_ID_SPAN))[0]
    if count < 2 or low is None:
        return None
    read, joined = head if head is not None else plain_rows(session, text(_KEY_ORDER))[0]
    by_key = _numbers(joined)
    if int(read) != count or by_key is None or len(by_key) != count:
        return None
    if int(high) - int(low) + 1 == count:  # dense: an id's row is its distance from the least
        rows = by_key - int(low)
    else:  # ids with gaps (events deleted): found among the ids in id order
        ids = _numbers(plain_rows(session, text(_IDS))[0][0])
        if ids is None or len(ids) != count:
            return None
        rows = np.minimum(np.searchsorted(ids, by_key), count - 1)
        if not np.array_equal(ids[rows], by_key):
            return None
    if int(rows.min()) < 0 or int(rows.max()) >= count:
        return None
    return rows


def _numbers(joined: Any) -> NDArray[np.int64] | None:
    try:
        return np.fromstring(str(joined), dtype=np.int64, sep=",")
    except ValueError:
        return None
