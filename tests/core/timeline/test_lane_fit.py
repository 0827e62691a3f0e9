"""Compact lanes: each lane as tall as the rows it uses, all lanes within the height given."""

from __future__ import annotations

from dataclasses import replace

from desktop.core.timeline.frame import LaneMetrics
from desktop.core.timeline.lane_fit import MIN_ROWS, fit_rows, rows_used
from desktop.core.timeline.layout import TimelineLayout
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.store import EventStore, TimelineItem

T = 733000.0
METRICS = LaneMetrics(top=30.0, strip_px=20.0, row_px=14.0, rows=6, header_px=12.0)


def measure(text: str) -> float:
    return 6.0 * len(text)


def overlapping_bars(lane: int, count: int, first_id: int) -> list[TimelineItem]:
    """``count`` long bars over the same days: they need ``count`` rows."""
    return [
        TimelineItem(first_id + k, lane, T + 100.0 + k, T + 600.0 + k, 2, f"Bar {k}")
        for k in range(count)
    ]


def test_each_lane_is_as_tall_as_the_rows_it_uses() -> None:
    items = overlapping_bars(0, 3, 0) + overlapping_bars(2, 1, 10)
    layout = TimelineLayout(EventStore.build(items, 3), measure, METRICS)
    scale = TimeScale(T, T + 1000.0, 1000.0)
    frame = layout.frame(scale, height=2000.0)
    assert [frame.metrics.rows_of(k) for k in range(3)] == [3, MIN_ROWS, 1]
    assert rows_used(frame) == [3, 0, 1]
    # everything moved with its lane: lane 2's bar sits in lane 2's first row
    bar = int(frame.bars.ids.tolist().index(10))
    assert frame.bars.y[bar] == frame.metrics.row_y(2, 0)
    assert frame.metrics.lane_top(2) == 30.0 + 2 * (12.0 + 20.0) + (3 + MIN_ROWS) * 14.0


def test_lanes_shrink_tallest_first_to_fit_and_drop_what_no_longer_fits() -> None:
    items = overlapping_bars(0, 5, 0) + overlapping_bars(1, 2, 10)
    layout = TimelineLayout(EventStore.build(items, 2), measure, METRICS)
    fixed = 2 * (12.0 + 20.0)
    frame = layout.frame(TimeScale(T, T + 1000.0, 1000.0), height=fixed + 5 * 14.0)
    assert [frame.metrics.rows_of(k) for k in range(2)] == [3, 2]
    assert frame.hidden[0] >= 2
    bottom = frame.metrics.lane_top(2)
    assert (frame.bars.y + 14.0 <= bottom + 1e-9).all()


def test_fit_rows_keeps_collapsed_lanes_closed() -> None:
    metrics = LaneMetrics(rows=4, lane_rows=(4, 0, 4))
    fitted = fit_rows(metrics, [2, 5, 0], 1000.0)
    assert fitted.lane_rows == (2, 0, MIN_ROWS)


def test_lanes_give_up_their_rows_rather_than_fall_off_the_bottom() -> None:
    metrics = LaneMetrics(top=30.0, strip_px=20.0, row_px=14.0, rows=4, header_px=12.0)
    metrics = replace(metrics, lane_rows=(4,) * 6)
    fixed = 6 * (12.0 + 20.0)
    for budget in range(7):  # room for fewer rows than there are lanes, up to one each
        height = fixed + budget * 14.0
        fitted = fit_rows(metrics, [3, 0, 2, 1, 0, 2], height)
        assert sum(fitted.lane_rows) == min(budget, 6), (budget, fitted.lane_rows)
        assert fitted.lane_top(6) <= 30.0 + height
    # the lanes that need a row least give theirs up first
    assert fit_rows(metrics, [3, 0, 2, 1, 0, 2], fixed + 3 * 14.0).lane_rows == (1, 0, 1, 0, 0, 1)


def test_lane_heights_do_not_shrink_while_panning_at_one_zoom_level() -> None:
    items = overlapping_bars(0, 3, 0)
    layout = TimelineLayout(EventStore.build(items, 1), measure, METRICS)
    here = TimeScale(T, T + 1000.0, 1000.0)
    assert layout.frame(here, height=800.0).metrics.rows_of(0) == 3
    away = here.pan(-5000.0)  # same zoom, no bars in view
    assert layout.frame(away, height=800.0).metrics.rows_of(0) == 3
