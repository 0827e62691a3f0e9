"""Test-wide setup: Qt offscreen before any QApplication, library fixtures on SQLite and PostgreSQL.

PostgreSQL tests use the server named by ``PARALLAX_TEST_PG_URL`` (``make test`` starts one when
the server programs are installed). Without it they skip locally and FAIL when ``CI=true``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support import postgres_server_url

SLOW_TIMEOUT = 3600  # seconds a test marked slow may take (the others: ``timeout`` in pyproject)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` get a longer time limit, unless they set their own."""
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TIMEOUT))


@pytest.fixture(autouse=True)
def _qt_hygiene() -> Iterator[None]:
    """See ``tests.qt_hygiene``: a modal dialog left open fails its test instead of hanging."""
    from tests.qt_hygiene import qt_hygiene

    with qt_hygiene() as watchdog:
        yield
    if watchdog is not None and watchdog.closed:
        pytest.fail(f"modal dialog left open for a click: {'; '.join(watchdog.closed)}")
    if watchdog is not None and watchdog.quitting:
        pytest.fail("left the application quitting: every later event loop would end at once")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test; dropped afterwards."""
    from bench.pg_server import throwaway_database

    with throwaway_database(postgres_server_url(), "parallax_test") as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'library.sqlite'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'library.sqlite'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def library(any_url: str) -> Iterator[object]:
    from db.library import open_library

    lib = open_library(any_url)
    try:
        yield lib
    finally:
        lib.dispose()


@pytest.fixture
def sqlite_library(sqlite_url: str) -> Iterator[object]:
    from db.library import open_library

    lib = open_library(sqlite_url)
    try:
        yield lib
    finally:
        lib.dispose()
