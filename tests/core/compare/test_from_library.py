"""Loading a comparison from a stored library, and finding an event by key or title."""

from __future__ import annotations

import dataclasses

import pytest

from db.library import Library
from desktop.core.compare import build_comparison
from desktop.core.compare.from_library import (
    EventNotFoundError,
    SourceNotFoundError,
    compare_event_key,
    compare_in_library,
    coverage_in_library,
    find_event,
    source_passages,
)
from desktop.model.dates import HistDate

from .scenario import AKTAU, WAR, build_library

SCENARIO = build_library()


def store(library: Library) -> None:
    """Write the scenario through the repositories, in one unit of work."""
    with library.unit_of_work("test") as uow:
        for code in SCENARIO.codes:
            uow.codes.add(dataclasses.replace(code, parent_key=None))
        for event in SCENARIO.events:
            uow.events.add(event)
        for source in SCENARIO.sources:
            day = HistDate.parse_edtf(source.published).first_day() if source.published else None
            uow.sources.add(source, published_t=day)
        for passage in SCENARIO.passages:
            uow.passages.add(passage)
        for claim in SCENARIO.claims:
            uow.claims.add(claim)
        uow.commit()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("azal-8243-crash", AKTAU.key),
        ("Azerbaijan Airlines", AKTAU.key),
        ("aktau", AKTAU.key),
        ("Airline crash", AKTAU.key),
        ("georgian war", WAR.key),
        ("war in Georgia 2008", WAR.key),
    ],
)
def test_find_event_by_key_or_title(query: str, expected: str) -> None:
    assert find_event(query, SCENARIO.events).key == expected


def test_no_match_lists_close_titles() -> None:
    with pytest.raises(EventNotFoundError) as caught:
        find_event("Azerbaijan Railways strike", SCENARIO.events)
    assert caught.value.close_titles == (AKTAU.title,)
    assert AKTAU.title in str(caught.value)
    with pytest.raises(EventNotFoundError) as nothing:
        find_event("Moldova", SCENARIO.events)
    assert nothing.value.close_titles == ()


def test_stored_library_gives_the_same_comparison_as_the_records(library: Library) -> None:
    store(library)
    stored = compare_in_library(library, "Azerbaijan Airlines")
    direct = build_comparison(
        AKTAU,
        SCENARIO.sources,
        SCENARIO.passages,
        SCENARIO.codes,
        SCENARIO.claims,
        all_events=SCENARIO.events,
    )
    assert stored.panes == direct.panes
    assert stored.facts == direct.facts
    assert stored.blind_spots == direct.blind_spots
    assert stored.words == direct.words
    assert [p.header.outlet for p in stored.panes] == ["EU Reporter", "DW"]
    assert [f.subject for f in stored.discrepancies] == ["azal-8243.deaths"]


def test_sources_limit_the_comparison(library: Library) -> None:
    store(library)
    only = compare_in_library(library, WAR.key, ["dw-2025", "digest-2023"])
    assert [p.source_key for p in only.panes] == ["digest-2023", "dw-2025"]
    assert {s.source_key for f in only.facts for s in f.statements} <= {"dw-2025", "digest-2023"}
    with pytest.raises(SourceNotFoundError) as caught:
        compare_in_library(library, WAR.key, ["dw-2025", "nope"])
    assert caught.value.missing == ("nope",) and "dw-2025" in caught.value.known


def test_event_key_lookup_and_coverage(library: Library) -> None:
    store(library)
    assert compare_event_key(library, "gone") is None
    war = compare_event_key(library, WAR.key)
    assert war is not None and len(war.panes) == 3
    coverage = coverage_in_library(library)
    assert [r.event_key for r in coverage.rows] == [WAR.key, AKTAU.key]
    assert [p.key for p in source_passages(library, "dw-2025")] == ["dw-3", "dw-1", "dw-2"]


def test_one_events_comparison_reads_only_its_passages_and_matches_the_whole_librarys(
    library: Library,
) -> None:
    from desktop.core.compare.from_library import read_event_snapshot, read_snapshot

    store(library)
    scoped = read_event_snapshot(library, WAR.key)
    assert scoped is not None and read_event_snapshot(library, "gone") is None
    assert [e.key for e in scoped.events] == [WAR.key]
    assert all(any(lk.event_key == WAR.key for lk in p.links) for p in scoped.passages)
    whole = read_snapshot(library)
    assert len(scoped.passages) < len(whole.passages)  # the other event's passages stay unread
    wanted = build_comparison(
        next(e for e in whole.events if e.key == WAR.key),
        whole.sources,
        whole.passages,
        whole.codes,
        whole.claims,
    )
    assert compare_event_key(library, WAR.key) == wanted


def test_a_comparison_takes_the_records_the_caller_has_read(library: Library) -> None:
    from desktop.core.compare.from_library import KnownRecords, read_snapshot

    store(library)
    whole = read_snapshot(library)
    war = next(e for e in whole.events if e.key == WAR.key)
    known = KnownRecords(war, whole.sources, whole.codes)
    assert compare_event_key(library, WAR.key, known=known) == compare_event_key(library, WAR.key)
    renamed = KnownRecords(
        dataclasses.replace(war, title="As the window shows it"), whole.sources, ()
    )
    shown = compare_event_key(library, WAR.key, known=renamed)
    assert shown is not None and shown.event.title == "As the window shows it"
    other = compare_event_key(library, AKTAU.key, known=renamed)  # another event's: read
    assert other is not None and other.event.key == AKTAU.key
    unspoken = dataclasses.replace(known, has_passages=False)  # as the caller's index says
    alone = compare_event_key(library, WAR.key, known=unspoken)
    assert alone is not None and not alone.panes and alone.event.key == WAR.key
