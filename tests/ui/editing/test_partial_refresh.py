"""After a change the views refresh only what it concerns: editing an event the comparison does
not show leaves its panes alone, while the timeline draws the new title at once."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop.core.editing import EditEvent


def test_editing_another_event_keeps_the_comparison_and_updates_the_timeline(
    qtbot: Any, window: Any
) -> None:
    bench = window.workbench
    war = next(e for e in bench.catalog.events if e.start == "2008-08-07")
    other = next(e for e in bench.catalog.events if e.key != war.key and e.lane == war.lane)
    bench.select([war.key])
    qtbot.waitUntil(lambda: bool(window.compare_widget.panes))
    panes = list(window.compare_widget.panes)

    with qtbot.waitSignal(window.signals.catalog_changed):  # delivered on the next turn
        renamed = replace(other, title="Renamed elsewhere")
        assert window.session.editing.controller.execute(EditEvent(other, renamed))
    assert window.compare_widget.panes == panes  # the same pane widgets: not rebuilt
    assert bench.catalog.event(other.key).title == "Renamed elsewhere"
    data = window.timeline_widget.view.scene.data
    assert data.rows.titles[data.id_of_key[other.key]] == "Renamed elsewhere"


def test_editing_the_shown_event_rebuilds_the_comparison(qtbot: Any, window: Any) -> None:
    bench = window.workbench
    war = next(e for e in bench.catalog.events if e.start == "2008-08-07")
    bench.select([war.key])
    qtbot.waitUntil(lambda: bool(window.compare_widget.panes))
    panes = list(window.compare_widget.panes)
    renamed = replace(war, title="The August war")
    assert window.session.editing.controller.execute(EditEvent(war, renamed))
    qtbot.waitUntil(lambda: window.compare_widget.panes != panes)
    assert window.compare_widget.comparison.event.title == "The August war"


def test_after_an_edit_the_timeline_is_patched_and_lanes_still_change(
    qtbot: Any, window: Any
) -> None:
    from desktop.core.editing import CreateNote, MoveEvent

    bench = window.workbench
    view = window.timeline_widget.view
    war = next(e for e in bench.catalog.events if e.start == "2008-08-07")
    store = view.scene.data.store
    with qtbot.waitSignal(window.signals.catalog_changed):
        assert window.session.editing.controller.execute(MoveEvent(war, "2008-09-01", None))
    data = view.scene.data
    assert data.store is not store and data.rows.starts[data.id_of_key[war.key]] == "2008-09-01"
    assert data.store.position_of(data.id_of_key[war.key]) >= 0  # drawn at its new date
    with qtbot.waitSignal(window.signals.catalog_changed):  # a note: nothing drawn changed
        assert window.session.editing.controller.execute(CreateNote("event", war.key, "a memo"))
    assert view.scene.data is data
    hidden = view.lane_state.reconcile(lane.key for lane in bench.catalog.lanes)
    view.set_lane_state(hidden.set_hidden(war.lane, True))
    assert war.lane not in [lane.key for lane in view.scene.data.lanes]
    assert war.key not in {data.rows.keys[i] for i in view.scene.data.store.ids.tolist()}
