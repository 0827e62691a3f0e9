"""Every event's timeline columns from SQLite as a handful of strings, not a row per event.

Fetching 100k rows costs the driver a Python tuple and an object per value (with the cyclic
garbage collector walking the tuples as they pile up); most of a library's open went there.
SQLite can instead join each column into one string (``group_concat``) in a single pass, which
numpy parses in C: the keys split into ``str``, the numbers straight into arrays.

Exact, or not used: times are joined as integers when they are whole (plain days, months,
years: almost every event) and marked (``MARK``) otherwise, and the same statement lists the
marked events' exact values (as the driver's floats) are read by a second statement, only when
there are some, to write over the marks. Importance, context and the plain-day flag travel as
one number. Any surprise (a key holding the separator, a count that does not add up, a value
that is no whole number, another client's commit between the two statements, as
``PRAGMA data_version`` tells) returns None, and the caller reads rows.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import text
from sqlalchemy.orm import Session

from db.repositories.key_order import KEY_ORDER, rows_in_key_order
from db.repositories.plain_rows import plain_rows
from db.repositories.timeline_split import split_heads

SEPARATOR = "\x1f"  # between keys: the ASCII unit separator (a key holding it reads rows)
# written into the statement as a literal: ``char(31)`` there is called once per event (60 ms
# of a 1M-event read)


MARK = (1 << 63) - 1  # in place of a time that is not a whole number: no whole double is it


def _whole(column: str) -> str:
    """SQL: ``column`` as an integer when a whole number (never -0.0), else ``MARK``."""
    return f"CASE WHEN {_exact(column)} THEN CAST({column} AS INTEGER) ELSE {MARK} END"


def _exact(column: str) -> str:
    return f"({column} = CAST({column} AS INTEGER) AND {column} <> 0)"


_PLAIN_DAY = "GLOB '????-??-??'"  # ten characters, dashes at the fifth and the eighth
_PLAIN = f"""CASE WHEN start {_PLAIN_DAY}
    AND ("end" IS NULL OR "end" = '' OR "end" {_PLAIN_DAY}) THEN 1 ELSE 0 END"""
# importance, context and the plain flag in one number: importance * 4 + context * 2 + plain
_PACKED = f"""
SELECT count(*), group_concat(key, '{SEPARATOR}'), group_concat(coalesce(lane_id, -1)),
    group_concat({_whole("t_lo")}), group_concat({_whole("t_hi")}),
    group_concat(importance * 4 + (context <> 0) * 2 + {_PLAIN})
FROM events
"""
# the exact times of the events marked, in id order: read only when some are
_MARKED = f"""
SELECT id, key, t_lo, t_hi FROM events
WHERE NOT ({_exact("t_lo")} AND {_exact("t_hi")}) ORDER BY id
"""
_VERSION = "PRAGMA data_version"  # changes when another connection commits


class Packed:
    """The columns read (in id order): ``keys`` and numpy arrays; lane ids are -1 for none."""

    def __init__(self, keys: list[str], numbers: list[NDArray[np.int64]]) -> None:
        lane_ids, t_lo, t_hi, flags = numbers
        self.keys = keys
        self.lane_ids = lane_ids
        self.t_lo, self.t_hi = t_lo.astype(np.float64), t_hi.astype(np.float64)
        self.marked = (t_lo == MARK) | (t_hi == MARK)
        self.importance = flags >> 2
        self.context = (flags & 2) != 0
        self.plain = (flags & 1) != 0
        self.key_order: NDArray[np.int64] | None = None  # the rows in key order, if read


def packed_columns(session: Session) -> Packed | None:
    """Every event's key, lane id, times, importance, context and plain-day flag, in id order,
    from one statement, or two at once on a big library (``timeline_split``); another when
    some times are not whole numbers; None when the library is not SQLite or the strings do
    not add up."""
    if session.connection().dialect.name != "sqlite":
        return None
    halves = split_heads(session, _PACKED, _VERSION, KEY_ORDER)
    ordered = None  # the key order's row, when the worker read it
    if halves is None:
        version = plain_rows(session, text(_VERSION))
        heads = plain_rows(session, text(_PACKED))
    else:
        version, heads, ordered = halves
    found = _joined([_parsed(head) for head in heads])
    if found is None:
        return None
    found.key_order = rows_in_key_order(session, len(found.keys), ordered)
    if found.marked.any():
        found = _fixed(found, plain_rows(session, text(_MARKED)))
    if plain_rows(session, text(_VERSION)) != version:  # changed in between: read rows
        return None
    return found


def _joined(parts: list[tuple[list[str], list[NDArray[np.int64]]] | None]) -> Packed | None:
    """The parts (in id order) as one; None when one of them did not add up."""
    keys: list[str] = []
    columns: list[list[NDArray[np.int64]]] = [[], [], [], []]
    for part in parts:
        if part is None:
            return None
        keys += part[0]  # a copy of pointers, in C
        for column, numbers in zip(columns, part[1], strict=True):
            column.append(numbers)
    joined = [found[0] if len(found) == 1 else np.concatenate(found) for found in columns]
    return Packed(keys, joined)


def _parsed(head: Any) -> tuple[list[str], list[NDArray[np.int64]]] | None:
    """The keys and the four number columns of one row of ``_PACKED``; None when they do not
    add up."""
    count = int(head[0])
    if count == 0:
        return [], [np.empty(0, np.int64)] * 4
    try:
        keys = str(head[1]).split(SEPARATOR)
        numbers = [
            np.fromstring(str(joined), dtype=np.int64, sep=",")  # text, not bytes
            for joined in head[2:]
        ]
    except ValueError:  # a NULL joined away, a number not a whole one, ...
        return None
    if len(keys) != count or any(len(column) != count for column in numbers):
        return None
    return keys, numbers


def _fixed(found: Packed, fixes: list[Any]) -> Packed | None:
    """``found`` with the times it marked written from ``fixes`` (in id order too)."""
    at = np.flatnonzero(found.marked)
    if len(at) != len(fixes):
        return None
    if len(at):
        if [found.keys[k] for k in at.tolist()] != [row[1] for row in fixes]:
            return None
        try:
            found.t_lo[at] = [float(row[2]) for row in fixes]
            found.t_hi[at] = [float(row[3]) for row in fixes]
        except (TypeError, ValueError):  # not a number at all: as the rows read it
            return None
    return found
