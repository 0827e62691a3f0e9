"""Bring a library's schema to the newest revision, safely.

``prepare_library`` is the one entry point: it refuses files that are not Parallax libraries,
writes a backup copy of an older SQLite library before upgrading it, and upgrades through
Alembic. It never drops user data: revisions are additive or copy data across.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from db.engine import sqlite_path
from db.errors import LibraryError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not a readable SQLite database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file.")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise LibraryError(
            f"{path} is not a Parallax library: it is not a SQLite database file. "
            "Choose a .sqlite library, or give a new file name to create one."
        )


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy the library next to itself (through SQLite's backup API, safe with WAL)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.backup-{revision or 'none'}-{stamp}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            with destination:
                source.backup(destination)
        finally:
            destination.close()
    except sqlite3.Error as error:  # a full disk: no half backup, no upgrade
        target.unlink(missing_ok=True)
        raise LibraryError(
            f"Cannot write the backup {target} before upgrading the library: {error}. "
            "Nothing was changed."
        ) from error
    finally:
        source.close()
    return target


def has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _has_foreign_tables(engine: Engine) -> bool:
    tables = set(inspect(engine).get_table_names())
    return bool(tables) and "alembic_version" not in tables


def prepare_library(engine: Engine) -> Path | None:
    """Create or upgrade the schema of ``engine``'s library; return the backup path if any."""
    path = sqlite_path(str(engine.url))
    if path is not None:
        check_sqlite_file(path)
    try:
        if _has_foreign_tables(engine):
            raise LibraryError(
                "This database holds tables but is not a Parallax library "
                "(no schema revision). Parallax will not change it; choose another one."
            )
        current = current_revision(engine)
        head = head_revision()
        if current == head:
            return None
        backup = backup_sqlite(path, current) if path is not None and current else None
        upgrade(engine)
        return backup
    except (DatabaseError, OperationalError) as error:
        raise LibraryError(f"The library could not be opened: {error.orig}") from error
