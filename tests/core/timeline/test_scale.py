"""TimeScale: zoom about an anchor, pan, fit, limits."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.timeline.scale import MAX_SPAN_DAYS, MIN_SPAN_DAYS, TimeScale

BASE = TimeScale(733000.0, 734000.0, 1000.0)


def test_mapping_is_linear_and_invertible() -> None:
    assert BASE.days_per_px == 1.0
    assert BASE.x_of(733250.0) == 250.0
    assert BASE.t_of(250.0) == 733250.0
    np.testing.assert_allclose(BASE.xs_of([733000.0, 733500.0, 734000.0]), [0.0, 500.0, 1000.0])


@given(st.floats(0.01, 100.0), st.floats(0.0, 1000.0))
def test_zoom_keeps_the_anchor_time_fixed(factor: float, anchor: float) -> None:
    before = BASE.t_of(anchor)
    zoomed = BASE.zoom(factor, anchor)
    assert zoomed.t_of(anchor) == pytest.approx(before, abs=1e-6)
    assert zoomed.span == pytest.approx(BASE.span / factor)


def test_zoom_is_clamped_to_an_hour_and_the_age_of_the_universe() -> None:
    tight = BASE.zoom(1e9, 300.0)
    assert tight.span == pytest.approx(MIN_SPAN_DAYS)
    assert tight.t_of(300.0) == pytest.approx(BASE.t_of(300.0), abs=1e-6)
    wide = BASE.zoom(1e-15, 300.0)
    assert wide.span == pytest.approx(MAX_SPAN_DAYS)
    assert wide.span > 13.8e9 * 365


def test_pan_moves_content_with_the_pointer() -> None:
    moved = BASE.pan(100.0)
    assert moved.span == BASE.span
    assert moved.x_of(733500.0) == pytest.approx(BASE.x_of(733500.0) + 100.0)
    assert BASE.pan(-50.0).t0 == pytest.approx(733050.0)


def test_fit_shows_the_range_with_margins() -> None:
    fitted = BASE.fit(700000.0, 701000.0, margin=0.1)
    assert fitted.x_of(700000.0) == pytest.approx(1000.0 / 12)
    assert fitted.x_of(701000.0) == pytest.approx(1000.0 * 11 / 12)
    point = BASE.fit(700000.0, 700000.0)
    assert point.span == pytest.approx(MIN_SPAN_DAYS)
    with pytest.raises(ValueError):
        BASE.fit(2.0, 1.0)


def test_invalid_scales_are_refused() -> None:
    with pytest.raises(ValueError):
        TimeScale(1.0, 1.0, 100.0)
    with pytest.raises(ValueError):
        TimeScale(0.0, 1.0, 0.0)
    with pytest.raises(ValueError):
        BASE.zoom(0.0, 10.0)


def test_scale_is_immutable_and_width_change_keeps_density() -> None:
    wider = BASE.with_width(2000.0)
    assert wider.t0 == BASE.t0 and wider.days_per_px == pytest.approx(BASE.days_per_px)
    with pytest.raises(AttributeError):
        BASE.t0 = 5.0  # type: ignore[misc]
