"""The change log: each committed unit of work records what it touched, in the same transaction."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from db.change_log import BULK_LIMIT, changes_since, latest_change_id
from db.errors import ConflictError, LibraryError, LibraryUnavailableError
from db.library import Library, open_library
from db.records import CodingRecord, EventRecord
from tests.db.test_repositories import fill


def logged(library: Library, after: int) -> set[tuple[str, str, str, str]]:
    return {(c.kind, c.key, c.operation, c.author) for c in changes_since(library.engine, after)}


def test_a_commit_logs_its_records_with_author_and_client(library: Library) -> None:
    fill(library)
    start = latest_change_id(library.engine)
    with library.unit_of_work("bob") as uow:
        event = uow.events.get("war")
        uow.events.update(replace(event, title="The August war"))
        uow.commit()
    rows = changes_since(library.engine, start)
    assert [(r.kind, r.key, r.operation, r.author) for r in rows] == [
        ("event", "war", "update", "bob")
    ]
    assert rows[0].client == library.client and rows[0].id > start


def test_the_fill_logged_every_keyed_record(library: Library) -> None:
    fill(library)
    kinds = {(kind, key) for kind, key, op, author in logged(library, 0) if op == "insert"}
    assert {("event", "war"), ("passage", "p1"), ("code", "issue"), ("note", "n1")} <= kinds


def test_a_coding_is_reported_as_an_update_of_its_passage(library: Library) -> None:
    fill(library)
    start = latest_change_id(library.engine)
    with library.unit_of_work("carol") as uow:
        passage = uow.passages.get("p2")
        uow.passages.update(replace(passage, codings=(CodingRecord("issue.security", "carol"),)))
        uow.commit()
    assert logged(library, start) == {("passage", "p2", "update", "carol")}


def test_removing_a_coding_names_the_passage(library: Library) -> None:
    fill(library)
    start = latest_change_id(library.engine)
    with library.unit_of_work("alice") as uow:
        passage = uow.passages.get("p1")
        uow.passages.update(replace(passage, codings=()))
        uow.commit()
    assert ("passage", "p1", "update", "alice") in logged(library, start)


def test_deleting_a_passage_logs_one_delete(library: Library) -> None:
    fill(library)
    start = latest_change_id(library.engine)
    with library.unit_of_work("alice") as uow:
        uow.passages.delete("p1")
        uow.commit()
    assert ("passage", "p1", "delete", "alice") in logged(library, start)


def test_a_rolled_back_unit_of_work_logs_nothing(library: Library) -> None:
    fill(library)
    start = latest_change_id(library.engine)
    with library.unit_of_work("bob") as uow:
        event = uow.events.get("war")
        uow.events.update(replace(event, title="Never committed"))
        uow.flush()
    assert changes_since(library.engine, start) == []


def test_a_conflict_logs_nothing(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        stale = uow.events.get("war")
    with library.unit_of_work("alice") as uow:
        uow.events.update(replace(stale, title="First"))
        uow.commit()
    start = latest_change_id(library.engine)
    with pytest.raises(ConflictError), library.unit_of_work("bob") as uow:
        uow.events.update(replace(stale, title="Second"))
        uow.commit()
    assert changes_since(library.engine, start) == []


def test_two_open_libraries_have_different_clients(any_url: str) -> None:
    first, second = open_library(any_url), open_library(any_url)
    try:
        assert first.client and second.client and first.client != second.client
        fill(second)
        assert {c.client for c in changes_since(first.engine, 0)} == {second.client}
    finally:
        first.dispose()
        second.dispose()


def test_a_large_transaction_logs_one_bulk_row(library: Library) -> None:
    with library.unit_of_work("importer") as uow:
        for number in range(BULK_LIMIT + 1):
            uow.events.add(EventRecord(f"e{number}", f"Event {number}", "2008", 1.0, 2.0))
        uow.commit()
    assert logged(library, 0) == {("*", "", "bulk", "importer")}


def test_an_unreachable_server_is_a_readable_library_error(tmp_path: object) -> None:
    from sqlalchemy.orm import sessionmaker

    from db.engine import make_engine
    from db.uow import UnitOfWork

    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")
    with (
        pytest.raises(LibraryUnavailableError, match="cannot be reached"),
        UnitOfWork(sessionmaker(engine)) as uow,
    ):
        uow.events.list()
    engine.dispose()


def test_reading_the_change_log_fails_as_a_library_error(tmp_path: Path) -> None:
    """A poller catches ``LibraryError`` only: a database error must not leak as SQLAlchemy's."""
    engine = create_engine(f"sqlite:///{tmp_path / 'not-a-library.sqlite'}")
    try:
        with pytest.raises(LibraryError, match="refused"):
            latest_change_id(engine)
        with pytest.raises(LibraryError, match="refused"):
            changes_since(engine, 0)
    finally:
        engine.dispose()
