"""Helpers tests import: where ../shared is, the PostgreSQL test server's URL, a recorder of
the SQL statements an engine sends, and a library filled with given events."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    from db.library import Library
    from db.records import EventRecord

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PG_ENV = "PARALLAX_TEST_PG_URL"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def shared_path(*parts: str) -> Path:
    """A file under ../shared; missing in CI is a failure, elsewhere a skip."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if in_ci():
            pytest.fail(f"{path} is missing: CI must provide ../shared")
        pytest.skip(f"{path} not present")
    return path


def postgres_server_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        message = f"no PostgreSQL test server ({PG_ENV} unset; 'make test' starts one)"
        if in_ci():
            pytest.fail(message + " — PostgreSQL tests must run in CI")
        pytest.skip(message)
    return url


@contextmanager
def sent_statements(engine: Engine, shape: Callable[[str], str] = str) -> Iterator[list[str]]:
    """The SQL statements ``engine`` sends while inside, each passed through ``shape``."""
    sent: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        sent.append(shape(statement))

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def with_events(library: Library, events: Iterable[EventRecord]) -> Library:
    """``library`` with ``events`` added in one committed unit of work."""
    with library.unit_of_work() as uow:
        uow.events.add_many(events)
        uow.commit()
    return library
