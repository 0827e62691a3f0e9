"""An open library: its engine, its session factory and the units of work made from it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db import models
from db.change_log import install_change_log, new_client_id
from db.engine import display_url, library_url, make_engine, sqlite_path
from db.errors import LibraryError
from db.migrate import (
    check_sqlite_file,
    current_revision,
    has_tables,
    inspect_sqlite_file,
    prepare_library,
)
from db.records import LibraryCounts
from db.repositories.timeline_rows import LabelTexts, label_texts_of
from db.search import SearchHit, search
from db.uow import UnitOfWork

SIDE_FILES = ("-wal", "-shm", "-journal")


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@dataclass
class Library:
    """A library that is open and at the newest schema.

    Create with ``open_library``; close with ``dispose``. Each user action takes its own
    ``unit_of_work()``; nothing holds a session between actions. ``client`` identifies this
    open library in the change log, so a window can tell its own changes from others'.
    """

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    backup_path: Path | None = None
    client: str = ""

    def unit_of_work(self, author: str = "") -> UnitOfWork:
        return UnitOfWork(self.session_factory, author=author)

    def label_texts(self, keys: Sequence[str]) -> LabelTexts:
        """Title, start and end of the events ``keys`` names, read outside any unit of work
        (``timeline_rows.label_texts_of``): what a frame's labels read while the rest of the
        texts are not read yet."""
        return label_texts_of(self.engine, keys)

    @property
    def display_url(self) -> str:
        return display_url(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def revision(self) -> str | None:
        return current_revision(self.engine)

    def counts(self) -> LibraryCounts:
        with self.unit_of_work() as uow:
            session = uow.session

            def count(model: type[models.Base]) -> int:
                return int(session.scalar(select(func.count()).select_from(model)) or 0)

            return LibraryCounts(
                sources=count(models.Source),
                events=count(models.Event),
                passages=count(models.Passage),
                codes=count(models.Code),
                notes=count(models.Note),
                claims=count(models.Claim),
                codings=count(models.Coding),
            )

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search of events, sources, passages and notes (``db.search.search``)."""
        with self.session_factory() as session:
            return search(session, query, limit)

    def is_empty(self) -> bool:
        counts = self.counts()
        return counts.sources == 0 and counts.events == 0 and counts.codes == 0

    def dispose(self) -> None:
        self.engine.dispose()

    def files(self) -> tuple[Path, ...]:
        """The files of a SQLite library (itself, -wal, -shm, -journal); none for a server."""
        path = sqlite_path(self.url)
        if path is None:
            return ()
        return (path, *(path.with_name(path.name + end) for end in SIDE_FILES))

    def refuse_output(self, output: str | os.PathLike[str]) -> None:
        """Raise ``LibraryError`` if writing ``output`` would overwrite this library's files.

        Symbolic links are resolved and hard links recognised, so no name for the library or
        its journal files passes.
        """
        target = Path(output).expanduser()
        for own in self.files():
            if _same_file(target, own):
                raise LibraryError(
                    f"{output} is the open library ({own.name}); writing there would destroy "
                    "it. Choose another file name."
                )


def open_library(given: str | None = None, *, create: bool = True) -> Library:
    """Open (creating and migrating if needed) the library at a path or URL.

    Raises ``LibraryError`` with a readable message for a foreign file, a broken database or
    an unreachable server; never leaves a half-migrated schema (each revision is transactional).
    With ``create=False`` a library that does not exist yet is refused ("No library at ...")
    and nothing is created: no file, no folder, no tables.
    """
    url = library_url(given)
    if not create:
        refuse_missing_file(url)
    path = sqlite_path(url)
    if path is not None:
        inspect_sqlite_file(path)  # read-only: a foreign or newer file stays as it is
    engine = make_engine(url)
    try:
        if not create:
            refuse_empty_database(engine, url)
        backup = prepare_library(engine)
    except LibraryError:
        engine.dispose()
        raise
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        raise LibraryError(
            f"Cannot open the library at {display_url(url)}: {error.orig}"
        ) from error
    factory = sessionmaker(engine, expire_on_commit=False)
    client = new_client_id()
    install_change_log(factory, client)
    return Library(
        url=url, engine=engine, session_factory=factory, backup_path=backup, client=client
    )


def refuse_missing_file(url: str) -> None:
    """A SQLite library file that does not exist (or is empty) is not opened for reading."""
    path = sqlite_path(url)
    if path is not None and (not path.is_file() or path.stat().st_size == 0):
        raise LibraryError(f"No library at {path}.")
    if path is not None:
        check_sqlite_file(path)  # a foreign file is named as such, not as an empty database


def refuse_empty_database(engine: Engine, url: str) -> None:
    """A server database without any tables holds no library yet."""
    try:
        empty = not has_tables(engine)
    except (DatabaseError, OperationalError) as error:
        raise LibraryError(
            f"Cannot open the library at {display_url(url)}: {error.orig}"
        ) from error
    if empty:
        raise LibraryError(f"No library at {display_url(url)}.")
