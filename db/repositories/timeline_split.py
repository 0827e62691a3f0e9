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
MINE = 60  # percent of the ids the session's connection joins: the worker reads one more thing
_ID_SPAN = "SELECT min(id), max(id) FROM events"


def split_heads(
    session: Session, statement: str, version_sql: str, extra_sql: str
) -> tuple[list[Any], list[Any], Any] | None:
    """(``version_sql``'s rows read before; the one row of ``statement``, an aggregate over
    ``FROM events`` with no WHERE, for the events of the first part of the ids, then for the
    rest; the one row of ``extra_sql``), read at once on two connections: the worker reads the
    rest, a smaller part, then ``extra_sql``. None when the library is small or in memory,
    the worker failed, or ``version_sql`` tells that another connection committed
    meanwhile."""
    engine = session.get_bind()
    if not isinstance(engine, Engine) or sqlite_path(str(engine.url)) is None:
        return None
    version = plain_rows(session, text(version_sql))
    low, high = plain_rows(session, text(_ID_SPAN))[0]
    if low is None or high - low < SPLIT_AT:
        return None
    middle = int(low) + (int(high) - int(low)) * MINE // 100
    other: list[Any] = []
    worker = threading.Thread(
        target=_read_rest,
        args=(engine, [f"{statement} WHERE id > {middle}", extra_sql], other),
        name="parallax-packed-half",
        daemon=True,
    )
    worker.start()
    try:
        mine = plain_rows(session, text(f"{statement} WHERE id <= {middle}"))[0]
    finally:
        worker.join()
    if len(other) != 2 or any(isinstance(row, BaseException) for row in other):
        return None  # read again in one statement, which reports what is wrong
    if plain_rows(session, text(version_sql)) != version:
        return None
    return version, [mine, other[0]], other[1]


def _read_rest(engine: Engine, statements: list[str], out: list[Any]) -> None:
    """On a worker: the one row of each of ``statements`` on a pooled connection of its own,
    or the error."""
    try:
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            for sql in statements:
                cursor.execute(sql)
                out.append(cursor.fetchone())
            cursor.close()
        finally:
            connection.close()
    except Exception as error:  # the caller reads in one statement, which raises it
        out.append(error)
