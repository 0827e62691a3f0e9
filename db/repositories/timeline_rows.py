"""Every event as columns for the timeline, and the texts its labels show, read in bulk.

Opening a library reads only what the first frame and the panels' counts need of every event
(key, lane, times, importance, context, and whether both dates are plain days, worked out by the
database): one query on the driver's connection, no ORM row, no mapper configured. The texts
(title, start, end: most of the bytes and Python objects of a row) are read by ``label_texts``
when something needs them: a few labels by key, or every event at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, overload

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Engine, and_, case, func, or_, select
from sqlalchemy.orm import Session

from db import models
from db.repositories.plain_rows import plain_rows
from db.repositories.texts_packed import packed_texts
from db.repositories.timeline_packed import packed_columns


@dataclass(frozen=True, slots=True)
class TimelineColumns:
    """What the timeline and the window's catalog need of every event at once, one sequence
    (a tuple, a list or a numpy array) per column, in the same order (``plain``: start and end
    are plain days, 'YYYY-MM-DD', or there is no end). ``titles``, ``starts`` and ``ends`` are
    None when they were not read."""

    keys: Sequence[str]
    lanes: Sequence[str]
    t_lo: Sequence[float] | NDArray[np.float64]
    t_hi: Sequence[float] | NDArray[np.float64]
    importance: Sequence[int] | NDArray[np.int64]
    context: Sequence[bool] | NDArray[np.bool_]
    plain: Sequence[bool] | NDArray[np.bool_]
    titles: tuple[str, ...] | None = None
    starts: tuple[str, ...] | None = None
    ends: tuple[str | None, ...] | None = None
    key_order: NDArray[np.int64] | None = None  # the rows in key order, when the read knew it


@dataclass(frozen=True, slots=True)
class LabelTexts:
    """Title, start and end of some events, one tuple per column, in the same order."""

    keys: tuple[str, ...]
    titles: tuple[str, ...]
    starts: tuple[str, ...]
    ends: tuple[str | None, ...]


def timeline_columns(session: Session) -> TimelineColumns:
    """Every event as columns (without its texts), in id order; lane ids are mapped to keys
    in Python (no join), and events without a lane, or with an unknown one, get "". On
    SQLite the columns come joined into strings and parsed by numpy (``timeline_packed``),
    else (or when that does not add up) as rows."""
    lane = models.Lane.__table__.c
    lane_of = defaultdict(
        str, {int(i): str(k) for i, k in plain_rows(session, select(lane.id, lane.key))}
    )
    packed = packed_columns(session)
    if packed is not None:
        return TimelineColumns(
            packed.keys,
            _lane_keys(packed.lane_ids, lane_of),
            packed.t_lo,
            packed.t_hi,
            packed.importance,
            packed.context,
            packed.plain,
            key_order=packed.key_order,
        )
    event = models.Event.__table__.c
    statement = select(
        event.key,
        event.lane_id,
        event.t_lo,
        event.t_hi,
        event.importance,
        event.context,
        case((and_(_plain_day(event.start), _no_or_plain_end(event.end)), 1), else_=0),
    ).order_by(event.id)
    found = plain_rows(session, statement)  # Row objects: twice the time at 1M
    columns: list[Any] = list(zip(*found, strict=True)) if found else [()] * 7
    return TimelineColumns(
        columns[0],
        tuple(map(lane_of.__getitem__, columns[1])),
        columns[2],
        columns[3],
        columns[4],
        tuple(map(bool, columns[5])),
        tuple(map(bool, columns[6])),
    )


class LaneCodes(Sequence[str]):
    """Each event's lane key as an index into ``names`` (a few strings, not one per event):
    reordering it is a pass over small integers."""

    def __init__(self, codes: NDArray[np.int64], names: tuple[str, ...]) -> None:
        self.codes, self.names = codes, names

    def __len__(self) -> int:
        return len(self.codes)

    @overload
    def __getitem__(self, k: int) -> str: ...
    @overload
    def __getitem__(self, k: slice) -> tuple[str, ...]: ...
    def __getitem__(self, k: int | slice) -> str | tuple[str, ...]:
        if isinstance(k, slice):
            return tuple(self.names[c] for c in self.codes[k].tolist())
        return self.names[int(self.codes[k])]


def _lane_keys(ids: NDArray[np.int64], lane_of: defaultdict[int, str]) -> LaneCodes:
    """The lane key of each id (-1: none), looked up once per distinct id."""
    distinct, inverse = np.unique(ids, return_inverse=True)
    names = tuple(lane_of[int(i)] for i in distinct.tolist())
    return LaneCodes(inverse.astype(np.int64).reshape(-1), names)


def _plain_day(text: Any) -> Any:
    """SQL: ``text`` has ten characters with dashes at the fifth and the eighth."""
    return and_(
        func.length(text) == 10,
        func.substr(text, 5, 1) == "-",
        func.substr(text, 8, 1) == "-",
    )


def _no_or_plain_end(end: Any) -> Any:
    return or_(end.is_(None), end == "", _plain_day(end))


def label_texts(session: Session, keys: Sequence[str] | None = None) -> LabelTexts:
    """Title, start and end of the events ``keys`` names (those that exist, in no particular
    order), or of every event in id order when ``keys`` is None."""
    event = models.Event.__table__.c
    statement = select(event.key, event.title, event.start, event.end)
    if keys is None:
        packed = packed_texts(session)  # SQLite: joined strings, not a row per event
        if packed is not None:
            return LabelTexts(*packed)
        found = plain_rows(session, statement.order_by(event.id))
    else:
        wanted = sorted(set(keys))
        found = list(session.connection().execute(statement.where(event.key.in_(wanted))))
    columns: list[Any] = list(zip(*found, strict=True)) if found else [()] * 4
    return LabelTexts(*columns)


def label_texts_of(engine: Engine, keys: Sequence[str]) -> LabelTexts:
    """Title, start and end of the events ``keys`` names (those that exist), in one query on
    a pooled DB-API connection of its own, outside any unit of work: about a tenth of the
    cost of one, for the few labels a frame asks for at a time."""
    wanted = sorted(set(keys))
    found: list[Any] = []
    if wanted:
        mark = "?" if engine.dialect.paramstyle == "qmark" else "%s"
        marks = ", ".join([mark] * len(wanted))
        sql = f'SELECT key, title, start, "end" FROM events WHERE key IN ({marks})'
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(sql, wanted)
            found = list(cursor.fetchall())
            cursor.close()
        finally:
            connection.close()
    columns: list[Any] = list(zip(*found, strict=True)) if found else [()] * 4
    return LabelTexts(*columns)
