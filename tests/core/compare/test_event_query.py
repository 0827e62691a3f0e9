"""Finding an event from what a researcher types, on the bundled dataset's events."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.records import EventRecord
from desktop.core.compare.event_query import (
    AmbiguousEventError,
    EventNotFoundError,
    find_event,
    match_event,
)

from .bundled_kit import bundled_library


def _bundled_events(folder: Path) -> tuple[EventRecord, ...]:
    library = bundled_library(folder)
    try:
        with library.unit_of_work() as uow:
            return tuple(uow.events.list())
    finally:
        library.dispose()


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> tuple[EventRecord, ...]:
    return _bundled_events(tmp_path_factory.mktemp("query"))


def test_a_place_named_only_in_the_summary_finds_its_event(events: tuple[EventRecord, ...]) -> None:
    assert find_event("Aktau", events).key == "2024-azal-8243-crash"


def test_a_flight_number_finds_the_crash(events: tuple[EventRecord, ...]) -> None:
    assert find_event("8243", events).key == "2024-azal-8243-crash"


def test_one_word_naming_two_events_is_ambiguous_and_lists_both(
    events: tuple[EventRecord, ...],
) -> None:
    with pytest.raises(AmbiguousEventError) as caught:
        find_event("AZAL", events)
    keys = {m.event.key for m in caught.value.matches}
    assert {"2024-azal-8243-crash", "2024-putin-apologises-aliyev"} <= keys
    assert "--first" in str(caught.value)


def test_karabakh_lists_main_events_first_and_first_takes_the_most_important(
    events: tuple[EventRecord, ...],
) -> None:
    with pytest.raises(AmbiguousEventError) as caught:
        find_event("Karabakh", events)
    listed = [m.event for m in caught.value.matches]
    assert caught.value.total > len(listed) or len(listed) >= 2
    assert not listed[0].context and listed[0].importance == 1
    chosen = find_event("Karabakh", events, first=True)
    assert chosen.key == listed[0].key and chosen.key != "1988-first-karabakh-war"


def test_several_words_pick_the_event_they_name_best(events: tuple[EventRecord, ...]) -> None:
    assert find_event("Georgia war 2008", events).key == "2008-russo-georgian-war"


def test_nonsense_finds_nothing_and_names_no_close_title(events: tuple[EventRecord, ...]) -> None:
    with pytest.raises(EventNotFoundError) as caught:
        find_event("xqzv blorp", events)
    assert caught.value.close_titles == ()


def test_match_says_where_the_words_were_found(events: tuple[EventRecord, ...]) -> None:
    crash = next(e for e in events if e.key == "2024-azal-8243-crash")
    match = match_event("Aktau Kazakhstan", crash)
    assert match.share == 1.0 and "actors" in match.found_in  # Kazakhstan
    assert {"aliases", "summary"} & set(match.found_in)  # Aktau: an alias, and in the summary
