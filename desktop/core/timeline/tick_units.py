"""Tick positions and labels for each calendar unit (hours up to billions of years).

Each generator returns ``(day_number, label)`` pairs for ticks in ``[t0, t1]`` (and one just
before ``t0`` so a label entering from the left is not lost). Generators are only called for
units whose ticks are several pixels apart, so the lists stay short.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from desktop.model.dates import MONTH_NAMES, day_number, display_year, from_day_number

TickList = list[tuple[float, str]]
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
AVERAGE_YEAR_DAYS = 365.2425


@dataclass(frozen=True, slots=True)
class TickUnit:
    """One candidate spacing: its name, rough length in days, and its tick/context generators."""

    name: str
    approx_days: float
    major: Callable[[float, float], TickList]
    context: Callable[[float, float], TickList] | None


def year_label(year: int, step: int) -> str:
    """Label of an astronomical year on a ruler of ``step`` years: "2008", "333 BC", "13.8 Ga"."""
    if year >= 1:
        return display_year(year)
    before = 1 - year
    if before < 1_000_000:
        return f"{before} BC" if before <= 9999 else f"{before:,} BC"
    unit, suffix = (1e9, "Ga") if before >= 1e9 else (1e6, "Ma")
    decimals = max(0, math.ceil(math.log10(unit / step) - 1e-9))
    return f"{before / unit:.{decimals}f} {suffix}"


def year_ticks(step: int) -> Callable[[float, float], TickList]:
    """Ticks every ``step`` years: AD multiples, BC multiples (n*step BC) and AD 1 between."""

    def generate(t0: float, t1: float) -> TickList:
        first = from_day_number(t0)[0] - step
        last = from_day_number(t1)[0] + 1
        years: list[int] = []
        if last >= 1:
            years += range(max(1, math.ceil(first / step)) * step, last + 1, step)
            if 1 < step <= 1000 and first <= 1 <= last:
                years.append(1)
        if first <= 0:
            lowest_bc = max(1, math.ceil((1 - last) / step))
            highest_bc = (1 - first) // step
            years += (1 - n * step for n in range(lowest_bc, highest_bc + 1))
        return [(float(day_number(y, 1, 1)), year_label(y, step)) for y in sorted(set(years))]

    return generate


def month_ticks(step: int) -> Callable[[float, float], TickList]:
    """Ticks on the first of every ``step``-th month (1: all months, 3: quarters)."""

    def generate(t0: float, t1: float) -> TickList:
        year, month, _ = from_day_number(t0)
        index = year * 12 + (month - 1)
        index -= index % step
        ticks: TickList = []
        while True:
            y, m = divmod(index, 12)
            t = float(day_number(y, m + 1, 1))
            if t > t1:
                return ticks
            ticks.append((t, MONTH_ABBREVIATIONS[m]))
            index += step

    return generate


def day_ticks(step: int, weekly: bool = False) -> Callable[[float, float], TickList]:
    """Ticks every ``step`` days labelled with the day of the month; weekly ticks on Mondays."""

    def generate(t0: float, t1: float) -> TickList:
        n = math.floor(t0)
        n -= (n - 1) % 7 if weekly else n % step
        ticks: TickList = []
        while n <= t1:
            ticks.append((float(n), str(from_day_number(n)[2])))
            n += step
        return ticks

    return generate


def hour_ticks(step: int) -> Callable[[float, float], TickList]:
    """Ticks every ``step`` hours labelled "06:00"."""

    def generate(t0: float, t1: float) -> TickList:
        k = math.floor(t0 * 24 / step)
        ticks: TickList = []
        while k * step / 24 <= t1:
            ticks.append((k * step / 24, f"{(k * step) % 24:02d}:00"))
            k += 1
        return ticks

    return generate


def year_context(t0: float, t1: float) -> TickList:
    """One label per calendar year, at its first day."""
    return year_ticks(1)(t0, t1)


def month_context(t0: float, t1: float) -> TickList:
    """One label per month: "August 2008"."""
    ticks = month_ticks(1)(t0, t1)
    return [(t, _month_year(t)) for t, _ in ticks]


def day_context(t0: float, t1: float) -> TickList:
    """One label per day: "7 August 2008"."""
    ticks = day_ticks(1)(t0, t1)
    return [(t, f"{label} {_month_year(t)}") for t, label in ticks]


def _month_year(t: float) -> str:
    year, month, _ = from_day_number(t)
    return f"{MONTH_NAMES[month - 1]} {display_year(year)}"


def all_units() -> list[TickUnit]:
    """Candidate units from the finest to the coarsest."""
    units = [TickUnit(f"{h}h", h / 24, hour_ticks(h), day_context) for h in (1, 3, 6, 12)]
    units += [
        TickUnit("day", 1.0, day_ticks(1), month_context),
        TickUnit("week", 7.0, day_ticks(7, weekly=True), month_context),
        TickUnit("month", AVERAGE_YEAR_DAYS / 12, month_ticks(1), year_context),
        TickUnit("quarter", AVERAGE_YEAR_DAYS / 4, month_ticks(3), year_context),
    ]
    magnitude = 1
    while magnitude <= 10**10:
        for multiple in (1, 2, 5):
            step = multiple * magnitude
            units.append(TickUnit(f"{step}y", step * AVERAGE_YEAR_DAYS, year_ticks(step), None))
        magnitude *= 10
    return units
