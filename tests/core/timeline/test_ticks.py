"""Ticks at every zoom level: right unit, right labels, no overlaps, context row."""

from __future__ import annotations

import pytest

from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.ticks import TickSet, compute_ticks
from desktop.model.dates import day_number


def measure(text: str) -> float:
    return 7.0 * len(text)


def assert_no_overlap(ticks: TickSet, gap: float = 8.0) -> None:
    for row in (ticks.major, ticks.context):
        for left, right in zip(row, row[1:], strict=False):
            assert left.x + measure(left.label) + gap <= right.x, (left, right)


def scale_of(y0: int, m0: int, d0: int, y1: int, m1: int, d1: int) -> TimeScale:
    return TimeScale(float(day_number(y0, m0, d0)), float(day_number(y1, m1, d1)), 1200.0)


def labels(ticks: TickSet, row: str = "major") -> list[str]:
    return [t.label for t in getattr(ticks, row) if 0 <= t.x <= 1200]


def test_days_with_month_context() -> None:
    ticks = compute_ticks(scale_of(2008, 8, 1, 2008, 8, 21), measure)
    assert ticks.unit == "day"
    assert labels(ticks)[:3] == ["1", "2", "3"]
    assert [t.label for t in ticks.context] == ["August 2008"]
    assert ticks.major[0].t == day_number(2008, 8, 1)
    assert_no_overlap(ticks)


def test_month_boundary_context_row_has_both_months() -> None:
    ticks = compute_ticks(scale_of(2008, 8, 20, 2008, 9, 10), measure)
    assert [t.label for t in ticks.context] == ["August 2008", "September 2008"]
    september = ticks.context[1]
    assert september.t == day_number(2008, 9, 1)
    assert september.x == pytest.approx(1200.0 * 12 / 21)
    assert ticks.context[0].x == 0.0  # the current month stays at the left edge
    assert_no_overlap(ticks)


def test_months_with_year_context() -> None:
    ticks = compute_ticks(scale_of(2022, 1, 1, 2023, 12, 31), measure)
    assert ticks.unit == "month"
    assert labels(ticks)[:3] == ["Jan", "Feb", "Mar"]
    assert [t.label for t in ticks.context] == ["2022", "2023"]
    assert_no_overlap(ticks)


def test_hours_at_extreme_zoom() -> None:
    day = float(day_number(2008, 8, 7))
    ticks = compute_ticks(TimeScale(day + 0.25, day + 0.5, 1200.0), measure)
    assert ticks.unit == "1h"
    assert labels(ticks)[:2] == ["06:00", "07:00"]
    assert [t.label for t in ticks.context] == ["7 August 2008"]


def test_centuries_and_bc_years() -> None:
    ticks = compute_ticks(scale_of(-499, 1, 1, 1, 1, 1), measure)
    shown = labels(ticks)
    assert "100 BC" in shown and "300 BC" in shown
    assert ticks.context == ()
    assert_no_overlap(ticks)


def test_cosmological_range() -> None:
    years = 13.8e9
    ticks = compute_ticks(TimeScale(-years * 365.2425, 0.0, 1200.0), measure)
    shown = labels(ticks)
    assert "10 Ga" in shown and "5 Ga" in shown
    assert all(label.endswith("Ga") for label in shown)
    assert_no_overlap(ticks)


@pytest.mark.parametrize("factor", [1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1e3, 3e3, 1e4, 1e5])
def test_every_zoom_level_has_readable_non_overlapping_ticks(factor: float) -> None:
    scale = scale_of(1900, 1, 1, 2030, 1, 1).zoom(factor, 600.0)
    ticks = compute_ticks(scale, measure)
    inside = [t for t in ticks.major if 0 <= t.x <= scale.width_px]
    assert len(inside) >= 2
    assert_no_overlap(ticks)
    xs = [t.x for t in ticks.major]
    assert xs == sorted(xs)


def test_finer_units_as_zoom_increases() -> None:
    order = ["1h", "3h", "6h", "12h", "day", "week", "month", "quarter"]
    base = scale_of(1900, 1, 1, 2030, 1, 1)
    seen = [compute_ticks(base.zoom(f, 600.0), measure).unit for f in (1e2, 1e3, 1e4, 1e5)]
    ranks = [order.index(u) if u in order else len(order) for u in seen]
    assert ranks == sorted(ranks, reverse=True)


def test_a_tick_cache_reused_over_pans_and_zooms_matches_fresh_ticks() -> None:
    from desktop.core.timeline.ticks import TickCache

    cache = TickCache(measure)
    scale = scale_of(1990, 1, 1, 2030, 1, 1)
    units = set()
    for step in range(60):
        scale = scale.zoom(1.3, 300.0 + 17.0 * (step % 7)) if step % 3 else scale.pan(-90.0)
        reused = cache.ticks(scale)
        assert reused == compute_ticks(scale, measure)
        units.add(reused.unit)
    assert len(units) >= 6  # the walk went through many units, from years to hours
