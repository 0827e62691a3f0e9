"""Actors carry aliases in other languages and scripts, and the importer links by them: a
Russian article that names only «Россия», «Грузия» and «Южная Осетия» links as the English one
naming Russia, Georgia and South Ossetia does."""

from __future__ import annotations

from pathlib import Path

from db.library import Library
from db.records import EventRecord
from desktop.core.exchange.library_export import bundle_from_library
from desktop.core.importing import import_document, review_suggestions
from desktop.model.dates import DateSpan

ENGLISH = (
    "On 9 August 2008 Russia and Georgia fought over South Ossetia for a second day, "
    "officials said.\n"
)
RUSSIAN = (
    "9 августа 2008 года Россия и Грузия второй день воевали за Южную Осетию, сообщили "
    "официальные лица.\n"
)


def _library(library: Library) -> None:
    span = DateSpan.from_edtf("2008-08-07", "2008-08-12")
    with library.unit_of_work("test") as uow:
        uow.events.add(
            EventRecord(
                "war",
                "Russo-Georgian war",
                "2008-08-07",
                span.t_lo,
                span.t_hi,
                end="2008-08-12",
                actors=("Russia", "Georgia", "South Ossetia"),
            )
        )
        for year in range(1995, 2008):  # Russia is named by many events of a library
            other = DateSpan.from_edtf(f"{year}-06-01", None)
            uow.events.add(
                EventRecord(
                    f"talks-{year}",
                    f"Talks {year}",
                    f"{year}-06-01",
                    other.t_lo,
                    other.t_hi,
                    actors=("Russia", "Georgia"),
                )
            )
        uow.commit()


def _give_aliases(library: Library) -> None:
    with library.unit_of_work("test") as uow:
        uow.actors.set_aliases("Russia", ["Россия", "РФ"])
        uow.actors.set_aliases("Georgia", ["Грузия", "Грузія"])
        uow.actors.set_aliases("South Ossetia", ["Южная Осетия", "Південна Осетія"])
        uow.commit()


def _links(library: Library, folder: Path, name: str, text: str) -> set[str]:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    outcome = import_document(library, path, suggest=True)
    assert outcome.source_key is not None
    return {
        i.event_key or ""
        for i in review_suggestions(library, outcome.source_key)
        if i.kind == "link"
    }


def test_a_russian_article_links_by_the_actors_aliases(
    sqlite_library: Library, tmp_path: Path
) -> None:
    _library(sqlite_library)
    assert "war" in _links(sqlite_library, tmp_path, "en.txt", ENGLISH)
    assert "war" not in _links(sqlite_library, tmp_path, "ru-before.txt", RUSSIAN)
    _give_aliases(sqlite_library)
    assert "war" in _links(
        sqlite_library, tmp_path, "ru.txt", RUSSIAN.replace("официальные", "местные")
    )


def test_actor_aliases_travel_in_the_library_format(sqlite_library: Library) -> None:
    _library(sqlite_library)
    _give_aliases(sqlite_library)
    with sqlite_library.unit_of_work() as uow:
        bundle = bundle_from_library(uow)
        assert uow.actors.aliases()["Russia"] == ("Россия", "РФ")
    assert {(a.name, a.aliases) for a in bundle.actors} == {
        ("Russia", ("Россия", "РФ")),
        ("Georgia", ("Грузия", "Грузія")),
        ("South Ossetia", ("Южная Осетия", "Південна Осетія")),
    }
