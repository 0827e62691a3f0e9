"""The change log: which records each committed unit of work touched, for other clients.

Every session made by a library's session factory (``install_change_log``) records, in the same
transaction as the edit, one ``change_log`` row per keyed record it inserted, updated or deleted:
(id, kind, key, operation, author, client, at). A rolled-back transaction leaves no rows; a
committed one always leaves its rows. Child rows (codings, passage links, event actors) are
reported as an update of the record they belong to. A transaction touching more than
``BULK_LIMIT`` records writes one row of kind ``*`` (``operation`` "bulk"): reload everything.

Other clients poll ``changes_since``; ``client`` tells a window its own changes apart. Rows are
written with Core statements at ``before_commit`` (after a final flush), so they never enter the
ORM identity map. Bulk Core statements run by callers are not seen; they must log themselves.
A SQLite library downgraded below revision 0003 (tests do this) commits edits without a log.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    String,
    Table,
    event,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from db import models
from db.repositories.base import CHANGES_PENDING
from db.uow import library_error

BULK_LIMIT = 500
_PENDING = CHANGES_PENDING
_KINDS = {
    "events": "event",
    "sources": "source",
    "passages": "passage",
    "codes": "code",
    "notes": "note",
    "claims": "claim",
    "lanes": "lane",
    "eras": "era",
    "attributes": "attribute",
    "passage_relations": "relation",
}

change_log = Table(
    "change_log",
    models.Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("key", String(200), nullable=False),
    Column("operation", String(10), nullable=False),
    Column("author", String(200), nullable=False),
    Column("client", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    """One logged change: ``kind`` ``key`` had ``operation`` (insert/update/delete/bulk)."""

    id: int
    kind: str
    key: str
    operation: str
    author: str
    client: str
    at: datetime


def new_client_id() -> str:
    """An id for one open library in one process; its changes carry it."""
    return uuid.uuid4().hex


def install_change_log(factory: sessionmaker[Session], client: str) -> None:
    """Make every session of ``factory`` log its committed changes under ``client``.

    The session's author is read from ``session.info["author"]`` (the unit of work sets it).
    """
    factory.kw.setdefault("info", {})["client"] = client
    event.listen(factory, "after_flush", _collect)
    event.listen(factory, "before_commit", _write)
    event.listen(factory, "after_rollback", _forget)


def _collect(session: Session, _context: Any) -> None:
    pending: dict[tuple[str, str], str] = session.info.setdefault(_PENDING, {})
    groups = (("insert", session.new), ("update", session.dirty), ("delete", session.deleted))
    flushed = {  # parents written by this flush name their children without a query
        (type(obj), obj.id): str(obj.key)
        for obj in (*session.new, *session.dirty)
        if isinstance(obj, models.Passage | models.Event)
    }
    for operation, objects in groups:
        for obj in objects:
            if operation == "update" and not session.is_modified(obj):
                continue
            described = _describe(session, obj, operation, flushed)
            if described is not None:
                kind, key, op = described
                pending.setdefault((kind, key), op)


def _describe(
    session: Session, obj: Any, operation: str, flushed: dict[tuple[type, int], str]
) -> tuple[str, str, str] | None:
    """(kind, key, operation) of a changed row, children mapped to their parent record."""
    kind = _KINDS.get(getattr(obj, "__tablename__", ""))
    if kind is not None:
        return kind, obj.key, operation
    if isinstance(obj, models.Coding | models.PassageEvent):
        parent = _parent_key(session, obj, "passage_id", models.Passage, flushed)
        return None if parent is None else ("passage", parent, "update")
    if isinstance(obj, models.EventActor):
        parent = _parent_key(session, obj, "event_id", models.Event, flushed)
        return None if parent is None else ("event", parent, "update")
    return None


def _parent_key(
    session: Session, obj: Any, column: str, model: Any, flushed: dict[tuple[type, int], str]
) -> str | None:
    state = inspect(obj)
    parent_id = getattr(obj, column, None) or state.committed_state.get(column)
    if parent_id is None:
        return None
    if (model, parent_id) in flushed:
        return flushed[(model, parent_id)]
    found = session.identity_map.get(inspect(model).identity_key_from_primary_key((parent_id,)))
    if isinstance(found, model):
        return str(found.key)
    key = session.connection().scalar(select(model.key).where(model.id == parent_id))
    return None if key is None else str(key)


def _write(session: Session) -> None:
    session.flush()
    pending: dict[tuple[str, str], str] = session.info.pop(_PENDING, {})
    if not pending:
        return
    author = str(session.info.get("author", ""))
    client = str(session.info.get("client", ""))
    now = models.utcnow()
    items: Iterable[tuple[tuple[str, str], str]] = pending.items()
    if len(pending) > BULK_LIMIT:
        items = [(("*", ""), "bulk")]
    rows = [
        {"kind": kind, "key": key, "operation": op, "author": author, "client": client, "at": now}
        for (kind, key), op in items
    ]
    connection = session.connection()
    try:
        connection.execute(insert(change_log), rows)
    except OperationalError as error:
        # a SQLite library downgraded below revision 0003 has no log; SQLite keeps the
        # transaction after a failed statement, so the edit itself still commits
        if connection.dialect.name != "sqlite" or "no such table" not in str(error.orig):
            raise


def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


def changes_since(engine: Engine, last_id: int, limit: int = 1000) -> list[ChangeRecord]:
    """Logged changes with an id above ``last_id``, oldest first, at most ``limit``.

    On PostgreSQL ids are taken when a transaction writes, not when it commits, so a poller
    should look back a little (``ChangePoller`` does) rather than trust ``last_id`` alone.
    """
    statement = (
        select(change_log).where(change_log.c.id > last_id).order_by(change_log.c.id).limit(limit)
    )
    try:
        with engine.connect() as connection:
            return [ChangeRecord(**row._mapping) for row in connection.execute(statement)]
    except SQLAlchemyError as error:
        raise library_error(error) from error


def latest_change_id(engine: Engine) -> int:
    """The highest change id so far (0 for none): where a new client starts polling."""
    try:
        with engine.connect() as connection:
            return int(connection.scalar(select(func.max(change_log.c.id))) or 0)
    except SQLAlchemyError as error:
        raise library_error(error) from error
