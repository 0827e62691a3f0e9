"""Benchmark of the pure timeline layout: ``python -m bench.timeline_core``.

Builds 1k/10k/100k/1M synthetic events over 8 lanes (90% single days, 10% spans of days to
years, over 1900-2030) and times ``TimelineLayout.frame`` plus ``compute_ticks`` over a scripted
sequence: the full range zoomed step by step down to a single day, with pans in between.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from desktop.core.timeline.frame import LaneMetrics
from desktop.core.timeline.layout import TimelineLayout
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.store import EventStore, TimelineItem
from desktop.core.timeline.ticks import compute_ticks
from desktop.model.dates import day_number

LANES = 8
WIDTH_PX = 1600.0


def synthetic_items(count: int, seed: int = 7) -> list[TimelineItem]:
    """Deterministic random events over 8 lanes."""
    rng = np.random.default_rng(seed)
    start = rng.uniform(day_number(1900, 1, 1), day_number(2030, 1, 1), count).round()
    spans = rng.random(count) < 0.1
    length = np.where(spans, np.ceil(rng.exponential(90.0, count)) + 1.0, 1.0)
    lanes = rng.integers(0, LANES, count)
    importance = rng.choice([1, 2, 3], count, p=[0.05, 0.25, 0.7])
    return [
        TimelineItem(
            k,
            int(lanes[k]),
            float(start[k]),
            float(start[k] + length[k]),
            int(importance[k]),
            f"Synthetic event number {k}",
        )
        for k in range(count)
    ]


def scripted_scales(store: EventStore) -> list[TimeScale]:
    """Full range, then zoom in 1.15x per step around a moving anchor down to one day."""
    scale = TimeScale(0.0, 1.0, WIDTH_PX).fit(*store.bounds())
    scales = [scale]
    step = 0
    while scale.span > 1.0:
        anchor = WIDTH_PX * (0.3 + 0.4 * ((step * 7) % 10) / 10)
        scale = scale.zoom(1.15, anchor)
        scales.append(scale)
        if step % 5 == 0:
            scales.append(scale := scale.pan(37.0))
        step += 1
    return scales


JUMP_FACTOR = 4.0  # one large zoom step: six zoom levels (each 2**(1/3))
JUMP_STEPS = 6
JUMP_PAN = 0.1  # of the view's width


def jump_scales(store: EventStore, rounds: int = 2) -> list[TimeScale]:
    """The large-jump protocol: from the full range, zoom in by 4x six times, then out by 4x six
    times, back and forth ``rounds`` times, panning twice by 10% of the view after each jump."""
    scale = TimeScale(0.0, 1.0, WIDTH_PX).fit(*store.bounds())
    scales = [scale]
    step = 0
    for _ in range(rounds):
        for factor in (JUMP_FACTOR, 1.0 / JUMP_FACTOR):
            for _ in range(JUMP_STEPS):
                anchor = WIDTH_PX * (0.3 + 0.4 * ((step * 7) % 10) / 10)
                scales.append(scale := scale.zoom(factor, anchor))
                for _ in range(2):
                    scales.append(scale := scale.pan(JUMP_PAN * WIDTH_PX))
                step += 1
    return scales


def measure_text(text: str) -> float:
    """A stand-in for font metrics: 6.5 px per character."""
    return 6.5 * len(text)


def run(count: int) -> tuple[float, float, float, int]:
    """(build seconds, median ms, p95 ms, frames) for ``count`` events."""
    items = synthetic_items(count)
    began = time.perf_counter()
    store = EventStore.build(items, LANES)
    build = time.perf_counter() - began
    layout = TimelineLayout(store, measure_text, LaneMetrics())
    scales = scripted_scales(store)
    for scale in scales[:: max(1, len(scales) // 10)]:
        layout.frame(scale)  # warm the label-width cache like a first paint would
    timings = []
    for scale in scales:
        began = time.perf_counter()
        layout.frame(scale)
        compute_ticks(scale, measure_text)
        timings.append((time.perf_counter() - began) * 1e3)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
    return build, statistics.median(timings), p95, len(timings)


def main() -> None:
    """Print one line per size."""
    print(f"{'events':>9} {'build s':>8} {'median ms':>10} {'p95 ms':>8} {'frames':>7}")
    for count in (1_000, 10_000, 100_000, 1_000_000):
        build, median, p95, frames = run(count)
        print(f"{count:>9} {build:>8.2f} {median:>10.2f} {p95:>8.2f} {frames:>7}")


if __name__ == "__main__":
    main()
