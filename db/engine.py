"""Engines for a library: SQLite (the embedded default) or PostgreSQL (a shared library).

``library_url`` turns what a user types (a path, a URL, nothing) into a SQLAlchemy URL;
``make_engine`` builds the engine with the settings each backend needs. Nothing here runs at
import time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from db.errors import LibraryError

ENV_VAR = "PARALLAX_DB"
DEFAULT_FILE_NAME = "library.sqlite"


def default_library_path() -> Path:
    """The per-user library file (inside the platform's user data folder)."""
    from platformdirs import user_data_path

    return user_data_path("Parallax", appauthor=False) / DEFAULT_FILE_NAME


def library_url(given: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from a path, a URL, ``$PARALLAX_DB`` or the per-user default.

    A bare ``postgresql://`` URL is given the psycopg 3 driver, so users can paste what their
    server administrator gave them.
    """
    raw = str(given) if given is not None else os.environ.get(ENV_VAR) or ""
    if not raw:
        return sqlite_url(default_library_path())
    if "://" not in raw:
        return sqlite_url(Path(raw).expanduser().resolve())
    if raw.startswith("postgresql://") or raw.startswith("postgres://"):
        return "postgresql+psycopg://" + raw.split("://", 1)[1]
    return raw


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file, with characters such as ``?``, ``%`` and ``#`` in its name
    escaped, so that the file opened is exactly ``path``."""
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory and other backends."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def url_without_password(url: str) -> str:
    """The URL with its password removed (not hidden): what recent lists may keep."""
    return make_url(url).set(password=None).render_as_string(hide_password=False)


def server_url(host: str, port: int, database: str, user: str, password: str | None) -> str:
    """A PostgreSQL (psycopg) URL; with ``password`` only for opening, never for storing."""
    url = make_url("postgresql+psycopg://").set(
        host=host, port=port, database=database, username=user or None, password=password or None
    )
    return url.render_as_string(hide_password=False)


def url_parts(url: str) -> tuple[str | None, int | None, str | None, str | None]:
    """(host, port, database, user) of a URL; None for each part it does not name."""
    parsed = make_url(url)
    return parsed.host, parsed.port, parsed.database, parsed.username


def database_name(url: str) -> str:
    """The database part of a URL (a SQLite file's path); '' when it has none."""
    return make_url(url).database or ""


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages and ``parallax info``."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def check_backend(url: str) -> None:
    """Refuse URLs that are not a SQLite file or a PostgreSQL server, in one line."""
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as error:
        raise LibraryError(
            f"{display_url_safe(url)} is not a library path or URL: {error}"
        ) from error
    if backend not in SUPPORTED_BACKENDS:
        raise LibraryError(
            f"Parallax libraries are SQLite files or postgresql:// URLs; "
            f"'{backend}://' is not supported."
        )


def display_url_safe(url: str) -> str:
    """``url`` for a message even when it does not parse (the password, if any, hidden)."""
    try:
        return display_url(url)
    except ArgumentError:
        return url.split("@")[-1] if "@" in url else url


def make_engine(url: str) -> Engine:
    """An engine for ``url``: SQLite gets WAL, foreign keys and a busy timeout.

    Raises ``LibraryError`` for an unsupported scheme or a folder that cannot be created.
    """
    check_backend(url)
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise LibraryError(
                    f"Cannot create the library folder {path.parent}: {error.strerror or error}."
                ) from error
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as error:
        raise LibraryError(f"Cannot use {display_url_safe(url)}: {error}") from error
