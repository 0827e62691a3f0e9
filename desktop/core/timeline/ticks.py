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

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.tick_units import TickList, TickUnit, all_units

LABEL_PAD = 3.0
MIN_TICK_PX = 6.0
GENERATED_SPANS = 2.0  # a unit's ticks are generated this many view widths wide

Measure = Callable[[str], float]


@dataclass(frozen=True, slots=True)
class Tick:
    """A labelled position: ``label`` is drawn from ``x + LABEL_PAD`` (context labels: ``x``)."""

    t: float
    x: float
    label: str


_SET_T, _SET_X, _SET_LABEL = (getattr(Tick, name).__set__ for name in ("t", "x", "label"))
_new = object.__new__


def new_tick(t: float, x: float, label: str) -> Tick:
    """``Tick(t, x, label)``, made several times faster (a frozen dataclass's ``__init__`` goes
    through ``object.__setattr__`` for each field; a frame makes dozens of ticks)."""
    tick = _new(Tick)
    _SET_T(tick, t)
    _SET_X(tick, x)
    _SET_LABEL(tick, label)
    return tick


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
    """Ticks for ``scale``: the finest unit whose labels do not collide (no state kept)."""
    return TickCache(measure, gap).ticks(scale)


@dataclass(frozen=True, slots=True)
class _UnitTicks:
    """One unit's ticks generated over ``[t0, t1]``: times, labels and label widths."""

    t0: float
    t1: float
    times: NDArray[np.float64]
    labels: list[str]
    widths: NDArray[np.float64]

    def serves(self, scale: TimeScale) -> bool:
        """True when these ticks include every tick of ``scale`` and the last one before it."""
        return len(self.times) > 0 and self.times[0] <= scale.t0 and scale.t1 <= self.t1


class TickCache:
    """``compute_ticks`` for a sequence of frames: each unit's ticks (times, labels, widths) are
    generated over ``GENERATED_SPANS`` view widths and reused while the view stays inside them.

    The ticks considered for a view are those from the last one at or before its start through
    its end; the result is the same as a fresh ``compute_ticks`` (which uses one of these).
    """

    def __init__(self, measure: Measure, gap: float = 8.0) -> None:
        self.measure = measure
        self.gap = gap
        self._units: dict[str, _UnitTicks] = {}

    def ticks(self, scale: TimeScale) -> TickSet:
        """The ticks of ``scale`` (see ``compute_ticks``)."""
        units = _units()
        factor = scale.width_px / scale.span
        for unit in units:
            if unit.approx_days / scale.days_per_px < MIN_TICK_PX:
                continue
            found = self._unit_ticks(unit, scale)
            lo = max(0, int(np.searchsorted(found.times, scale.t0, side="right")) - 1)
            hi = int(np.searchsorted(found.times, scale.t1, side="right"))
            xs = (found.times[lo:hi] - scale.t0) * factor
            if np.all(xs[:-1] + found.widths[lo : hi - 1] + self.gap <= xs[1:]):
                major = _ticks(found.times[lo:hi], xs, found.labels[lo:hi])
                return TickSet(unit.name, major, _context(unit, scale, self.measure, self.gap))
        coarsest = units[-1]
        return TickSet(coarsest.name, _place(coarsest.major(scale.t0, scale.t1), scale), ())

    def _unit_ticks(self, unit: TickUnit, scale: TimeScale) -> _UnitTicks:
        found = self._units.get(unit.name)
        if found is None or not found.serves(scale):
            reach = scale.span * (GENERATED_SPANS - 1) / 2
            t0, t1 = scale.t0 - reach, scale.t1 + reach
            pairs = unit.major(t0, t1)
            labels = [label for _, label in pairs]
            found = _UnitTicks(
                t0,
                t1,
                np.array([t for t, _ in pairs], np.float64),
                labels,
                np.array([self.measure(label) for label in labels], np.float64),
            )
            self._units[unit.name] = found
        return found


def _ticks(
    times: NDArray[np.float64], xs: NDArray[np.float64], labels: list[str]
) -> tuple[Tick, ...]:
    return tuple(
        new_tick(t, x, label)
        for t, x, label in zip(times.tolist(), xs.tolist(), labels, strict=True)
    )


def _place(ticks: TickList, scale: TimeScale) -> tuple[Tick, ...]:
    return tuple(new_tick(t, scale.x_of(t), label) for t, label in ticks)


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
        visible.append(new_tick(t, starts[i], label))
    return tuple(visible)
