"""A library path is a file name, never URL text: '?', '%', '#' and spaces open that file."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import library_url, sqlite_path
from db.library import open_library
from db.records import LaneRecord

NAMES = ["what?.sqlite", "pct%41.sqlite", "hash#1.sqlite", "two words.sqlite", "a&b=c.sqlite"]


@pytest.mark.parametrize("name", NAMES)
def test_the_url_of_a_path_names_exactly_that_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert sqlite_path(library_url(str(path))) == path


@pytest.mark.parametrize("name", NAMES)
def test_a_library_with_url_characters_in_its_name_opens_that_file(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    library = open_library(str(path))
    try:
        with library.unit_of_work("alice") as uow:
            uow.lanes.add(LaneRecord("georgia", "Georgia"))
            uow.commit()
    finally:
        library.dispose()
    assert path.is_file()
    assert {p.name for p in tmp_path.iterdir()} <= {name, f"{name}-wal", f"{name}-shm"}
    reopened = open_library(str(path))
    try:
        with reopened.unit_of_work() as uow:
            assert [lane.key for lane in uow.lanes.list()] == ["georgia"]
    finally:
        reopened.dispose()
