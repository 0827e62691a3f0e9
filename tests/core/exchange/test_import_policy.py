"""Importing into a library that already holds records: skip, refuse or rename; all or nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.library import Library
from desktop.core.exchange.importing import import_bundle
from desktop.core.exchange.library_bundle import BundleLoadError
from desktop.core.exchange.library_export import bundle_from_library
from desktop.core.exchange.merging import ImportConflictError, plan_import
from desktop.io.formats.bundle import Bundle, EventData, LaneData, MetaData, PassageEventLink
from tests.io.formats.conftest import make_bundle


def _bundle(library: Library) -> Bundle:
    with library.unit_of_work() as uow:
        return bundle_from_library(uow)


def test_identical_records_are_skipped(empty_library: Library) -> None:
    import_bundle(empty_library, make_bundle())
    outcome = import_bundle(empty_library, make_bundle())
    assert sum(outcome.plan.added.values()) == 0
    assert outcome.plan.skipped["events"] == 5 and outcome.plan.skipped["notes"] == 2
    assert len(_bundle(empty_library).events) == 5


def test_a_different_record_refuses_the_whole_import_and_names_it(
    empty_library: Library,
) -> None:
    import_bundle(empty_library, make_bundle())
    incoming = make_bundle()
    changed = replace(incoming.events[0], start="2008-08-08")
    new_event = EventData(key="brand-new", title="New", start="2020", lane="georgia")
    incoming = replace(incoming, events=(changed, new_event, *incoming.events[1:]))
    with pytest.raises(ImportConflictError) as caught:
        import_bundle(empty_library, incoming)
    assert caught.value.conflicts == ("event 'war-2008'",)
    assert "event 'war-2008'" in str(caught.value) and "--rename" in str(caught.value)
    keys = {e.key for e in _bundle(empty_library).events}
    assert "brand-new" not in keys  # nothing of the import was written


def test_rename_gives_fresh_keys_and_references_follow(empty_library: Library) -> None:
    import_bundle(empty_library, make_bundle())
    incoming = make_bundle()
    war = replace(incoming.events[0], title="The August war")
    incoming = replace(incoming, events=(war, *incoming.events[1:]))
    outcome = import_bundle(empty_library, incoming, rename=True)
    renamed = outcome.plan.renamed
    assert renamed[("events", "war-2008")] == "war-2008-2"
    assert ("events", "reset") not in renamed  # identical: skipped, not renamed
    new_key = renamed[("passages", "p-entered")]  # its link now points at the renamed event
    after = {e.key: e for e in _bundle(empty_library).events}
    assert after["war-2008"].title == "Russo-Georgian War"  # the library's record is untouched
    assert after["war-2008-2"].title == "The August war"
    assert after["war-2008-2"].start == "2008-08-07"
    with empty_library.unit_of_work() as uow:
        passage = {p.key: p for p in uow.passages.list()}[new_key]
    assert [link.event_key for link in passage.links] == ["war-2008-2"]


def test_rename_remaps_links_of_incoming_passages() -> None:
    existing = make_bundle()
    incoming = replace(
        existing,
        events=(replace(existing.events[0], title="Other"), *existing.events[1:]),
        passages=tuple(replace(p, key=p.key + "-new", notes="x") for p in existing.passages),
        claims=(),
        notes=(),
        relations=(),
    )
    plan = plan_import(existing, incoming, rename=True)
    links = {link.event for p in plan.bundle.passages for link in p.events}
    assert "war-2008-2" in links and "war-2008" not in links
    assert "reset" in links  # the identical event keeps its key


def test_lanes_match_by_name_and_missing_lanes_are_made() -> None:
    existing = make_bundle()
    incoming = Bundle(
        meta=MetaData(title="Sheet"),
        lanes=(LaneData(key="lane-1", name="GEORGIA", color="#000000", position=0),),
        events=(
            EventData(key="e1", title="One", start="2001", lane="lane-1"),
            EventData(key="e2", title="Two", start="2002", lane="new-lane"),
        ),
    )
    plan = plan_import(existing, incoming)
    assert [e.lane for e in plan.bundle.events] == ["georgia", "new-lane"]
    assert [(lane.key, lane.name) for lane in plan.bundle.lanes] == [("new-lane", "New lane")]
    assert plan.bundle.lanes[0].position == 2  # below the library's lanes
    assert plan.bundle.meta.title == ""  # a library that holds records keeps its title


def test_a_record_the_database_refuses_rolls_everything_back(empty_library: Library) -> None:
    bundle = make_bundle()
    broken = replace(
        bundle.passages[0], key="orphan", events=(PassageEventLink(event="no-such-event"),)
    )
    with pytest.raises(BundleLoadError):
        import_bundle(empty_library, replace(bundle, passages=(*bundle.passages, broken)))
    assert empty_library.is_empty()
