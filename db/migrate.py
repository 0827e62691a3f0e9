"""Bring a library's schema to the newest revision, safely.

``prepare_library`` is the one entry point: it refuses files that are not Parallax libraries,
writes a backup copy of an older SQLite library before upgrading it, and upgrades through
Alembic. It never drops user data: revisions are additive or copy data across.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from db.engine import sqlite_path
from db.errors import LibraryError, fault_error

MIGRATION_LOCK = threading.RLock()
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    return _shipped_revisions()[0]


@functools.cache
def _shipped_revisions() -> tuple[str, frozenset[str]]:
    """(head, every revision) of the migrations this version of Parallax ships, read once per
    process: each read loads every migration script, and opening a library asked three times."""
    with MIGRATION_LOCK:
        script = ScriptDirectory.from_config(alembic_config())
        head = script.get_current_head()
        revisions = frozenset(revision.revision for revision in script.walk_revisions())
    assert head is not None
    return head, revisions


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = alembic_config()
    with MIGRATION_LOCK, engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema down to ``revision`` (for tests and benchmarks of upgrades only)."""
    config = alembic_config()
    with MIGRATION_LOCK, engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


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


FOREIGN = (
    "This database holds tables but is not a Parallax library (no schema revision). "
    "Parallax will not change it; choose another one."
)


def _has_foreign_tables(engine: Engine) -> bool:
    tables = set(inspect(engine).get_table_names())
    return bool(tables) and "alembic_version" not in tables


def known_revisions() -> frozenset[str]:
    """Every schema revision this version of Parallax knows."""
    return _shipped_revisions()[1]


def check_revision(current: str | None) -> None:
    """Refuse a library at a revision this version does not know (newer, or another app's)."""
    if current is not None and current not in known_revisions():
        raise LibraryError(
            f"This library was made by a newer Parallax (schema revision {current}); this "
            f"version knows revisions up to {head_revision()}. Nothing was changed: open it "
            "with a newer Parallax."
        )


def inspect_sqlite_file(path: Path) -> None:
    """Before any engine touches ``path``: refuse a foreign or newer file, reading it only.

    The engine's connections switch a file to WAL, so a file that is not (yet) known to be a
    library of ours is opened read-only here and left byte-identical when refused.
    """
    check_sqlite_file(path)
    if not path.is_file() or path.stat().st_size == 0:
        return
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = {
            str(row[0])
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if tables and "alembic_version" not in tables:
            raise LibraryError(FOREIGN)
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            check_revision(None if row is None else str(row[0]))
    except sqlite3.DatabaseError as error:
        raise _unopenable(str(error)) from error
    finally:
        connection.close()


def prepare_library(engine: Engine) -> Path | None:
    """Create or upgrade the schema of ``engine``'s library; return the backup path if any.

    Migrations run one at a time in a process (Alembic's context is process-global: two
    threads opening libraries at once would corrupt each other's run). A library at a
    revision this version does not know is refused before any backup or change.
    """
    with MIGRATION_LOCK:
        return _prepare(engine)


def _prepare(engine: Engine) -> Path | None:
    path = sqlite_path(str(engine.url))
    if path is not None:
        check_sqlite_file(path)
    try:
        if _has_foreign_tables(engine):
            raise LibraryError(FOREIGN)
        current = current_revision(engine)
        check_revision(current)
        head = head_revision()
        if current == head:
            return None
        backup = backup_sqlite(path, current) if path is not None and current else None
        upgrade(engine)
        return backup
    except (DatabaseError, OperationalError) as error:
        raise _unopenable(str(error.orig)) from error


def _unopenable(detail: str) -> LibraryError:
    """Why a library could not be opened, as one line ('damaged' for a malformed file)."""
    return fault_error(detail) or LibraryError(f"The library could not be opened: {detail}")
