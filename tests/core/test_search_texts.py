"""The text filter searches texts read in bulk without the records, and finds what a search
over the full records finds (case folded, Cyrillic included), also after edits."""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import replace

import pytest
from sqlalchemy import text as sql

from db.library import Library
from db.records import EventRecord
from db.repositories.events import EventRepository
from desktop.core import workbench as workbench_module
from desktop.core.catalog import Catalog
from desktop.core.editing import CreateEvent, DeleteEvent, EditEvent, perform
from desktop.core.filter_index import FilterIndex
from desktop.core.filters import Filters, matching_keys, search_texts
from desktop.core.in_steps import SHORT_SWITCH_S
from desktop.core.overlaid import base_of
from desktop.core.text_search import TextSearch
from desktop.core.workbench import Workbench
from desktop.model.changes import Changes
from tests.support import with_events

EVENTS = (
    EventRecord(
        "talks",
        "Gespräche in der Straße",
        "2014",
        1.0,
        2.0,
        lane="belarus",
        summary="Talks in MINSK",
        actors=("Лукашенко", "OSCE"),
        tags=("Diplomacy",),
    ),
    EventRecord(
        "invasion",
        "Вторжение в Украину",
        "2022",
        3.0,
        4.0,
        lane="ukraine",
        summary="Путин объявил «специальную операцию»",
        actors=("Russia",),
        tags=("war", "Війна"),
    ),
    EventRecord("gas", "Gas dispute", "2009", 0.5, 1.5, lane="ukraine", summary="GAZPROM"),
    EventRecord("minsk", "Minsk II signed", "2015", 2.0, 3.0, lane="belarus"),
)
SEARCHES = ("minsk", "strasse", "STRASSE", "ПУТИН", "путин опера", "війна", "лукашенко", "osce")


@pytest.fixture
def lib(library: Library) -> Library:
    return with_events(library, EVENTS)


def test_search_texts_are_those_of_the_records_and_read_no_record(lib: Library) -> None:
    catalog = Catalog.load(lib)
    texts = catalog.search_texts()
    assert not catalog.events_read and catalog.search_texts_read
    assert texts == search_texts(Catalog.load(lib))  # from the full records
    assert "лукашенко osce" in texts[catalog.keys.index("talks")]


@pytest.mark.parametrize("text", SEARCHES)
def test_a_search_finds_what_the_full_records_find(lib: Library, text: str) -> None:
    catalog = Catalog.load(lib)
    found = FilterIndex(catalog).matching_keys(Filters(text=text))
    assert not catalog.events_read
    assert found == matching_keys(Catalog.load(lib), Filters(text=text))
    assert found  # every search here finds something


def _retitle(lib: Library) -> EditEvent:
    with lib.unit_of_work() as uow:
        gas = uow.events.get("gas")
    return EditEvent(gas, replace(gas, title="Газовый спор", tags=("Energy",)))


COMMANDS = {
    "retitle": _retitle,
    "create": lambda lib: CreateEvent(
        EventRecord("summit", "Summit", "2016", 2.5, 2.6, lane="ukraine", actors=("NATO",))
    ),
    "delete": lambda lib: DeleteEvent("talks"),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_an_edit_patches_the_texts_read_before(lib: Library, name: str) -> None:
    catalog = Catalog.load(lib)
    catalog.search_texts()
    command = COMMANDS[name](lib)
    for undo in (False, True):
        catalog = catalog.updated(lib, perform(command, lib, undo=undo))
        assert catalog.search_texts_read and not catalog.events_read  # patched, not read
        assert catalog.search_texts() == search_texts(Catalog.load(lib))


def test_a_retitle_writes_its_text_over_the_texts_read_before(lib: Library) -> None:
    """No copy of every text per edit (at 1M events ~25 ms to make and free): the texts
    read once stay, with the edited rows written over them."""
    with lib.unit_of_work() as uow:
        talks = uow.events.get("talks")
    perform(EditEvent(talks, replace(talks, summary="Talks in Minsk")), lib)  # times of its date
    with lib.unit_of_work() as uow:
        talks = uow.events.get("talks")
    catalog = Catalog.load(lib)
    read = catalog.search_texts()
    command = EditEvent(talks, replace(talks, title="Переговоры", tags=("Talks",)))
    for undo in (False, True):
        catalog = catalog.updated(lib, perform(command, lib, undo=undo))
        texts = catalog.search_texts()
        assert base_of(texts) is read
        assert texts == search_texts(Catalog.load(lib))


@pytest.mark.parametrize("titles_read", [True, False])
def test_texts_read_late_line_up_with_the_columns(lib: Library, titles_read: bool) -> None:
    """Another client deleted and added events since the columns were read; an event gone
    since is searched by its title when the titles were read before it went (they are read
    when first needed: a title never read is empty until the change reloads the catalog)."""
    catalog = Catalog.load(lib)
    if titles_read:
        list(catalog.columns.titles)
    perform(DeleteEvent("minsk"), lib)
    perform(CreateEvent(EventRecord("new", "New", "2016", 2.5, 2.6, lane="ukraine")), lib)
    texts = catalog.search_texts()
    assert len(texts) == len(catalog.keys) and texts == search_texts(catalog)
    gone = texts[catalog.keys.index("minsk")]
    assert gone.startswith("minsk ii signed") if titles_read else not gone.strip()


def test_a_search_prepared_on_a_worker_finds_the_same(lib: Library) -> None:
    bench = Workbench(lib)
    bench.prepare_search()
    bench.prepare_search()  # being read: no second reader
    bench.set_filters(Filters(text="ПУТИН"))
    assert bench.visible_keys() == {"invasion"}
    assert bench.catalog.search_texts_read and not bench.catalog.events_read


def test_the_texts_read_after_the_first_paint_build_the_search_ahead(lib: Library) -> None:
    bench = Workbench(lib)
    bench.prepare_texts()
    reader = bench._reader
    assert reader is not None and reader[0] is bench.catalog
    reader[1].join(30)
    prepared = bench._prepared_search()
    assert prepared is not None and bench.search_ready()
    assert bench.catalog.columns.texts_read and bench.catalog.search_texts_read
    bench.set_filters(Filters(text="ПУТИН"))
    assert bench.visible_keys() == {"invasion"}
    assert bench._index is not None and bench._index.search is prepared  # not built again
    bench.prepare_search()  # built: no second worker
    assert bench._reader is reader


def test_a_search_finds_events_by_their_other_names_and_by_their_actors_other_names(
    lib: Library,
) -> None:
    accords = EventRecord(
        "accords", "Minsk accords", "2015", 2.5, 2.6, lane="belarus",
        aliases=("Минские соглашения", "Мінські угоди"),
    )  # fmt: skip
    perform(CreateEvent(accords), lib)
    with lib.unit_of_work() as uow:
        uow.actors.set_aliases("Russia", ["Россия", "Російська Федерація"])
        uow.commit()
    bench = Workbench(lib)
    found = {}
    for text in ("мінські", "соглашения", "россия", "РОСІЙСЬКА федерація", "рос", "ро", "росія"):
        bench.set_filters(Filters(text=text))
        found[text] = bench.visible_keys()
    assert found["мінські"] == found["соглашения"] == {"accords"}  # the title's other forms
    assert found["россия"] == found["РОСІЙСЬКА федерація"] == {"invasion"}  # Russia's names
    assert found["рос"] == {"invasion"}  # three letters look among the actors' names
    assert found["ро"] == set() and found["росія"] == set()  # two do not; no such name
    catalog = Catalog.load(lib)
    assert catalog.search_texts() == search_texts(Catalog.load(lib))
    assert "мінські угоди" in catalog.search_texts()[catalog.keys.index("accords")]


def test_an_edit_while_searching_carries_the_search_with_the_new_title(lib: Library) -> None:
    bench = Workbench(lib)
    bench.prepare_texts()
    assert bench._reader is not None
    bench._reader[1].join(30)
    bench.set_filters(Filters(text="minsk"))
    assert bench.visible_keys() == {"talks", "minsk"}
    before = bench._prepared_search()
    minsk = bench.catalog.event("minsk")
    assert before is not None and minsk is not None
    perform(EditEvent(minsk, replace(minsk, title="Vilnius II signed")), lib)
    bench.reload(Changes(events=frozenset({"minsk"})))
    carried = bench._prepared_search()
    assert carried is not None and carried is not before  # rewritten, not read again
    assert bench.visible_keys() == {"talks"}
    bench.set_filters(Filters(text="vilnius"))
    assert bench.visible_keys() == {"minsk"}


def test_the_worker_builds_the_search_first_with_collections_paused(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A keystroke waits for the search, not for every title; no collection walks the texts
    being read (each froze the window at 1M events)."""
    seen: list[tuple[bool, bool, float]] = []
    build = workbench_module.TextSearch
    interval = sys.getswitchinterval()

    def noted(texts: Sequence[str]) -> TextSearch:
        seen.append((gc.isenabled(), bench.catalog.columns.texts_read, sys.getswitchinterval()))
        return build(texts)

    monkeypatch.setattr(workbench_module, "TextSearch", noted)
    bench = Workbench(lib)
    bench.prepare_texts()
    reader = bench._reader
    assert reader is not None
    reader[1].join(30)
    # paused, before the titles and dates, and the window's thread gets the GIL within 1 ms
    assert seen == [(False, False, min(interval, SHORT_SWITCH_S))]
    assert gc.isenabled() and bench.catalog.columns.texts_read
    assert sys.getswitchinterval() == interval


@pytest.fixture
def sqlite_lib(sqlite_library: Library) -> Library:
    return with_events(sqlite_library, EVENTS)


def test_sqlite_joins_the_texts_in_one_statement_not_as_rows(
    sqlite_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The joined read (SQLite builds the texts, holding no Python lock) gives the texts of
    the records, casefolded and in the catalog's order; no row is read."""

    def no_rows(_self: object) -> None:
        raise AssertionError("the texts were read as rows")

    monkeypatch.setattr(EventRepository, "texts", no_rows)
    catalog = Catalog.load(sqlite_lib)
    assert catalog.search_texts() == search_texts(Catalog.load(sqlite_lib))
    talks = catalog.search_texts()[catalog.keys.index("talks")]
    assert talks.startswith("gespräche in der strasse talks")


def test_a_nul_inside_a_text_reads_the_rows(sqlite_lib: Library) -> None:
    with sqlite_lib.engine.begin() as connection:  # written behind the repository
        connection.execute(
            sql("UPDATE events SET summary = :summary WHERE key = 'gas'"), {"summary": "a\x00b"}
        )
    catalog = Catalog.load(sqlite_lib)
    assert catalog.search_texts() == search_texts(Catalog.load(sqlite_lib))


def test_texts_of_a_library_changed_since_its_columns_line_up_with_the_columns(
    sqlite_lib: Library,
) -> None:
    catalog = Catalog.load(sqlite_lib)
    with sqlite_lib.unit_of_work() as uow:  # another client adds an event
        uow.events.add_many([EventRecord("late", "Late event", "2020", 9.0, 9.5)])
        uow.commit()
    texts = catalog.search_texts()
    assert len(texts) == len(catalog.keys) and "late" not in catalog.keys
    assert texts[catalog.keys.index("minsk")].startswith("minsk ii signed")


def test_titles_asked_for_while_a_search_only_worker_runs_are_read_beside_it(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search field focused before the first paint starts a worker that builds only the
    search; the first paint's ``prepare_texts`` then has the titles and dates read beside
    it, not left for a frame to read on the window's thread."""
    release = threading.Event()
    build = workbench_module.TextSearch

    def held(texts: Sequence[str]) -> TextSearch:
        release.wait(30)  # the search worker is still at work when the titles are asked for
        return build(texts)

    monkeypatch.setattr(workbench_module, "TextSearch", held)
    bench = Workbench(lib)
    bench.prepare_search()
    bench.prepare_texts()
    reader = bench._reader
    assert reader is not None and reader[2]
    columns = bench.catalog.columns
    deadline = time.monotonic() + 30
    while not columns.texts_read and time.monotonic() < deadline:
        time.sleep(0.01)
    assert columns.texts_read  # while the search is still being built
    release.set()
    reader[1].join(30)
    assert bench._prepared_search() is not None
