"""The shared window state: catalog, selection, filters and their notifications."""

from __future__ import annotations

from db.library import Library
from db.records import (
    CodeRecord,
    CodingRecord,
    EventRecord,
    LaneRecord,
    PassageLink,
    PassageRecord,
    SourceRecord,
)
from desktop.core.filters import Filters
from desktop.core.workbench import Workbench


def fill(library: Library) -> None:
    with library.unit_of_work() as uow:
        uow.lanes.add(LaneRecord("georgia", "Georgia"))
        uow.lanes.add(LaneRecord("ukraine", "Ukraine", position=1))
        uow.sources.add(SourceRecord("a", "Source A", published="2020"), published_t=737425.0)
        uow.sources.add(SourceRecord("b", "Source B", published="2010"), published_t=733773.0)
        uow.events.add(
            EventRecord(
                "war",
                "War in Georgia",
                "2008-08-07",
                733261,
                733262,
                lane="georgia",
                tags=("war",),
                importance=1,
            )
        )
        uow.events.add(
            EventRecord("crimea", "Crimea", "2014-03", 735293, 735324, lane="ukraine", importance=2)
        )
        uow.events.add(EventRecord("minor", "Minor thing", "2015", 735599, 735964, importance=3))
        uow.codes.add(CodeRecord("issue.security", "Security"))
        uow.passages.add(
            PassageRecord(
                "p1",
                "a",
                0,
                3,
                "abc",
                links=(PassageLink("war"),),
                codings=(CodingRecord("issue.security", "x"),),
            )
        )
        uow.passages.add(PassageRecord("p2", "b", 0, 3, "abc", links=(PassageLink("war"),)))
        uow.commit()


def test_catalog_has_coverage_in_publication_order(sqlite_library: Library) -> None:
    fill(sqlite_library)
    bench = Workbench(sqlite_library)
    assert bench.catalog.coverage["war"] == ("b", "a")
    assert bench.catalog.event_codes["war"] == frozenset({"issue.security"})
    assert [lane.name for lane in bench.catalog.lanes] == ["Georgia", "Ukraine", "Unassigned"]


def test_filters_narrow_the_visible_events(sqlite_library: Library) -> None:
    fill(sqlite_library)
    bench = Workbench(sqlite_library)
    calls: list[str] = []
    bench.events.filters.connect(lambda: calls.append("filters"))
    assert bench.visible_keys() == {"war", "crimea", "minor"}
    bench.set_filters(Filters(max_importance=2))
    assert bench.visible_keys() == {"war", "crimea"}
    bench.set_filters(Filters(sources=frozenset({"b"})))
    assert bench.visible_keys() == {"war"}
    bench.set_filters(Filters(codes=frozenset({"issue.security"}), text="GEORGIA"))
    assert bench.visible_keys() == {"war"}
    bench.set_filters(Filters(lanes=frozenset({"ukraine"})))
    assert bench.visible_keys() == {"crimea"}
    assert calls == ["filters"] * 4


def test_the_visible_mask_and_count_say_what_the_visible_keys_say(
    sqlite_library: Library,
) -> None:
    fill(sqlite_library)
    bench = Workbench(sqlite_library)
    for filters in (
        Filters(),
        Filters(max_importance=2),
        Filters(sources=frozenset({"b"})),
        Filters(codes=frozenset({"issue.security"}), text="GEORGIA"),
        Filters(lanes=frozenset({"ukraine"}), tags=frozenset({"nothing"})),
    ):
        bench.set_filters(filters)
        mask = bench.visible_mask()
        assert len(mask) == bench.catalog.count
        shown = {key for key, passes in zip(bench.catalog.keys, mask, strict=True) if passes}
        assert shown == bench.visible_keys()
        assert bench.visible_count() == len(shown)


def test_selection_notifies_once_and_survives_reload(sqlite_library: Library) -> None:
    fill(sqlite_library)
    bench = Workbench(sqlite_library)
    seen: list[tuple[str, ...]] = []
    bench.events.selection.connect(lambda: seen.append(bench.selection))
    bench.select(["war"])
    bench.select(["war"])
    assert seen == [("war",)] and bench.selected_event == "war"
    with sqlite_library.unit_of_work() as uow:
        uow.events.delete("war")
        uow.commit()
    bench.reload()
    assert bench.selection == () and seen[-1] == ()


def test_text_filter_looks_in_titles_tags_and_follows_edits(sqlite_library: Library) -> None:
    from dataclasses import replace

    from desktop.model.changes import Changes

    fill(sqlite_library)
    bench = Workbench(sqlite_library)
    for text, wanted in [("war", {"war"}), ("WAR georgia", {"war"}), ("cri", {"crimea"})]:
        bench.set_filters(Filters(text=text))
        assert bench.visible_keys() == wanted
    bench.set_filters(Filters(text="annexed"))
    assert bench.visible_keys() == frozenset()
    with sqlite_library.unit_of_work() as uow:
        crimea = uow.events.get("crimea")
        uow.events.update(replace(crimea, title="Crimea annexed"))
        uow.commit()
    bench.reload(Changes(events=frozenset({"crimea"})))
    assert bench.visible_keys() == {"crimea"}  # the new title is searched, not the old text
