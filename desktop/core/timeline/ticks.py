"""Time-axis ticks that adapt to the zoom, with a second row of context labels.

Pure: text widths come from a ``measure(text) -> px`` callback, so the painter's font decides.
Guarantees: labels in each row never overlap (each label starts ``LABEL_PAD`` px right of its
tick and ends at least ``gap`` px before the next label in its row); the finest unit whose labels
fit is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.tick_units import TickList, TickUnit, all_units

LABEL_PAD = 3.0
MIN_TICK_PX = 6.0

Measure = Callable[[str], float]


@dataclass(frozen=True, slots=True)
class Tick:
    """A labelled position: ``label`` is drawn from ``x + LABEL_PAD`` (context labels: ``x``)."""

    t: float
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class TickSet:
    """The chosen unit, its ticks and the context row above them."""

    unit: str
    major: tuple[Tick, ...]
    context: tuple[Tick, ...]


@cache
def _units() -> tuple[TickUnit, ...]:
    return tuple(all_units())


def compute_ticks(scale: TimeScale, measure: Measure, gap: float = 8.0) -> TickSet:
    """Ticks for ``scale``: the finest unit whose labels do not collide."""
    units = _units()
    for unit in units:
        if unit.approx_days / scale.days_per_px < MIN_TICK_PX:
            continue
        major = _place(unit.major(scale.t0, scale.t1), scale)
        if _labels_fit(major, measure, gap):
            return TickSet(unit.name, major, _context(unit, scale, measure, gap))
    coarsest = units[-1]
    return TickSet(coarsest.name, _place(coarsest.major(scale.t0, scale.t1), scale), ())


def _place(ticks: TickList, scale: TimeScale) -> tuple[Tick, ...]:
    return tuple(Tick(t, scale.x_of(t), label) for t, label in ticks)


def _labels_fit(ticks: tuple[Tick, ...], measure: Measure, gap: float) -> bool:
    return all(
        left.x + measure(left.label) + gap <= right.x
        for left, right in zip(ticks, ticks[1:], strict=False)
    )


def _context(unit: TickUnit, scale: TimeScale, measure: Measure, gap: float) -> tuple[Tick, ...]:
    """Context labels, each kept at the left edge while its period is visible, dropped when the
    next label would run into it."""
    if unit.context is None:
        return ()
    periods = [(t, label) for t, label in unit.context(scale.t0, scale.t1) if t < scale.t1]
    starts = [max(scale.x_of(t), 0.0) for t, _ in periods]
    visible: list[Tick] = []
    for i, (t, label) in enumerate(periods):
        if i + 1 < len(periods) and starts[i + 1] <= 0.0:
            continue  # an earlier period already scrolled out of view
        if i + 1 < len(periods) and starts[i] + measure(label) + gap > starts[i + 1]:
            continue
        visible.append(Tick(t, starts[i], label))
    return tuple(visible)
