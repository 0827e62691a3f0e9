"""What every repository shares: a session, lookups by key, the version check."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.errors import ConflictError, IntegrityViolationError, NotFoundError
from db.models import utcnow
from db.records import Stamp

M = TypeVar("M")


class Repository:
    kind = "record"

    def __init__(self, session: Session, author: str = "") -> None:
        self.session = session
        self.author = author

    def _find_row(self, model: type[M], key: str) -> M | None:
        statement = select(model).where(model.key == key)  # type: ignore[attr-defined]
        return self.session.scalars(statement).unique().one_or_none()

    def _row(self, model: type[M], key: str) -> M:
        row = self._find_row(model, key)
        if row is None:
            raise NotFoundError(f"No {self.kind} '{key}' in this library (deleted meanwhile?).")
        return row

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
# (``desktop.core.dates.MAX_YEAR``), so no stored time lies beyond this many days.
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
