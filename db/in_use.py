"""Whether another program has a library open, before something replaces the library wholesale.

SQLite: every connection to a WAL database holds a shared lock on it while open; leaving WAL
mode needs the only connection, so a refused ``PRAGMA journal_mode=DELETE`` means another
client (a window, a command, a writer in this very process) has the file open. The file goes
back to WAL at once. PostgreSQL: other sessions on the same database in ``pg_stat_activity``.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from db.engine import is_sqlite, sqlite_path


def in_use_by_others(url: str) -> str:
    """Why the library at ``url`` is in use by another client, or "" when nobody has it open."""
    if is_sqlite(url):
        return _sqlite_in_use(url)
    return _server_in_use(url)


def _sqlite_in_use(url: str) -> str:
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return ""
    connection = sqlite3.connect(path, timeout=0)
    try:
        mode = str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode == "wal":
            connection.execute("PRAGMA journal_mode=DELETE")
            connection.execute("PRAGMA journal_mode=WAL")
        else:
            connection.execute("BEGIN EXCLUSIVE")
            connection.rollback()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return f"another program has the library file {path} open"
        raise
    finally:
        connection.close()
    return ""


def _server_in_use(url: str) -> str:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            others = connection.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
    finally:
        engine.dispose()
    count = int(others or 0)
    if not count:
        return ""
    return f"{count} other session{'s' if count != 1 else ''} use this database"
