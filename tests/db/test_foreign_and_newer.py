"""Files that are not ours, or are newer, are refused in one line and left exactly as they were;
migrations never run in two threads at once."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db.errors import LibraryError
from db.library import open_library
from db.migrate import head_revision


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_foreign_sqlite_file_stays_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO customers (name) VALUES ('Ada')")
    connection.commit()
    connection.close()
    before = _digest(path)
    with pytest.raises(LibraryError, match="not a Parallax library"):
        open_library(str(path))
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]  # no -wal, no -shm


def _stamp_revision(url: str, revision: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    finally:
        engine.dispose()


def _revision(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return str(connection.scalar(text("SELECT version_num FROM alembic_version")))
    finally:
        engine.dispose()


def _files(folder: Path) -> list[str]:
    """The files in ``folder`` but SQLite's own -wal and -shm, which come and go."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


@pytest.mark.parametrize("revision", ["9999", "ae1027a6acf"])  # newer; another app's
def test_a_newer_library_is_refused_in_one_line_without_backup_or_change(
    any_url: str, tmp_path: Path, revision: str
) -> None:
    open_library(any_url).dispose()
    _stamp_revision(any_url, revision)
    files = _files(tmp_path)
    for _attempt in range(2):
        with pytest.raises(LibraryError) as refused:
            open_library(any_url)
        message = str(refused.value)
        assert f"newer Parallax (schema revision {revision})" in message
        assert f"knows revisions up to {head_revision()}" in message
        assert "\n" not in message
    assert _files(tmp_path) == files  # no backup written
    assert _revision(any_url) == revision


def test_libraries_opened_from_threads_at_once_are_all_migrated(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    revisions: list[str | None] = []
    start = threading.Barrier(4)

    def open_one(n: int) -> None:
        try:
            start.wait()
            library = open_library(str(tmp_path / f"library{n}.sqlite"))
            revisions.append(library.revision())
            library.dispose()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=open_one, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert revisions == [head_revision()] * 4
