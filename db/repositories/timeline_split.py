"""The packed timeline read of a big SQLite library in two halves at once, one per core.

sqlite3 lets go of the interpreter while it steps a statement, so two connections can each
join half of the events (split by id) at the same time: the session's, and one of the engine's
pool on a worker thread. Both halves must show one state of the library: ``PRAGMA
data_version`` of the session's connection, read before the worker starts and again after both
halves are read, changes when another connection committed in between; the caller then reads
in one statement instead. A library held in memory (each connection its own) is never split.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from db.engine import sqlite_path
from db.repositories.plain_rows import plain_rows

SPLIT_AT = 200_000  # ids spanned from which the read is split (a thread and a connection more)
_ID_SPAN = "SELECT min(id), max(id) FROM events"


def split_heads(
    session: Session, statement: str, version_sql: str
) -> tuple[list[Any], list[Any]] | None:
    """(``version_sql``'s rows read before, the one row of ``statement``, an aggregate over
    ``FROM events`` with no WHERE, for the events of the first half of the ids, then for the
    rest), read at once on two connections; None when the library is small or in memory,
    the worker failed, or ``version_sql`` tells that another connection committed
    meanwhile."""
    engine = session.get_bind()
    if not isinstance(engine, Engine) or sqlite_path(str(engine.url)) is None:
        return None
    version = plain_rows(session, text(version_sql))
    low, high = plain_rows(session, text(_ID_SPAN))[0]
    if low is None or high - low < SPLIT_AT:
        return None
    middle = (int(low) + int(high)) // 2
    other: list[Any] = []
    worker = threading.Thread(
        target=_read_half,
        args=(engine, f"{statement} WHERE id > {middle}", other),
        name="parallax-packed-half",
        daemon=True,
    )
    worker.start()
    try:
        mine = plain_rows(session, text(f"{statement} WHERE id <= {middle}"))[0]
    finally:
        worker.join()
    if len(other) != 1 or isinstance(other[0], BaseException):
        return None  # read again in one statement, which reports what is wrong
    if plain_rows(session, text(version_sql)) != version:
        return None
    return version, [mine, other[0]]


def _read_half(engine: Engine, sql: str, out: list[Any]) -> None:
    """On a worker: the one row of ``sql`` on a pooled connection of its own, or the error."""
    try:
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(sql)
            out.append(cursor.fetchone())
            cursor.close()
        finally:
            connection.close()
    except Exception as error:  # the caller reads in one statement, which raises it
        out.append(error)
