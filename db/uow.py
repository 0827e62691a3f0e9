"""Unit of work: one user action, one transaction.

Use as ``with library.unit_of_work(author) as uow: ...; uow.commit()``. Leaving the block without
``commit()`` rolls back, and so does any exception. Repositories never commit on their own.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from db.errors import ConflictError, IntegrityViolationError
from db.repositories import (
    ClaimRepository,
    CodeRepository,
    EventRepository,
    LaneRepository,
    MetaRepository,
    NoteRepository,
    PassageRepository,
    RelationRepository,
    SourceRepository,
)


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
        self._session = session
        self.lanes = LaneRepository(session)
        self.sources = SourceRepository(session, self.author)
        self.events = EventRepository(session, self.author)
        self.passages = PassageRepository(session, self.author)
        self.codes = CodeRepository(session, self.author)
        self.claims = ClaimRepository(session, self.author)
        self.notes = NoteRepository(session, self.author)
        self.relations = RelationRepository(session)
        self.meta = MetaRepository(session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None

    def flush(self) -> None:
        self._translate(self.session.flush)

    def commit(self) -> None:
        """Commit; a stale row raises ConflictError, a broken rule IntegrityViolationError."""
        self._translate(self.session.commit)

    def _translate(self, operation: object) -> None:
        try:
            operation()  # type: ignore[operator]
        except StaleDataError as error:
            self.session.rollback()
            raise ConflictError("record", str(error)) from error
        except IntegrityError as error:
            self.session.rollback()
            raise IntegrityViolationError(
                f"The change breaks a rule of the library: {error.orig}"
            ) from error
