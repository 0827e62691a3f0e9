"""On SQLite the timeline columns are read as a few joined strings (``timeline_packed``): they
must equal, value for value, what reading a row per event gives, whatever the times (whole,
fractional, zero, negative, huge), lanes (none, gone) and dates; and anything the strings
cannot carry exactly makes the reader fall back to rows."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from sqlalchemy import text

import db.repositories.timeline_rows as timeline_rows
from db.library import Library
from db.records import EventRecord, LaneRecord
from db.repositories.timeline_packed import packed_columns
from db.repositories.timeline_rows import TimelineColumns

# (key, start, end, t_lo, t_hi, lane): times whole and not, zero (and -0.0), negative
EVENTS: list[tuple[str, str, str | None, float, float, str]] = [
    ("plain", "2001-01-03", None, 730488.0, 730489.0, "a"),
    ("span", "2001-01-03", "2001-01-09", 730488.0, 730495.0, "b"),
    ("empty-end", "2001-01-04", "", 730489.0, 730490.0, "a"),
    ("month", "2001-02", None, 730517.0, 730545.0, ""),
    ("year", "2001", "2002", 730486.0, 731216.0, "a"),
    ("timed", "2001-05-01T10:00", None, 730606.4166666666, 730606.4166666667, "b"),
    ("tiny", "0001-01-01", None, 1e-300, 0.1 + 0.2, "a"),
    ("zero", "0000-12-31", None, 0.0, 1.0, "a"),
    ("minus-zero", "0000-12-31", None, -0.0, 1.0, "a"),
    ("bc", "-0044-03-15", None, -16000.0, -15999.0, "b"),
    ("fraction-end", "2001-03-01", "2001-04", 730545.0, 730576.5, "b"),
    ("ünïcode-ключ", "2001-é3-01", None, 730545.0, 730546.0, "a"),
    ("eleven", "2001-03-01x", None, 730545.0, 730546.0, "a"),
]


def _records() -> list[EventRecord]:
    return [
        EventRecord(key, f"Title of {key}", start, lo, hi, end=end, lane=lane, importance=k % 3)
        for k, (key, start, end, lo, hi, lane) in enumerate(EVENTS)
    ]


@pytest.fixture
def filled(sqlite_library: Library) -> Library:
    with sqlite_library.unit_of_work() as uow:
        for k, key in enumerate(("a", "b")):
            uow.lanes.add(LaneRecord(key=key, name=key.upper(), color="#123456", position=k))
        uow.events.add_many(_records())
        uow.commit()
    return sqlite_library


def _both(library: Library, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, TimelineColumns]:
    """(what the packed reader gave, or None) and the columns read as rows."""
    with library.unit_of_work() as uow:
        packed = packed_columns(uow.session)
        packed_found = timeline_rows.timeline_columns(uow.session)
    monkeypatch.setattr(timeline_rows, "packed_columns", lambda session: None)
    with library.unit_of_work() as uow:
        rows = timeline_rows.timeline_columns(uow.session)
    return (packed, packed_found), rows


def _assert_same(found: TimelineColumns, rows: TimelineColumns) -> None:
    assert list(found.keys) == list(rows.keys)
    assert list(found.lanes) == list(rows.lanes)
    for name in ("t_lo", "t_hi"):
        mine, theirs = np.asarray(getattr(found, name)), np.asarray(getattr(rows, name), float)
        assert mine.dtype == np.float64
        assert mine.tobytes() == theirs.tobytes()  # bit for bit: -0.0, 1e-300, 1e22
    for name in ("importance", "context", "plain"):
        assert np.asarray(getattr(found, name)).tolist() == list(getattr(rows, name))


def test_packed_columns_equal_the_rows_bit_for_bit(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    (packed, found), rows = _both(filled, monkeypatch)
    assert packed is not None  # the strings were used, not the fallback
    _assert_same(found, rows)
    by_key = dict(zip(rows.keys, zip(rows.lanes, rows.plain, strict=True), strict=True))
    assert by_key["month"] == ("", False)
    assert by_key["plain"] == ("a", True)
    assert by_key["empty-end"][1] and by_key["span"][1]
    assert by_key["ünïcode-ключ"][1]  # ten characters (eleven bytes), dashes in place
    assert not by_key["eleven"][1]


def test_a_gone_lane_and_a_huge_time_written_behind_the_checks(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    with filled.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.execute(text("UPDATE events SET lane_id = 999 WHERE key = 'plain'"))
        # beyond what a repository stores, as a raw write could leave it: still exact
        connection.execute(text("UPDATE events SET t_lo = 1e22, t_hi = 1.5e22 WHERE key = 'year'"))
        connection.execute(text("UPDATE events SET importance = -7, context = 5 WHERE key = 'bc'"))
    (packed, found), rows = _both(filled, monkeypatch)
    assert packed is not None
    _assert_same(found, rows)
    assert found.lanes[list(found.keys).index("plain")] == ""
    bc = list(found.keys).index("bc")
    assert (found.importance[bc], found.context[bc], found.plain[bc]) == (-7, True, False)


def test_a_key_holding_the_separator_is_read_as_rows(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    with filled.unit_of_work() as uow:
        uow.events.add_many([EventRecord("odd\x1fkey", "Odd", "2001-01-01", 730486.0, 730487.0)])
        uow.commit()
    (packed, found), rows = _both(filled, monkeypatch)
    assert packed is None  # the keys do not add up: the caller reads rows
    _assert_same(found, rows)
    assert "odd\x1fkey" in found.keys


def test_an_empty_library_has_empty_columns(sqlite_library: Library) -> None:
    with sqlite_library.unit_of_work() as uow:
        packed = packed_columns(uow.session)
        found = timeline_rows.timeline_columns(uow.session)
    assert packed is not None and len(packed.keys) == 0
    assert len(found.keys) == len(found.t_lo) == len(found.plain) == 0


def test_a_commit_between_the_columns_and_the_exact_times_reads_rows(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another client's commit after the joined columns, before the marked events' exact
    times are read: the two would not agree, so the reader gives up and rows are read."""
    import db.repositories.timeline_packed as packed

    read = packed.plain_rows

    def interleaved(session: Any, statement: Any) -> list[Any]:
        if str(statement) == packed._MARKED:
            with filled.engine.connect() as other:  # another connection of the pool
                other.execute(  # still marked, so counts and keys alone would agree
                    text("UPDATE events SET t_lo = 730606.5, importance = 0 WHERE key = 'timed'")
                )
                other.commit()
        return read(session, statement)

    monkeypatch.setattr(packed, "plain_rows", interleaved)
    with filled.unit_of_work() as uow:
        assert packed_columns(uow.session) is None
        found = timeline_rows.timeline_columns(uow.session)
    timed = list(found.keys).index("timed")
    assert (found.t_lo[timed], found.importance[timed]) == (730606.5, 0)
