"""Bulk loading without per-row index triggers, then one rebuild of the events' index rows."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from db.library import Library
from db.records import EventRecord
from db.search import rebuild_event_index, search, suspended_event_triggers
from tests.db.test_repositories import fill

INSERT_EVENT = text(
    'INSERT INTO events (key, title, summary, start, "end", t_lo, t_hi, lane_id, importance,'
    " context, notes, created_at, updated_at, author, version) VALUES (:key, :title, :summary,"
    " '2010', NULL, 733773.0, 734138.0, NULL, 2, false, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
    " 'bulk', 1)"
)


def index_rows(library: Library) -> list[tuple[object, ...]]:
    with library.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT kind, key, title, body FROM search_index ORDER BY kind, key")
        )
        return [tuple(row) for row in rows]


def hits(library: Library, query: str) -> list[str]:
    with library.unit_of_work() as uow:
        return [hit.key for hit in search(uow.session, query)]


def add_bulk(connection: Connection, count: int) -> None:
    connection.execute(
        INSERT_EVENT,
        [
            {"key": f"b{k}", "title": f"Bulk quokka {k}", "summary": "marsupial"}
            for k in range(count)
        ],
    )


def event_index_count(connection: Connection) -> int:
    found = connection.execute(text("SELECT count(*) FROM search_index WHERE kind = 'event'"))
    return int(found.scalar_one())


def test_rebuild_gives_the_rows_the_triggers_wrote(library: Library) -> None:
    fill(library)  # events with actors and tags: the index body joins them in
    before = index_rows(library)
    with library.engine.begin() as connection:
        rebuild_event_index(connection)
    assert index_rows(library) == before
    assert hits(library, "russia") == ["war"]


def test_bulk_rows_skip_the_triggers_and_are_indexed_on_leaving(library: Library) -> None:
    fill(library)
    with library.engine.begin() as connection:
        indexed = event_index_count(connection)
        with suspended_event_triggers(connection):
            add_bulk(connection, 50)
            assert event_index_count(connection) == indexed  # no trigger fired
        assert event_index_count(connection) == indexed + 50
    assert len(hits(library, "quokka")) == 50
    assert hits(library, "marsupial 17")[:1] == ["b17"]
    with library.unit_of_work("alice") as uow:  # the triggers are back for ordinary writes
        uow.events.add(EventRecord("late", "Late wombat", "2011", 734138.0, 734503.0))
        uow.commit()
    assert hits(library, "wombat") == ["late"]


def test_an_error_inside_rolls_everything_back(library: Library) -> None:
    fill(library)
    before = index_rows(library)
    with (
        pytest.raises(RuntimeError),
        library.engine.begin() as connection,
        suspended_event_triggers(connection),
    ):
        add_bulk(connection, 5)
        raise RuntimeError("bulk load failed")
    assert index_rows(library) == before
    with library.unit_of_work("alice") as uow:
        uow.events.add(EventRecord("late", "Late wombat", "2011", 734138.0, 734503.0))
        uow.commit()
    assert hits(library, "wombat") == ["late"]  # the triggers survived the failure
