"""Full-text search (revision 0002) on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from db.engine import make_engine
from db.library import Library, open_library
from db.migrate import upgrade
from db.models import Base
from db.records import EventRecord, NoteRecord, PassageRecord, SourceRecord
from db.search import autogenerate_include_name, query_words, search, split_marks
from tests.db.test_repositories import fill


def hits(library: Library, query: str) -> list[tuple[str, str]]:
    """What ``Library.search`` finds (the call the search dock makes)."""
    return [(hit.kind, hit.key) for hit in library.search(query)]


def test_finds_every_kind_by_its_fields(library: Library) -> None:
    fill(library)
    assert hits(library, "Russo-Georgian") == [("event", "war")]
    assert hits(library, "russia") == [("event", "war")]  # an actor
    assert hits(library, "DW") == [("source", "dw")]  # outlet and title
    assert hits(library, "more words") == [("passage", "p2")]
    assert hits(library, "memo") == [("note", "n1")]
    assert hits(library, "zanzibar") == []


def test_last_word_matches_as_prefix(library: Library) -> None:
    fill(library)
    assert hits(library, "russo-geo") == [("event", "war")]
    assert hits(library, "geo russo") == []  # only the last word is a prefix


def test_hits_are_grouped_by_kind_then_rank(library: Library) -> None:
    fill(library)
    with library.unit_of_work("alice") as uow:
        uow.notes.add(NoteRecord("n2", "source", "dw", "war war war, the war"))
        uow.sources.add(SourceRecord("s2", "War and peace", full_text="nothing on war"))
        uow.commit()
    with library.unit_of_work() as uow:
        found = search(uow.session, "war")
    kinds = [hit.kind for hit in found]
    assert kinds == sorted(kinds, key=["event", "source", "passage", "note"].index)
    assert ("source", "s2") in [(h.kind, h.key) for h in found]
    [event_hit] = [h for h in found if h.kind == "event"]
    assert event_hit.title == "Russo-Georgian war"
    marked = [event_hit.snippet[a:b].lower() for a, b in event_hit.marks]
    assert marked and set(marked) == {"war"}


def test_index_follows_inserts_updates_and_deletes(library: Library) -> None:
    fill(library)
    with library.unit_of_work("bob") as uow:
        war = uow.events.get("war")
        uow.events.update(
            replace(war, summary="Tskhinvali shelled", actors=("Saakashvili",), tags=("ceasefire",))
        )
        passage = uow.passages.get("p1")
        uow.passages.update(replace(passage, quote="Sarkozy brokered a deal"))
        uow.commit()
    assert hits(library, "tskhinvali") == [("event", "war")]
    assert hits(library, "saakashvili ceasefire") == [("event", "war")]
    assert hits(library, "russia") == []  # the old actor is gone from the index
    assert hits(library, "sarkozy") == [("passage", "p1")]
    assert hits(library, "some words") == []
    with library.unit_of_work() as uow:
        uow.events.delete("war")
        uow.notes.delete("n1")
        uow.commit()
    assert hits(library, "tskhinvali") == [] and hits(library, "memo") == []


def test_deleting_a_source_drops_its_passages_from_the_index(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        uow.sources.delete("dw")
        uow.commit()
    assert hits(library, "words") == [] and hits(library, "analysis") == []


def test_source_full_text_and_authors_are_searched(library: Library) -> None:
    with library.unit_of_work() as uow:
        uow.sources.add(
            SourceRecord(
                "s",
                "Report",
                authors=("Thomas de Waal",),
                full_text="A long text about the Roki tunnel.",
            )
        )
        uow.commit()
    assert hits(library, "roki tunnel") == [("source", "s")]
    assert hits(library, "waal") == [("source", "s")]


NASTY = [
    '"',
    '""',
    "*",
    "-",
    "- war",
    "AND",
    "war AND",
    "OR NOT",
    "NEAR(war memo)",
    "war*",
    '"war',
    "title:war",
    "(war",
    "war)",
    "^war",
    "'",
    "''",
    "\\",
    "%",
    "_",
    ":*",
    "&",
    "|",
    "!",
    "<->",
    "war & !memo",
    "col:",
    "{war}",
    "€ ☃",
    "  ",
    "",
]


@pytest.mark.parametrize("query", NASTY)
def test_punctuation_and_syntax_never_raise(library: Library, query: str) -> None:
    fill(library)
    found = hits(library, query)
    assert all(kind in {"event", "source", "passage", "note"} for kind, _ in found)
    if [word.lower() for word in query_words(query)] == ["war"]:
        assert ("event", "war") in found  # the syntax around the word was ignored
    if not query_words(query):
        assert found == []


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=30))
def test_any_text_is_a_valid_query(sqlite_library: Library, query: str) -> None:
    with sqlite_library.unit_of_work() as uow:
        search(uow.session, query)


def test_split_marks() -> None:
    assert split_marks("a \x02war\x03 b \x02x\x03") == ("a war b x", ((2, 5), (8, 9)))


def test_upgrade_from_0001_backfills_the_index(any_url: str) -> None:
    engine = make_engine(any_url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sources (key, title, outlet, authors, published_note, url, kind, "
                "language, country, affiliation, stance, notes, author, version, created_at, "
                "updated_at, full_text) VALUES ('s1', 'Old source', 'Kommersant', '[\"Ivanov\"]', "
                "'', '', 'news', 'en', '', '', '', '', 'me', 1, CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP, 'about the Kodori gorge')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO events (key, title, summary, start, t_lo, t_hi, importance, context, "
                "notes, author, version, created_at, updated_at) VALUES ('e1', 'Old event', "
                "'Abkhazia', '2008', 733042, 733408, 1, false, '', 'me', 1, CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(text("INSERT INTO actors (id, name) VALUES (1, 'Bagapsh')"))
        connection.execute(
            text(
                "INSERT INTO event_actors (event_id, actor_id, position) "
                "SELECT id, 1, 0 FROM events WHERE key = 'e1'"
            )
        )
    engine.dispose()
    library = open_library(any_url)
    try:
        assert hits(library, "kodori") == [("source", "s1")]
        assert hits(library, "ivanov kommersant") == [("source", "s1")]
        assert hits(library, "abkhazia bagapsh") == [("event", "e1")]
        with library.unit_of_work() as uow:
            uow.passages.add(PassageRecord("p", "s1", 10, 16, "Kodori"))
            uow.events.add(EventRecord("e2", "New event", "2009", 733408.0, 733773.0))
            uow.commit()
        assert hits(library, "new event") == [("event", "e2")]
        assert ("passage", "p") in hits(library, "kodori")
    finally:
        library.dispose()


def test_downgrade_to_0001_removes_the_index(tmp_path: Path) -> None:
    from alembic import command

    from db.migrate import alembic_config

    library = open_library(str(tmp_path / "lib.sqlite"))
    fill(library)
    config = alembic_config()
    with library.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    with library.engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM sqlite_master")).scalars().all()
    assert not [name for name in names if "search" in name]
    with library.unit_of_work() as uow:  # writes still work without the triggers
        uow.notes.delete("n1")
        uow.commit()
    library.dispose()


def test_models_match_head_apart_from_the_search_index(any_url: str) -> None:
    library = open_library(any_url)
    try:
        with library.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_name": autogenerate_include_name}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        library.dispose()
