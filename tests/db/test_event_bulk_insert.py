"""``EventRepository.add_many`` writes what ``add`` writes, on both engines, and refuses alike."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.change_log import changes_since
from db.errors import IntegrityViolationError
from db.library import Library
from db.records import EventRecord, LaneRecord, Stamp
from db.repositories import events as events_repository

EVENTS = (
    EventRecord(
        key="a",
        title="Summit",
        start="2008-08-07",
        t_lo=14098.0,
        t_hi=14099.0,
        lane="caucasus",
        actors=(" Russia", "Georgia", "Russia"),
        tags=("war", "ceasefire"),
        aliases=("Five-day war",),
        importance=1,
        context=True,
        summary="A summary",
        notes="Notes",
    ),
    EventRecord(key="b", title="No lane", start="2009", t_lo=14245.0, t_hi=14610.0),
    EventRecord(
        key="c",
        title="New lane",
        start="2010-05",
        end="2010-06",
        t_lo=14730.0,
        t_hi=14791.0,
        lane="baltic",
        actors=("Georgia", "Estonia"),
        tags=("war",),
    ),
)


def _unstamped(records: list[EventRecord]) -> list[EventRecord]:
    return [replace(r, id=None, stamp=Stamp()) for r in records]


def test_add_many_equals_add(library: Library) -> None:
    with library.unit_of_work("me") as uow:
        uow.lanes.add(LaneRecord(key="caucasus", name="Caucasus", color="#112233", position=0))
        for event in EVENTS:
            uow.events.add(event)
        uow.commit()
        one_by_one = uow.events.list()
    with library.unit_of_work("me") as uow:
        for event in EVENTS:
            uow.events.delete(event.key)
        uow.commit()
    last = max((c.id for c in changes_since(library.engine, 0)), default=0)
    with library.unit_of_work("me") as uow, uow.bulk():
        uow.events.add_many(EVENTS)
        uow.flush()
        uow.commit()
    with library.unit_of_work() as uow:
        in_bulk = uow.events.list()
    assert _unstamped(in_bulk) == _unstamped(one_by_one)
    assert in_bulk[0].actors == ("Russia", "Georgia") and in_bulk[0].tags == ("ceasefire", "war")
    assert all(e.stamp.version == 1 and e.stamp.author == "me" for e in in_bulk)
    logged = {(c.kind, c.key, c.operation) for c in changes_since(library.engine, last)}
    assert logged == {("event", e.key, "insert") for e in EVENTS}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"title": "Bad\x00title"}, "NUL character"),
        ({"t_hi": float("nan")}, "not a finite number"),
        ({"t_lo": 1e15}, "beyond the supported years"),
    ],
)
def test_add_many_refuses_what_add_refuses(
    library: Library, change: dict[str, object], words: str
) -> None:
    bad = replace(EVENTS[1], **change)
    with (
        pytest.raises(IntegrityViolationError, match=words),
        library.unit_of_work() as uow,
        uow.bulk(),
    ):
        uow.events.add_many((EVENTS[2], bad))
    with library.unit_of_work() as uow:
        assert uow.events.list() == []


def test_add_many_refuses_a_key_taken(library: Library) -> None:
    with library.unit_of_work() as uow:
        uow.events.add(EVENTS[1])
        uow.commit()
    with (
        pytest.raises(IntegrityViolationError, match="rule of the library"),
        library.unit_of_work() as uow,
        uow.bulk(),
    ):
        uow.events.add_many(EVENTS[1:])
    with library.unit_of_work() as uow:
        assert [e.key for e in uow.events.list()] == ["b"]


def test_many_new_events_are_searchable(
    sqlite_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past ``REINDEX_AT`` the index is rebuilt once; it finds them and later edits alike."""
    monkeypatch.setattr(events_repository, "REINDEX_AT", 2)
    with sqlite_library.unit_of_work() as uow, uow.bulk():
        uow.events.add_many(EVENTS)
        uow.flush()
        uow.commit()
    with sqlite_library.unit_of_work() as uow:
        uow.events.add(replace(EVENTS[1], key="d", title="Armistice"))
        uow.commit()
    assert {hit.key for hit in sqlite_library.search("summit")} == {"a"}
    assert {hit.key for hit in sqlite_library.search("lane")} == {"b", "c"}
    assert {hit.key for hit in sqlite_library.search("armistice")} == {"d"}
