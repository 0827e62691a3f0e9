"""``sample --reset`` refuses a library another client has open, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import sqlite_path
from db.library import open_library
from db.records import LaneRecord
from desktop.cli import main


def test_reset_refuses_a_library_in_use_and_changes_nothing(
    any_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    other = open_library(any_url)  # another window, with its pooled connection open
    try:
        with other.unit_of_work("bob") as uow:
            uow.lanes.add(LaneRecord("mine", "Bob's lane"))
            uow.commit()
        assert main(["--db", any_url, "sample", "--reset", "--yes"]) == 2
        err = capsys.readouterr().err.strip()
        assert "in use" in err and len(err.splitlines()) == 1, err
        path = sqlite_path(any_url)
        if path is not None:
            assert [p.name for p in Path(path).parent.iterdir() if "reset" in p.name] == []
        with other.unit_of_work("bob") as uow:  # still the same library, still writable
            assert [lane.key for lane in uow.lanes.list()] == ["mine"]
            uow.lanes.add(LaneRecord("later", "Later"))
            uow.commit()
    finally:
        other.dispose()
    assert main(["--db", any_url, "sample", "--reset", "--yes"]) == 0
    reopened = open_library(any_url)
    try:
        with reopened.unit_of_work() as uow:
            keys = {lane.key for lane in uow.lanes.list()}
        assert "mine" not in keys and reopened.counts().events > 0
    finally:
        reopened.dispose()
