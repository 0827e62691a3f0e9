"""An edit of an event's own columns is one plain UPDATE that behaves as the ORM write did."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import replace

import pytest

from db.change_log import changes_since
from db.errors import ConflictError, IntegrityViolationError
from db.library import Library
from db.records import EventRecord
from tests.db.test_repositories import fill
from tests.support import sent_statements


def first_line(sql: str) -> str:
    return sql.strip().split("\n")[0].upper()


def statements(library: Library) -> AbstractContextManager[list[str]]:
    """The SQL statements sent while inside, their first lines upper-cased."""
    return sent_statements(library.engine, first_line)


def unzoned(record: EventRecord) -> EventRecord:
    at = record.stamp.updated_at
    return replace(record, stamp=replace(record.stamp, updated_at=at and at.replace(tzinfo=None)))


def test_a_retitle_is_one_update_and_reads_back_as_returned(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        before = uow.events.get("war")
    last = max((c.id for c in changes_since(library.engine, 0)), default=0)
    with statements(library) as sent, library.unit_of_work("bob") as uow:
        written = uow.events.update(replace(before, title="Five-day war", importance=2))
        uow.commit()
    assert sum(s.startswith("UPDATE EVENTS") for s in sent) == 1
    assert not any(s.startswith(("DELETE", "UPDATE LANES", "INSERT INTO EVENT")) for s in sent)
    with library.unit_of_work() as uow:
        stored = uow.events.get("war")
    assert unzoned(written) == unzoned(stored)  # SQLite reads times back without their zone
    assert (stored.title, stored.importance, stored.stamp.author) == ("Five-day war", 2, "bob")
    assert stored.stamp.version > before.stamp.version
    assert (stored.lane, stored.actors, stored.tags) == (before.lane, before.actors, before.tags)
    logged = [(c.kind, c.key, c.operation) for c in changes_since(library.engine, last)]
    assert logged == [("event", "war", "update")]
    assert [hit.key for hit in library.search("five-day") if hit.kind == "event"] == ["war"]
    assert not [hit for hit in library.search("russo") if hit.kind == "event"]


def test_a_stale_column_edit_is_a_conflict_and_changes_nothing(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        mine = uow.events.get("war")
    with library.unit_of_work("bob") as uow:
        uow.events.update(replace(mine, importance=3))
        uow.commit()
    with pytest.raises(ConflictError), library.unit_of_work("alice") as uow:
        uow.events.update(replace(mine, title="Alice's title"))
        uow.commit()
    with library.unit_of_work() as uow:
        stored = uow.events.get("war")
    assert (stored.title, stored.importance) == (mine.title, 3)


def test_a_bad_value_is_refused_with_the_event_named(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        before = uow.events.get("war")
    refused = pytest.raises(IntegrityViolationError, match="event 'war': field 'title'")
    with refused, library.unit_of_work() as uow:
        uow.events.update(replace(before, title="bad\x00title"))
        uow.commit()
    with library.unit_of_work() as uow:
        assert uow.events.get("war") == before


def test_an_unchanged_record_is_not_written(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        before = uow.events.get("war")
    with statements(library) as sent, library.unit_of_work() as uow:
        assert uow.events.update(before) == before
        uow.commit()
    assert not any(s.startswith("UPDATE") for s in sent)


def test_tags_and_lane_changes_still_write_their_rows(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        before = uow.events.get("war")
    with library.unit_of_work("bob") as uow:
        uow.events.update(replace(before, title="War", tags=("conflict", "war"), lane=""))
        uow.commit()
    with library.unit_of_work() as uow:
        stored = uow.events.get("war")
    assert (stored.title, stored.tags, stored.lane) == ("War", ("conflict", "war"), "")


def test_an_event_loaded_as_a_row_in_the_same_work_is_written_through_it(library: Library) -> None:
    fill(library)
    with library.unit_of_work("bob") as uow:
        before = uow.events.get("war")  # the ORM row is now in the session
        uow.events.update(replace(before, title="First"))
        again = uow.events.get("war")
        uow.events.update(replace(again, title="Second"))
        uow.commit()
    with library.unit_of_work() as uow:
        assert uow.events.get("war").title == "Second"
