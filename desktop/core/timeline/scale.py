"""The time scale: an immutable mapping between day numbers and horizontal pixels.

Zooming and panning are arithmetic on this value (STYLE.md point 2): widgets only turn wheel
and drag deltas into ``zoom`` factors and ``pan`` offsets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

MIN_SPAN_DAYS = 1.0 / 24.0  # one hour across the whole view
MAX_SPAN_DAYS = 20e9 * 365.2425  # comfortably more than the age of the universe
TIME_LIMIT_DAYS = MAX_SPAN_DAYS  # the view centre never leaves [-limit, +limit]


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Visible time ``[t0, t1)`` in day numbers drawn across ``width_px`` pixels.

    Guarantees: ``t1 > t0``, ``width_px > 0``; values made through ``zoom``/``pan``/``fit`` keep
    the span within [MIN_SPAN_DAYS, MAX_SPAN_DAYS] and the centre within +-TIME_LIMIT_DAYS.
    The constructor itself only rejects empty or non-finite ranges.
    """

    t0: float
    t1: float
    width_px: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.t0) and math.isfinite(self.t1)) or self.t1 <= self.t0:
            raise ValueError(f"need finite t0 < t1, got {self.t0}, {self.t1}")
        if not (math.isfinite(self.width_px) and self.width_px > 0):
            raise ValueError(f"width must be positive, got {self.width_px}")

    @property
    def span(self) -> float:
        """Visible duration in days."""
        return self.t1 - self.t0

    @property
    def days_per_px(self) -> float:
        """Days covered by one pixel."""
        return (self.t1 - self.t0) / self.width_px

    def x_of(self, t: float) -> float:
        """Pixel x of day number ``t`` (may lie outside 0..width)."""
        return (t - self.t0) * self.width_px / (self.t1 - self.t0)

    def t_of(self, x: float) -> float:
        """Day number at pixel ``x``."""
        return self.t0 + x * (self.t1 - self.t0) / self.width_px

    def xs_of(self, ts: ArrayLike) -> NDArray[np.float64]:
        """Vectorised ``x_of`` over an array of day numbers."""
        return (np.asarray(ts, dtype=np.float64) - self.t0) * (self.width_px / self.span)

    def zoom(self, factor: float, anchor_x: float) -> TimeScale:
        """Zoom in by ``factor`` (>1 in, <1 out) keeping the time under ``anchor_x`` fixed.

        When the span hits its limits the factor is reduced; the anchor still stays fixed.
        """
        if not (math.isfinite(factor) and factor > 0):
            raise ValueError(f"zoom factor must be positive, got {factor}")
        anchor_t = self.t_of(anchor_x)
        span = _clamp(self.span / factor, MIN_SPAN_DAYS, MAX_SPAN_DAYS)
        t0 = anchor_t - anchor_x * span / self.width_px
        return _limited(t0, span, self.width_px)

    def pan(self, dx_px: float) -> TimeScale:
        """Move the content by ``dx_px`` pixels: positive shows earlier times (drag right)."""
        shift = dx_px * self.days_per_px
        return _limited(self.t0 - shift, self.span, self.width_px)

    def fit(self, t_lo: float, t_hi: float, margin: float = 0.05) -> TimeScale:
        """Show ``[t_lo, t_hi)`` with ``margin`` (a fraction of the span) free on each side."""
        if t_hi < t_lo:
            raise ValueError("fit needs t_lo <= t_hi")
        span = _clamp((t_hi - t_lo) * (1.0 + 2.0 * margin), MIN_SPAN_DAYS, MAX_SPAN_DAYS)
        centre = (t_lo + t_hi) / 2.0
        return _limited(centre - span / 2.0, span, self.width_px)

    def with_width(self, width_px: float) -> TimeScale:
        """Same start and days per pixel on a resized view (the end moves)."""
        return _limited(self.t0, self.days_per_px * width_px, width_px)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _limited(t0: float, span: float, width_px: float) -> TimeScale:
    span = _clamp(span, MIN_SPAN_DAYS, MAX_SPAN_DAYS)
    centre = _clamp(t0 + span / 2.0, -TIME_LIMIT_DAYS, TIME_LIMIT_DAYS)
    return TimeScale(centre - span / 2.0, centre + span / 2.0, width_px)
