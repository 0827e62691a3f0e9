"""A big SQLite library's packed timeline columns are read in two halves at once (by id, on
two connections): they must equal the one-statement read, and when another client commits
while the halves are read, or the worker's half fails, the one statement is read instead."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from sqlalchemy import text

import db.repositories.timeline_packed as packed
import db.repositories.timeline_split as split
from db.library import Library
from db.records import EventRecord
from db.repositories.key_order import KEY_ORDER
from db.repositories.timeline_packed import Packed, packed_columns


@pytest.fixture
def filled(sqlite_library: Library, monkeypatch: pytest.MonkeyPatch) -> Library:
    events = [
        EventRecord(f"e{k:02}", f"Event {k}", "2001-01-01", 730486.0 + k, 730487.0 + k)
        for k in range(40)
    ]
    events[7] = EventRecord("timed", "Timed", "2001-05-01T10:00", 730606.4166666666, 730606.5)
    with sqlite_library.unit_of_work() as uow:
        uow.events.add_many(events)
        uow.commit()
    monkeypatch.setattr(split, "SPLIT_AT", 10)  # 40 events are "big"
    return sqlite_library


def _statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL the session's connection runs for the packed read, from now on."""
    sent: list[str] = []
    for module in (packed, split):
        read = module.plain_rows

        def spy(session: Any, statement: Any, read: Any = read) -> list[Any]:
            sent.append(str(statement))
            return read(session, statement)

        monkeypatch.setattr(module, "plain_rows", spy)
    return sent


def _read(library: Library) -> Packed:
    with library.unit_of_work() as uow:
        found = packed_columns(uow.session)
    assert found is not None
    return found


def _one_statement(library: Library, monkeypatch: pytest.MonkeyPatch) -> Packed:
    with monkeypatch.context() as patched:
        patched.setattr(split, "SPLIT_AT", 1 << 62)
        return _read(library)


def _assert_same(found: Packed, expected: Packed) -> None:
    assert found.keys == expected.keys
    for name in ("lane_ids", "t_lo", "t_hi", "importance", "context", "plain"):
        mine, theirs = getattr(found, name), getattr(expected, name)
        assert mine.tobytes() == theirs.tobytes(), name


def test_two_halves_read_at_once_equal_the_one_statement(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _one_statement(filled, monkeypatch)
    sent = _statements(monkeypatch)
    found = _read(filled)
    assert any("WHERE id <=" in sql for sql in sent)  # the halves were read
    assert packed._PACKED not in sent  # and not the whole
    _assert_same(found, expected)
    assert KEY_ORDER not in sent  # the worker read the key order after its half
    assert found.key_order is not None and expected.key_order is not None
    assert found.key_order.tolist() == expected.key_order.tolist()
    assert [found.keys[k] for k in found.key_order.tolist()] == sorted(found.keys)
    assert len(found.keys) == 40 and found.t_lo[7] == 730606.4166666666  # exact, fixed


def test_a_commit_while_the_halves_are_read_reads_the_one_statement(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another client commits before the worker reads its half: the halves may show two
    states of the library, so the one statement is read, and it shows the commit."""
    read_half = split._read_rest

    def after_a_commit(engine: Any, sql: list[str], out: list[Any]) -> None:
        with filled.engine.begin() as other:  # another connection of the pool
            other.execute(text("UPDATE events SET importance = 0 WHERE key = 'e01'"))
            other.execute(text("DELETE FROM events WHERE key = 'e39'"))
        read_half(engine, sql, out)

    monkeypatch.setattr(split, "_read_rest", after_a_commit)
    sent = _statements(monkeypatch)
    found = _read(filled)
    assert any("WHERE id <=" in sql for sql in sent)
    assert sent.count(packed._PACKED) == 1  # read again, whole
    monkeypatch.setattr(split, "_read_rest", read_half)
    _assert_same(found, _one_statement(filled, monkeypatch))
    assert "e39" not in found.keys and found.importance[found.keys.index("e01")] == 0


def test_a_half_that_fails_reads_the_one_statement(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(engine: Any, sql: list[str], out: list[Any]) -> None:
        out.append(RuntimeError("no connection"))

    expected = _one_statement(filled, monkeypatch)
    monkeypatch.setattr(split, "_read_rest", failing)
    sent = _statements(monkeypatch)
    _assert_same(_read(filled), expected)
    assert sent.count(packed._PACKED) == 1


def test_a_library_in_memory_is_read_in_one_statement(monkeypatch: pytest.MonkeyPatch) -> None:
    from db.library import open_library

    library = open_library("sqlite://")
    try:
        with library.unit_of_work() as uow:
            uow.events.add_many(
                [EventRecord(f"m{k}", "M", "2001-01-01", 730486.0, 730487.0) for k in range(30)]
            )
            uow.commit()
        monkeypatch.setattr(split, "SPLIT_AT", 1)
        sent = _statements(monkeypatch)
        found = _read(library)
    finally:
        library.dispose()
    assert sent.count(packed._PACKED) == 1 and len(found.keys) == 30
    assert np.all(found.t_lo == 730486.0)
