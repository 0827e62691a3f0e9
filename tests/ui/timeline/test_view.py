"""The timeline view driven like a user: wheel, drag, click, keys, overview brush, filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.core.timeline.scale import TimeScale
from desktop.model.dates import day_number
from desktop.ui.timeline.view import home_scale

WAR = "2008-russo-georgian-war"


def marker_pos(panel: Any, key: str) -> QPoint:
    view = panel.view
    frame = view._frame()
    item = view.scene.data.id_of_key[key]
    where = np.flatnonzero(frame.markers.ids == item)
    if len(where):
        return QPoint(int(round(frame.markers.x[where[0]])), int(round(frame.markers.y[where[0]])))
    where = np.flatnonzero(frame.bars.ids == item)
    assert len(where), f"{key} is not drawn"
    k = where[0]
    x = (max(frame.bars.x0[k], 0) + min(frame.bars.x1[k], view.width())) / 2
    return QPoint(int(x), int(frame.bars.y[k] + frame.metrics.row_px / 2))


def wheel(
    widget: Any, pos: QPointF, dy: int, modifiers: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    event = QWheelEvent(
        pos,
        widget.mapToGlobal(pos),
        QPoint(),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_opens_on_home_window_with_every_event(panel: Any) -> None:
    view = panel.view
    first, last = day_number(2008, 8, 7), day_number(2025, 8, 8) + 1
    margin = (view.scale.t1 - view.scale.t0 - (last - first)) / 2
    assert view.scale.t0 == pytest.approx(first - margin)
    assert view.scale.t1 == pytest.approx(last + margin)
    assert 0.02 * (last - first) < margin < 0.05 * (last - first)  # edge events show whole
    assert len(view.scene.store) == 105


def test_wheel_zooms_at_the_pointer(panel: Any) -> None:
    view = panel.view
    pos = QPointF(400.0, 300.0)
    before = view.scale.t_of(pos.x())
    span = view.scale.span
    wheel(view, pos, 120)
    assert view.scale.span < span
    assert view.scale.t_of(pos.x()) == pytest.approx(before, abs=1e-6)
    wheel(view, pos, -240)
    assert view.scale.span > span


def test_shift_wheel_pans(panel: Any) -> None:
    view = panel.view
    span, t0 = view.scale.span, view.scale.t0
    wheel(view, QPointF(400.0, 300.0), -120, Qt.KeyboardModifier.ShiftModifier)
    assert view.scale.span == pytest.approx(span)
    assert view.scale.t0 > t0


def test_drag_pans(panel: Any, qtbot: Any) -> None:
    view = panel.view
    t_at_500 = view.scale.t_of(500.0)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(500, 600))
    qtbot.mouseMove(view, QPoint(600, 600))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(600, 600))
    assert view.scale.t_of(600.0) == pytest.approx(t_at_500, abs=1e-6)


def test_right_drag_zooms_to_the_box(panel: Any, qtbot: Any) -> None:
    view = panel.view
    t0, t1 = view.scale.t_of(200.0), view.scale.t_of(400.0)
    qtbot.mousePress(view, Qt.MouseButton.RightButton, pos=QPoint(200, 600))
    qtbot.mouseMove(view, QPoint(400, 600))
    qtbot.mouseRelease(view, Qt.MouseButton.RightButton, pos=QPoint(400, 600))
    assert view.scale.t0 == pytest.approx(t0, abs=1.0)
    assert view.scale.t1 == pytest.approx(t1, abs=1.0)


def test_click_selects_and_ctrl_click_adds(panel: Any, qtbot: Any) -> None:
    view, workbench = panel.view, panel.view.workbench
    view.set_scale(TimeScale(day_number(2008, 7, 20), day_number(2008, 9, 10), 1600.0))
    with qtbot.waitSignal(panel.signals.selection_changed):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=marker_pos(panel, WAR))
    assert workbench.selection == (WAR,)
    other = "2008-russia-recognises-abkhazia-south-ossetia"
    assert other in view.scene.data.id_of_key
    qtbot.mouseClick(
        view,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        marker_pos(panel, other),
    )
    assert workbench.selection == (WAR, other)


def test_click_on_a_cluster_expands_it_then_selects_a_member(panel: Any, qtbot: Any) -> None:
    view = panel.view
    frame = view._frame()
    assert len(frame.clusters.count), "the home view of the dataset has clusters"
    k = int(np.argmax(frame.clusters.count))
    pos = QPoint(int((frame.clusters.x0[k] + frame.clusters.x1[k]) / 2), int(frame.clusters.y[k]))
    span = view.scale.span
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos)
    assert view.scale.span < span / 4
    assert view.scene.store._position_of_id is None  # no dict of every id for a click
    from desktop.core.timeline.hit import cluster_members

    members = cluster_members(view.scene.store, frame, k)
    key = view.scene.key_of(int(members[0]))
    for _ in range(6):  # expand nested clusters until the member is drawn on its own
        try:
            pos = marker_pos(panel, key)
            break
        except AssertionError:
            view.zoom_in()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos)
    assert view.workbench.selection == (key,)


def test_overview_brush_moves_the_window(panel: Any, qtbot: Any) -> None:
    view, strip = panel.view, panel.overview
    start_scale = TimeScale(day_number(2010, 1, 1), day_number(2016, 1, 1), 1600.0)
    view.set_scale(start_scale)  # inside the events' range: the strip's own scale stays put
    brush = strip.brush_rect()
    span = view.scale.span
    start = QPoint(int(brush.center().x()), int(brush.center().y()))
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(strip, start + QPoint(-100, 0))
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=start + QPoint(-100, 0))
    assert view.scale.span == pytest.approx(span)
    assert view.scale.t0 == pytest.approx(
        start_scale.t0 - 100 * strip.full_scale().days_per_px, abs=1.0
    )


def test_filters_hide_or_dim(panel: Any, qtbot: Any) -> None:
    view, workbench = panel.view, panel.view.workbench
    filters = replace(workbench.filters, lanes=frozenset({"georgia"}))
    with qtbot.waitSignal(panel.signals.filters_changed):
        workbench.set_filters(filters)
    georgia = sum(1 for e in workbench.catalog.events if e.lane == "georgia")
    assert len(view.scene.store) == georgia
    with qtbot.waitSignal(panel.signals.filters_changed):
        workbench.set_filters(replace(filters, dim_instead_of_hide=True))
    assert len(view.scene.store) == 105
    assert int(view.scene.dimmed.sum()) == 105 - georgia


def shown_keys(view: Any) -> set[str]:
    return {view.scene.key_of(item) for item in view.scene.store.ids.tolist()}


def test_filters_after_edits_hide_what_the_visible_keys_leave_out(panel: Any, qtbot: Any) -> None:
    """The view takes the filters' mask while its rows are the catalog's in order (a retitle
    keeps them so), the key set once an added event put its row elsewhere."""
    from desktop.core.editing import CreateEvent, EditEvent, perform

    view, workbench = panel.view, panel.view.workbench
    library = workbench.library
    with qtbot.waitSignal(panel.signals.filters_changed):
        workbench.set_filters(replace(workbench.filters, max_importance=1))
    assert view._rows_in_catalog_order()
    assert shown_keys(view) == workbench.visible_keys() != set(workbench.catalog.keys)
    war = workbench.catalog.event(WAR)
    added = replace(war, key="summit", title="A summit", importance=1, id=None, stamp=None)
    for command in (EditEvent(war, replace(war, title="The August war")), CreateEvent(added)):
        with qtbot.waitSignal(panel.signals.catalog_changed):
            workbench.reload(perform(command, library))
        assert shown_keys(view) == workbench.visible_keys()
    assert "summit" in shown_keys(view) and not view._rows_in_catalog_order()


def test_overview_redraws_when_filters_hide_events(panel: Any, qtbot: Any) -> None:
    strip, workbench = panel.overview, panel.view.workbench
    strip.repaint()
    with qtbot.waitSignal(panel.signals.filters_changed):
        workbench.set_filters(replace(workbench.filters, lanes=frozenset({"georgia"})))
    # no change of scale: the strip repaints because the shown events changed
    qtbot.waitUntil(lambda: strip._density[-1][0][0] is panel.view.scene.store.t_lo, timeout=5000)
    georgia, picture = panel.view.scene.store, strip._density[-1][1]
    with qtbot.waitSignal(panel.signals.filters_changed):
        workbench.set_filters(replace(workbench.filters, lanes=frozenset()))
    qtbot.waitUntil(lambda: strip._density[-1][0][0] is panel.view.scene.store.t_lo, timeout=5000)
    assert strip._density[-1][1] is not picture
    with qtbot.waitSignal(panel.signals.filters_changed):
        workbench.set_filters(replace(workbench.filters, lanes=frozenset({"georgia"})))
    assert panel.view.scene.store is georgia  # the store of that filter again, with its layouts
    qtbot.waitUntil(lambda: strip._density[-1][1] is picture, timeout=5000)  # not drawn again


def test_keys_zoom_fit_and_home(panel: Any, qtbot: Any) -> None:
    view = panel.view
    span = view.scale.span
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.scale.span == pytest.approx(span / 1.5)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.scale.span == pytest.approx(span)
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.scale.t0 < day_number(1970, 11, 13)  # the earliest event is in view
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.scale == home_scale(1600.0)


def test_keyboard_moves_between_events_in_time_order(panel: Any, qtbot: Any) -> None:
    view, workbench = panel.view, panel.view.workbench
    workbench.select([WAR])
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert workbench.selection == ("2008-russia-recognises-abkhazia-south-ossetia",)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert workbench.selection == (WAR,)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert workbench.selection == ("2008-russia-recognises-abkhazia-south-ossetia",)


def test_state_round_trips(panel: Any) -> None:
    view = panel.view
    view.set_scale(TimeScale(day_number(2014, 1, 1), day_number(2015, 1, 1), 1600.0))
    view.set_lane_state(
        view.lane_state.reconcile(lane.key for lane in view.workbench.catalog.lanes).set_hidden(
            "georgia", True
        )
    )
    saved = view.state()
    view.go_home()
    view.set_lane_state(type(view.lane_state)())
    view.restore(saved)
    assert view.scale.t0 == day_number(2014, 1, 1)
    assert [lane.key for lane in view.scene.data.lanes][0] != "georgia"
    assert len(view.scene.data.lanes) == 5


def test_hover_tooltip_names_title_date_as_written_lane_and_sources(panel: Any) -> None:
    from desktop.ui.timeline.interaction import event_tooltip

    view = panel.view
    data = view.scene.data
    soft = next(k for k, s in enumerate(data.rows.starts) if len(s) == 7)  # month precision
    key = data.rows.keys[soft]
    text = event_tooltip(view.scene, key)
    lane = next(lane.name for lane in data.lanes if lane.key == data.rows.lanes[soft])
    assert data.rows.titles[soft].split("'")[0] in text
    assert lane in text
    year, month = (int(part) for part in data.rows.starts[soft].split("-"))
    month_name = date(year, month, 1).strftime("%B")
    assert f"{month_name} {year}" in text  # as written: a month, no invented day
    assert f"1 {month_name} {year}" not in text
    war = event_tooltip(view.scene, WAR)
    assert "August 2008" in war and "Russo-Georgian war" in war
    covering = [data.sources[s].name for s in view.scene.sources_of(data.id_of_key[WAR])]
    assert covering and all(name.split("(")[0].strip() in war for name in covering)


def test_pinch_gesture_zooms_at_the_fingers(panel: Any) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

    view = panel.view
    pos = QPointF(500.0, 300.0)
    before, span = view.scale.t_of(pos.x()), view.scale.span
    event = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        pos,
        pos,
        view.mapToGlobal(pos),
        0.25,
        QPointF(),
        0,
    )
    assert event.type() == QEvent.Type.NativeGesture
    QApplication.sendEvent(view, event)
    assert view.scale.span == pytest.approx(span / 1.25)
    assert view.scale.t_of(pos.x()) == pytest.approx(before, abs=1e-6)


def test_idle_view_prepares_the_next_wheel_step(panel: Any, qtbot: Any) -> None:
    from desktop.core.timeline.layout import zoom_level
    from desktop.rendering import paint

    view = panel.view
    view.repaint()
    level = zoom_level(view.scale)[0]
    (layout,) = (  # the view's layout: the one that has just laid out this level
        found for found in paint._LAYOUTS[view.scene.store].values() if level in found._covers
    )
    qtbot.waitUntil(lambda: {level - 1, level + 1} <= set(layout._covers))
    covers = dict(layout._covers)
    while zoom_level(view.scale)[0] == level:
        wheel(view, QPointF(100, 50), 120)  # wheel in until the zoom level changes
    view.repaint()
    assert view.frame is not None and view.frame.level == level - 1
    assert layout._covers[level - 1] is covers[level - 1]  # painted from the prefetched cover


def test_until_the_user_moves_a_resize_keeps_2008_to_2025_in_view(panel: Any, qtbot: Any) -> None:
    view = panel.view
    first, last = day_number(2008, 8, 7), day_number(2025, 8, 8) + 1
    for width in (700, 1300):
        panel.resize(width, panel.height())
        qtbot.waitUntil(lambda w=width: abs(view.width() - w) < 80)
        assert view.scale.t0 < first and view.scale.t1 > last  # the whole home window shows
        assert view.scale.width_px == view.width()
    wheel(view, QPointF(200, 50), 120)  # the user zooms: from now on a resize keeps the scale
    days_per_px = view.scale.days_per_px
    panel.resize(900, panel.height())
    qtbot.waitUntil(lambda: abs(view.width() - 900) < 80)
    assert view.scale.days_per_px == pytest.approx(days_per_px)


def test_a_restored_window_stays_whole_through_the_first_resizes(panel: Any, qtbot: Any) -> None:
    view = panel.view
    first, last = float(day_number(2014, 1, 1)), float(day_number(2016, 1, 1))
    view.restore({"t0": first, "t1": last})
    panel.resize(650, panel.height())
    qtbot.waitUntil(lambda: abs(view.width() - 650) < 80)
    assert (view.scale.t0, view.scale.t1) == pytest.approx((first, last))


def test_an_edit_out_of_view_repaints_nothing_and_one_in_view_repaints(
    panel: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.editing import EditEvent, perform
    from desktop.ui.timeline import view as view_module

    view, workbench = panel.view, panel.view.workbench
    view.show_range(float(day_number(2008, 8, 1)), float(day_number(2008, 9, 1)))
    view.repaint()
    before = view.grab().toImage()
    painted: list[int] = []
    paint = view_module.paint_timeline
    monkeypatch.setattr(view_module, "paint_timeline", lambda *a: painted.append(1) or paint(*a))
    far = next(e for e in workbench.catalog.events if e.start >= "2020")
    with qtbot.waitSignal(panel.signals.catalog_changed):
        workbench.reload(perform(EditEvent(far, replace(far, title="Far away")), workbench.library))
    QApplication.processEvents()
    data = view.scene.data
    assert data.rows.titles[data.id_of_key[far.key]] == "Far away"  # the scene has it
    assert not painted  # nothing in view changed: no repaint
    assert view.grab().toImage() == before  # (and a paint now draws what was there)
    war = workbench.catalog.event(WAR)
    with qtbot.waitSignal(panel.signals.catalog_changed):
        workbench.reload(
            perform(EditEvent(war, replace(war, title="The August war")), workbench.library)
        )
    qtbot.waitUntil(lambda: len(painted) > 1)
    assert any("The August war" in label.text for label in view.frame.labels)


def test_the_view_keeps_its_theme_until_its_palette_changes(
    panel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A theme is made once, not for every paint and idle step (its fresh fonts also missed
    the text caches' quick lookup); a new palette gives a new one."""
    from desktop.ui.theme import theme_palette
    from desktop.ui.timeline import view as view_module

    themes: list[Any] = []
    paint = view_module.paint_timeline

    def recording(painter: Any, scene: Any, scale: Any, rect: Any, theme: Any, *rest: Any) -> Any:
        themes.append(theme)
        return paint(painter, scene, scale, rect, theme, *rest)

    monkeypatch.setattr(view_module, "paint_timeline", recording)
    view = panel.view
    view.repaint()
    view.set_scale(view.scale.zoom(1.5, 300.0))
    view.repaint()
    assert len(themes) == 2 and themes[0] is themes[1]
    view.setPalette(theme_palette("dark"))
    view.repaint()
    assert themes[-1] is not themes[0]
    assert themes[-1].dark and not themes[0].dark
