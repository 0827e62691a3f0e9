"""The schema: a linear Alembic chain, models equal to head, upgrades that keep data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from db.engine import make_engine
from db.errors import LibraryError
from db.library import open_library
from db.migrate import alembic_config, head_revision, upgrade
from db.models import Base
from db.search import autogenerate_include_name


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    bases = [r for r in revisions if r.down_revision is None]
    assert len(bases) == 1
    for revision in revisions:
        assert not isinstance(revision.down_revision, tuple), "merge revisions are not allowed"


def test_models_match_head(any_url: str) -> None:
    library = open_library(any_url)
    try:
        with library.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_name": autogenerate_include_name}
            )
            diff = compare_metadata(context, Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
    finally:
        library.dispose()


def first_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config())
    return next(r.revision for r in script.walk_revisions() if r.down_revision is None)


def test_upgrade_from_first_revision_keeps_rows(any_url: str) -> None:
    engine = make_engine(any_url)
    upgrade(engine, first_revision())
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sources (key, title, outlet, authors, published_note, url, kind, "
                "language, country, affiliation, stance, notes, author, version, created_at, "
                "updated_at) VALUES ('s1', 'Old source', 'Outlet', '[]', '', '', 'news', 'en', "
                "'', '', '', '', 'me', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO events (key, title, summary, start, t_lo, t_hi, importance, context, "
                "notes, author, version, created_at, updated_at) VALUES ('e1', 'Old event', '', "
                "'2008', 733042, 733408, 1, false, '', 'me', 1, CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP)"
            )
        )
    engine.dispose()
    library = open_library(any_url)
    try:
        assert library.revision() == head_revision()
        with library.unit_of_work() as uow:
            assert uow.sources.get("s1").title == "Old source"
            assert uow.sources.get("s1").color == "#E69F00"  # the colour it was drawn with
            assert uow.sources.get("s1").label == ""  # shown as a label made from the outlet
            assert uow.events.get("e1").title == "Old event"
    finally:
        library.dispose()


def test_upgrading_an_older_sqlite_library_writes_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, first_revision())
    engine.dispose()
    if first_revision() == head_revision():
        pytest.skip("only one revision so far: nothing to upgrade")
    library = open_library(str(path))
    library.dispose()
    assert library.backup_path is not None and library.backup_path.exists()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some text, not a database\n" * 20)
    with pytest.raises(LibraryError, match="not a Parallax library"):
        open_library(str(path))
    assert path.read_text().startswith("just some text")


def test_a_foreign_sqlite_database_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(LibraryError, match="not a Parallax library"):
        open_library(str(path))
    tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("customers",)]


def test_a_truncated_library_gives_a_readable_error(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    open_library(str(path)).dispose()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00garbage" * 50)
    with pytest.raises(LibraryError):
        open_library(str(path))


def test_sqlite_uses_wal_and_foreign_keys(sqlite_url: str) -> None:
    library = open_library(sqlite_url)
    try:
        with library.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        library.dispose()


def test_plain_engine_without_migrations_has_no_tables() -> None:
    engine = create_engine("sqlite://")
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() is None
