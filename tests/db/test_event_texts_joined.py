"""The searched fields joined by SQLite in one statement are, event by event, those the row
read gives (actors in their order, tags by name, other names); PostgreSQL and what would not
read back the same (an other name that is no string) leave it to the row read."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db.library import Library
from db.records import EventRecord
from tests.support import with_events

EVENTS = (
    EventRecord(
        "talks",
        "Gespräche",
        "2014",
        1.0,
        2.0,
        summary="Talks in MINSK",
        actors=("OSCE", "Лукашенко", "Belarus"),  # not in name order
        tags=("war", "Diplomacy", "Війна"),
        aliases=("Переговоры", "Minsk talks"),
    ),
    EventRecord("bare", "Bare event", "2015", 2.0, 3.0),
    EventRecord("gas", "Gas dispute", "2009", 0.5, 1.5, summary="GAZPROM", tags=("energy",)),
    EventRecord("treaty", "Treaty", "2010", 1.5, 2.5, actors=("Zeta", "Alpha")),  # no tags
)


@pytest.fixture
def filled(library: Library) -> Library:
    return with_events(library, EVENTS)


def _joined_fields(row: object) -> str:
    title, summary, actors, tags, aliases = row  # type: ignore[misc]
    return " ".join((title, summary, " ".join(actors), " ".join(tags), " ".join(aliases)))


def test_sqlite_joins_the_fields_the_row_read_gives(filled: Library) -> None:
    with filled.unit_of_work() as uow:
        joined = uow.events.joined_texts()
        rows = uow.events.texts()
    if not filled.is_sqlite:
        assert joined is None
        return
    assert joined is not None
    assert joined.keys == [row.key for row in rows]  # the same order: by id
    fields = dict(zip(joined.keys, joined.fields.decode("utf-8").split("\x00"), strict=True))
    assert fields == {row.key: _joined_fields(row[1:]) for row in rows}
    assert fields["talks"] == (
        "Gespräche Talks in MINSK OSCE Лукашенко Belarus Diplomacy war Війна Переговоры Minsk talks"
    )


def test_an_other_name_that_is_no_string_leaves_it_to_the_row_read(
    sqlite_library: Library,
) -> None:
    with_events(sqlite_library, EVENTS)
    with sqlite_library.engine.begin() as connection:  # written behind the repository
        connection.execute(text("UPDATE events SET aliases = '[1, true]' WHERE key = 'bare'"))
    with sqlite_library.unit_of_work() as uow:
        assert uow.events.joined_texts() is None


def test_an_empty_library_joins_nothing(sqlite_library: Library) -> None:
    with sqlite_library.unit_of_work() as uow:
        joined = uow.events.joined_texts()
    assert joined is not None and joined.keys == [] and joined.fields == b""
