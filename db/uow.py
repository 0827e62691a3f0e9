"""Unit of work: one user action, one transaction.

Use as ``with library.unit_of_work(author) as uow: ...; uow.commit()``. Leaving the block without
``commit()`` rolls back, and so does any exception. Repositories never commit on their own.
A database that cannot be reached (server down, connection dropped, SQLite locked too long)
surfaces as ``LibraryUnavailableError``: nothing was written and the action may be retried.
The author is put in ``session.info`` so the change log (``db.change_log``) records it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Self

from sqlalchemy.exc import (
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from db.errors import (
    ConflictError,
    IntegrityViolationError,
    LibraryError,
    LibraryUnavailableError,
    fault_error,
)
from db.repositories import (
    ActorRepository,
    ClaimRepository,
    CodeRepository,
    CodingRepository,
    EventRepository,
    LaneRepository,
    LinkRepository,
    MetaRepository,
    NoteRepository,
    PassageRepository,
    RelationRepository,
    SourceRepository,
    SuggestionRepository,
)
from db.repositories.base import BULK, BULK_CODINGS, write_bulk_codings

_SQLITE_BUSY = ("locked", "busy", "unable to open")

# What a unit of work may let through untranslated (a rule a command broke outside a
# repository flush, a misuse of the session): callers above ``db`` catch it by this name.
UntranslatedError = SQLAlchemyError


def is_unavailable(error: BaseException) -> bool:
    """True for errors that mean 'cannot reach the database', not 'the change is wrong'.

    PostgreSQL: any operational error (server gone, connection dropped, serialization failure;
    the transaction was rolled back). SQLite: only a busy or unopenable file ("no such table"
    is also an OperationalError there, but a real fault).
    """
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    if isinstance(error.orig, sqlite3.Error):
        return any(word in str(error.orig).lower() for word in _SQLITE_BUSY)
    return True


def database_fault(error: DBAPIError) -> LibraryError:
    """A readable ``LibraryError`` for a database error that is not 'cannot reach it'."""
    detail = (
        str(error.orig).strip().splitlines()[0]
        if str(error.orig).strip()
        else type(error.orig).__name__
    )
    return fault_error(detail) or LibraryError(
        f"The library's database refused the action ({detail})."
    )


def unavailable(error: DBAPIError) -> LibraryUnavailableError:
    return LibraryUnavailableError(
        f"The library's database cannot be reached ({str(error.orig).strip() or error}). "
        "Nothing is lost: the change can be sent again when it is back."
    )


def library_error(error: SQLAlchemyError) -> LibraryError:
    """Any SQLAlchemy error as the readable ``LibraryError`` the layers above catch."""
    if isinstance(error, DBAPIError):
        return unavailable(error) if is_unavailable(error) else database_fault(error)
    return LibraryError(f"The library's database refused the action ({error}).")


class UnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session], author: str = "") -> None:
        self._factory = session_factory
        self.author = author
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its 'with' block")
        return self._session

    def __enter__(self) -> Self:
        session = self._factory()
        session.info["author"] = self.author
        self._session = session
        self.lanes = LaneRepository(session)
        self.sources = SourceRepository(session, self.author)
        self.events = EventRepository(session, self.author)
        self.passages = PassageRepository(session, self.author)
        self.codes = CodeRepository(session, self.author)
        self.codings = CodingRepository(session, self.author)
        self.links = LinkRepository(session, self.author)
        self.claims = ClaimRepository(session, self.author)
        self.notes = NoteRepository(session, self.author)
        self.relations = RelationRepository(session)
        self.meta = MetaRepository(session)
        self.suggestions = SuggestionRepository(session)
        self.actors = ActorRepository(session, self.author)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            session.rollback()  # releases the connection; undoes what was not committed
        except DBAPIError:
            pass  # the connection died (a server restart): what was committed stays committed
        finally:
            session.close()
            self._session = None
        if isinstance(exc, StaleDataError):  # a repository's flush met a newer row
            raise ConflictError("record", str(exc)) from exc
        if isinstance(exc, DBAPIError) and is_unavailable(exc):
            raise unavailable(exc) from exc
        if isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError):
            raise database_fault(exc) from exc

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Write many new records with few statements (loading a library or the sample).

        Inside the block ``add`` methods neither flush nor query for rows the block wrote or
        looked up already: each referenced row (source, event, code, lane, tag, actor) is read
        once, and new rows go to the database in batches at ``flush()`` (call it after each
        kind of record so an error names the kind) or when the block ends. Records that ``add``
        returns inside the block carry no id or stamp yet. Reads by the caller inside the block
        do not see unflushed rows.
        """
        session = self.session
        session.info[BULK], session.info[BULK_CODINGS] = {}, []
        try:
            with session.no_autoflush:
                yield
                self.flush()
        finally:
            session.info.pop(BULK, None)
            session.info.pop(BULK_CODINGS, None)

    def flush(self) -> None:
        """Flush; in ``bulk()`` also send the queued codings of the flushed passages."""
        self._translate(self.session.flush)
        self._translate(lambda: write_bulk_codings(self.session))

    def commit(self) -> None:
        """Commit; a stale row raises ConflictError, a broken rule IntegrityViolationError."""
        self._translate(self.session.commit)

    def _translate(self, operation: object) -> None:
        try:
            operation()  # type: ignore[operator]
        except StaleDataError as error:
            self.session.rollback()
            raise ConflictError("record", str(error)) from error
        except DBAPIError as error:
            if is_unavailable(error):
                raise unavailable(error) from error
            if not isinstance(error, IntegrityError):
                self.session.rollback()
                raise database_fault(error) from error
            self.session.rollback()
            raise IntegrityViolationError(
                f"The change breaks a rule of the library: {error.orig}"
            ) from error
