"""Dragging an event on the timeline moves it in time and across lanes, as one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt

from desktop.core.editing.dragging import shifted_dates
from desktop.core.timeline.scale import TimeScale
from desktop.model.dates import day_number
from tests.ui.editing.conftest import event_row
from tests.ui.timeline.test_view import marker_pos


def test_drag_moves_the_event_in_time_and_lane(qtbot: Any, window: Any) -> None:
    view = window.timeline_widget.view
    library = window.workbench.library
    war = next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")
    view.set_scale(TimeScale(day_number(2008, 7, 1), day_number(2008, 11, 1), view.width()))
    lanes = [lane.key for lane in view.scene.data.lanes]
    target_lane = next(key for key in lanes if key and key != war.lane)
    metrics = view._frame().metrics
    start = marker_pos(window.timeline_widget, war.key)
    end_y = int(metrics.lane_top(lanes.index(target_lane)) + 4)
    end = QPoint(start.x() + 200, end_y)
    shift = view.scale.t_of(end.x()) - view.scale.t_of(start.x())
    expected = shifted_dates(war.start, war.end, war.t_lo + shift)
    t0 = view.scale.t0
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        qtbot.mouseMove(
            view, QPoint(start.x() + 20 * step, start.y() + (end_y - start.y()) * step // 10)
        )
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    moved = event_row(library, war.key)
    assert (moved.start, moved.end, moved.lane) == (*expected, target_lane)
    assert moved.start != war.start
    assert view.scale.t0 == t0, "dragging an event must not pan"
    history = window.session.editing.controller.history
    assert history.labels == [f"Move event '{war.title}'"]
    window.menu_actions.undo.trigger()
    back = event_row(library, war.key)
    assert (back.start, back.end, back.lane) == (war.start, war.end, war.lane)
    assert not window.menu_actions.undo.isEnabled()


def test_drag_on_empty_space_still_pans(qtbot: Any, window: Any) -> None:
    view = window.timeline_widget.view
    view.set_scale(TimeScale(day_number(2008, 7, 1), day_number(2008, 11, 1), view.width()))
    t_at = view.scale.t_of(5.0)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(5, 3))
    qtbot.mouseMove(view, QPoint(105, 3))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(105, 3))
    assert view.scale.t_of(105.0) == t_at or abs(view.scale.t_of(105.0) - t_at) < 1e-6
    assert window.session.editing.controller.history.labels == []
