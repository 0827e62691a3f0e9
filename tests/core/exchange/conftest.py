"""Libraries for the exchange tests: one holding the bundled dataset, and fresh empty ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.library import Library, open_library
from desktop.core.sample import load_sample


@pytest.fixture(scope="module")
def sample_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The bundled dataset in a SQLite library (shared by a module's tests: do not modify)."""
    library = open_library(str(tmp_path_factory.mktemp("sample") / "sample.sqlite"))
    load_sample(library)
    try:
        yield library
    finally:
        library.dispose()


@pytest.fixture
def empty_library(tmp_path: Path) -> Iterator[Library]:
    library = open_library(str(tmp_path / "empty.sqlite"))
    try:
        yield library
    finally:
        library.dispose()
