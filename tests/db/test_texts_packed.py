"""On SQLite every event's key, title, start and end are read as four joined strings
(``texts_packed``): they must equal, text for text, what reading a row per event gives, NULL
ends and empty ones apart; a text the strings cannot carry exactly reads rows."""

from __future__ import annotations

import pytest
from sqlalchemy import text

import db.repositories.timeline_rows as timeline_rows
from db.library import Library
from db.records import EventRecord
from db.repositories.texts_packed import ABSENT, packed_texts
from db.repositories.timeline_rows import LabelTexts
from tests.support import with_events

EVENTS = [
    EventRecord("plain", "A plain day", "2001-01-03", 730488.0, 730489.0),
    EventRecord("span", "A span", "2001-01-03", 730488.0, 730495.0, end="2001-01-09"),
    EventRecord("empty-end", "An empty end", "2001-01-04", 730489.0, 730490.0, end=""),
    EventRecord("ünïcode-ключ", "Грузия, «quoted», 'single'", "2001-02", 730517.0, 730545.0),
    EventRecord("commas", "One, two,, three", "2001", 730486.0, 731216.0, end="2002"),
]


@pytest.fixture
def filled(sqlite_library: Library) -> Library:
    return with_events(sqlite_library, EVENTS)


def _both(library: Library, monkeypatch: pytest.MonkeyPatch) -> tuple[LabelTexts, LabelTexts]:
    """(the texts as read, the texts read as rows)."""
    with library.unit_of_work() as uow:
        found = uow.events.label_texts()
    monkeypatch.setattr(timeline_rows, "packed_texts", lambda session: None)
    with library.unit_of_work() as uow:
        rows = uow.events.label_texts()
    return found, rows


def test_the_joined_texts_equal_the_rows(filled: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    with filled.unit_of_work() as uow:
        assert packed_texts(uow.session) is not None  # the strings were used, not the rows
    found, rows = _both(filled, monkeypatch)
    assert found == rows
    ends = dict(zip(found.keys, found.ends, strict=True))
    assert ends["plain"] is None and ends["empty-end"] == "" and ends["span"] == "2001-01-09"
    assert found.keys == tuple(event.key for event in EVENTS)  # in id order


@pytest.mark.parametrize(
    "write",
    [
        "UPDATE events SET title = 'Two\x1fparts' WHERE key = 'span'",  # the separator
        f"UPDATE events SET \"end\" = '{ABSENT}' WHERE key = 'span'",  # the NULL stand-in
        "UPDATE events SET key = 'odd\x1fkey' WHERE key = 'plain'",
    ],
)
def test_a_text_the_strings_cannot_carry_reads_rows(
    filled: Library, monkeypatch: pytest.MonkeyPatch, write: str
) -> None:
    with filled.engine.begin() as connection:
        connection.execute(text(write))
    with filled.unit_of_work() as uow:
        assert packed_texts(uow.session) is None
    found, rows = _both(filled, monkeypatch)
    assert found == rows and len(found.keys) == len(EVENTS)


def test_an_empty_library_has_no_texts(sqlite_library: Library) -> None:
    with sqlite_library.unit_of_work() as uow:
        assert packed_texts(uow.session) == ((), (), (), ())
        assert uow.events.label_texts() == LabelTexts((), (), (), ())
