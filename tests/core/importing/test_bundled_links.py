"""The bundled dataset's actors carry the names real articles use: organisations spelled out
("North Atlantic Treaty Organization"), and Russian and Ukrainian names of the countries and
people whose Latin key differs from the Cyrillic one ("Си Цзиньпин" is not "Xi Jinping"). A
full name of an actor is that actor, not a name of one event of it. An event known only to the
year is dated by that year as a day event is by its day."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.library import Library, open_library
from desktop.core.importing.review import load_event_infos
from desktop.core.sample import load_sample
from desktop.core.suggest import EventInfo, suggest_links

APPLICATION = "2022-finland-sweden-apply-nato"


@pytest.fixture(scope="module")
def infos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EventInfo, ...]]:
    library: Library = open_library(str(tmp_path_factory.mktemp("sample") / "s.sqlite"))
    try:
        load_sample(library)
        yield load_event_infos(library)
    finally:
        library.dispose()


def _links(text: str, infos: tuple[EventInfo, ...]) -> set[str]:
    return {s.event_key for s in suggest_links(text, None, infos)}


def test_an_organisation_spelled_out_is_the_organisation(infos: tuple[EventInfo, ...]) -> None:
    text = (
        "BRUSSELS, May 18 - Helsinki and Stockholm handed their letters asking to join the "
        "North Atlantic Treaty Organization to the alliance's secretary-general, Jens "
        "Stoltenberg, on Wednesday. Finland and Sweden had stayed outside military blocs "
        "for decades.\n"
    )
    assert APPLICATION in _links(text, infos)


def test_russian_names_of_xi_and_china_link_his_visit(infos: tuple[EventInfo, ...]) -> None:
    text = (
        "Председатель КНР Си Цзиньпин 14 сентября 2022 года прилетел в Нур-Султан и пообещал "
        "поддержать территориальную целостность Казахстана.\n"
    )
    assert "2022-xi-visits-kazakhstan" in _links(text, infos)


def test_the_csto_named_in_full_is_no_evidence_for_one_of_its_events(
    infos: tuple[EventInfo, ...],
) -> None:
    text = (
        "Kyrgyz and Tajik troops exchanged fire along the disputed border in Batken on "
        "September 14, 2022. Both countries belong to the Collective Security Treaty "
        "Organization, which did not intervene.\n"
    )
    links = _links(text, infos)
    assert "2022-csto-deployment-kazakhstan" not in links
    assert "2022-kyrgyz-tajik-border-clashes" in links


def test_the_year_of_an_event_known_to_the_year_is_its_date(infos: tuple[EventInfo, ...]) -> None:
    text = (
        "Six states signed the pact in Tashkent. In 1999 Azerbaijan, Georgia and Uzbekistan "
        "chose not to renew the treaty.\n"
    )
    assert "1999-azerbaijan-georgia-leave-csto" in _links(text, infos)
