"""What every repository shares: a session, lookups by key, the version check."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import models
from db.errors import ConflictError, IntegrityViolationError, NotFoundError
from db.models import utcnow
from db.records import Stamp

M = TypeVar("M")

BULK = "bulk_rows"  # session.info key: the rows a bulk load wrote or looked up, by (model, key)
# session.info key: the change log's pending (kind, key) -> operation of the transaction
CHANGES_PENDING = "parallax_changes"
BULK_CODINGS = "bulk_codings"  # session.info key: codings of new passages, written in one batch


def write_bulk_codings(session: Session) -> None:
    """Insert the codings a bulk load queued, as one batch (the passages must be flushed).

    They belong to passages the same load inserted, which the change log reports as new, so
    they need no log rows of their own; each passage's ``codings`` is expired to be read anew.
    """
    queued: list[tuple[Any, Any, str, Any]] = session.info.get(BULK_CODINGS, [])
    if not queued:
        return
    rows = [
        {"passage_id": p.id, "code_id": c.id, "coder": coder, "created_at": at or utcnow()}
        for p, c, coder, at in queued
    ]
    session.info[BULK_CODINGS] = []
    session.execute(insert(models.Coding), rows)
    for passage in {id(p): p for p, _, _, _ in queued}.values():
        session.expire(passage, ["codings"])


class Repository:
    kind = "record"

    def __init__(self, session: Session, author: str = "") -> None:
        self.session = session
        self.author = author

    def _table_rows(self, statement: Any) -> Any:
        """The rows of ``statement``, a select of tables' columns (not of ORM entities), run
        on the session's connection: no mapper is set up for it (the ORM's first
        configuration is a large part of opening a library). Pending changes are flushed
        first, as the ORM's own queries do. Rows have the columns as attributes."""
        if self.session.autoflush:
            self.session.flush()
        return self.session.connection().execute(statement)

    def _find_row(self, model: type[M], key: str) -> M | None:
        statement = select(model).where(model.key == key)  # type: ignore[attr-defined]
        return self.session.scalars(statement).unique().one_or_none()

    def _row(self, model: type[M], key: str) -> M:
        row = self._find_row(model, key)
        if row is None:
            raise NotFoundError(f"No {self.kind} '{key}' in this library (deleted meanwhile?).")
        return row

    @property
    def _bulk(self) -> dict[tuple[type, str], Any] | None:
        """Inside ``UnitOfWork.bulk()``: the rows written or looked up so far, by (model, key)."""
        found: dict[tuple[type, str], Any] | None = self.session.info.get(BULK)
        return found

    def _ref(self, model: type[M], key: str) -> M:
        """A row another record refers to (a passage's source, a coding's code). In a bulk load
        each is queried once and rows written by the load are found without a query."""
        rows = self._bulk
        if rows is None:
            return self._row(model, key)
        found: M | None = rows.get((model, key))
        if found is None:
            found = rows[(model, key)] = self._row(model, key)
        return found

    def _added(self, row: Any) -> None:
        """Flush a new row now, or, in a bulk load, remember it and flush with the rest."""
        rows = self._bulk
        if rows is None:
            self._flush()
        elif hasattr(row, "key"):
            rows[(type(row), row.key)] = row

    def _id_of(self, model: type[M], kind: str, key: str) -> int:
        """The row id of the ``kind`` with this key, without loading the row."""
        statement = select(model.id).where(model.key == key)  # type: ignore[attr-defined]
        found = self.session.scalar(statement)
        if found is None:
            raise NotFoundError(f"No {kind} '{key}' in this library (deleted meanwhile?).")
        return int(found)

    def _flush(self) -> None:
        """Flush so the caller sees ids and rule violations now, as a readable error."""
        try:
            self.session.flush()
        except IntegrityError as error:
            self.session.rollback()
            raise IntegrityViolationError(
                f"The change breaks a rule of the library ({self.kind}): {error.orig}"
            ) from error

    def _check_version(self, row: Any, expected: int) -> None:
        """Refuse to overwrite a row someone changed since the caller loaded it.

        ``expected`` 0 means the caller did not load the row (e.g. an import) and skips the check.
        """
        if expected and row.version != expected:
            raise ConflictError(self.kind, row.key)

    def _begin_edit(self, row: Any, expected: int, before: Any, incoming: Any) -> bool:
        """Check the version; when the edit changes anything, claim the row first.

        ``version_id_col`` bumps only when a column of the row itself changes; an edit of its
        actors, tags, links or codings (rows of other tables) would keep the old version, and a
        stale edit from another client would then pass the check and silently revert it. So an
        edit that changes anything touches ``updated_at`` and flushes at once: an ``UPDATE ...
        WHERE version = loaded`` that bumps the version, takes the row's lock and refuses (as a
        conflict) a row someone changed meanwhile, before any child row is written.
        Returns whether the row was claimed; pass that on to ``_end_edit``.
        """
        self._check_version(row, expected)
        if _unstamped(before) == _unstamped(incoming):
            return False
        row.updated_at = utcnow()
        self._flush()
        return True

    def _end_edit(self, row: Any, claimed: bool, before: Any, after: Any) -> None:
        """Flush the edit; a change ``_begin_edit`` did not foresee still bumps the version."""
        if not claimed and _unstamped(before) != _unstamped(after):
            row.updated_at = utcnow()
        self._flush()


def stamp_of(row: Any) -> Stamp:
    return Stamp(
        created_at=row.created_at,
        updated_at=row.updated_at,
        author=row.author or "",
        version=row.version or 0,
    )


def _unstamped(record: Any) -> Any:
    """The record without what the database gives it (id, stamp or version and times)."""
    if hasattr(record, "stamp"):
        return replace(record, id=None, stamp=Stamp())
    return replace(record, id=None, version=0, created_at=None, updated_at=None)


# Times on the timeline are days since 1970; the supported years are -2e10..2e10
# (``desktop.model.dates.MAX_YEAR``), so no stored time lies beyond this many days.
MAX_TIME_DAYS = 20e9 * 366.0
_TIME_FIELDS = frozenset({"t_lo", "t_hi"})


def check_value(row: Any, name: str, value: Any) -> None:
    """Refuse what no engine should store: NaN and infinities, times beyond the supported
    years, and text with a NUL character (PostgreSQL cannot store it; SQLite would).

    The check is here because every write, whatever its path (window, command line, import,
    team sync), goes through a repository.
    """
    problem = _problem(name, value)
    if problem is None:
        return
    kind = getattr(row, "__tablename__", "record").removesuffix("s")
    raise IntegrityViolationError(
        f"{kind} '{getattr(row, 'key', '?')}': field '{name}': {problem}; nothing was changed."
    )


def _problem(name: str, value: Any) -> str | None:
    if isinstance(value, str):
        return "the text contains a NUL character (\\x00)" if "\x00" in value else None
    if not isinstance(value, float):
        return None
    if not math.isfinite(value):
        return f"{value} is not a finite number"
    if name in _TIME_FIELDS and abs(value) > MAX_TIME_DAYS:
        return f"{value:.3g} days is beyond the supported years"
    return None


def apply_fields(row: Any, values: dict[str, Any]) -> None:
    for name, value in values.items():
        check_value(row, name, value)
        if getattr(row, name) != value:
            setattr(row, name, value)
