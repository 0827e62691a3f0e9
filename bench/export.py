"""Benchmark of timeline image export: ``python -m bench.export [--json]``.

1. The bundled dataset, its default range, to an 8,000-pixel-wide PNG, SVG and PDF (target:
   each well under a second), and to the journal-page and poster-a0 presets as PDF.
2. 100,000 synthetic events in six lanes over two centuries to a 4,000-pixel-wide PNG (target:
   under 3 s).
Each figure is the median of three runs of ``render_timeline_image`` (layout, painting and the
atomic write); building the scene is timed separately. Runs offscreen, needs no display.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from desktop.rendering.headless import ensure_gui_application

RUNS = 3
SAMPLE_TARGET_S = 1.0
LARGE_TARGET_S = 3.0
LARGE_EVENTS = 100_000


def _median_seconds(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _synthetic_scene(count: int) -> object:
    from desktop.core.timeline.lanes import LaneState
    from desktop.core.timeline.scene import EventRows, SceneData, SceneLane

    rng = np.random.default_rng(7)
    t_lo = np.sort(rng.uniform(657_000.0, 730_000.0, count))
    long = rng.random(count) < 0.1
    t_hi = t_lo + np.where(long, rng.uniform(30.0, 3000.0, count), 1.0)
    lanes = [SceneLane(f"lane-{k}", f"Lane {k}", f"#{(40 * k + 60):02x}7fa0") for k in range(6)]
    keys = [f"e{k}" for k in range(count)]
    rows = EventRows(
        keys,
        [lanes[k % 6].key for k in range(count)],
        t_lo,
        t_hi,
        rng.integers(1, 4, count),
        [f"Synthetic event {k}" for k in range(count)],
        ["2000-01-01"] * count,
        [None] * count,
    )
    return SceneData.build(rows, lanes, LaneState()).scene()


def run_benchmark() -> dict[str, float]:
    """Seconds per export (medians) and scene-building times."""
    ensure_gui_application()
    from db.library import open_library
    from desktop.core.catalog import Catalog
    from desktop.core.sample import load_sample
    from desktop.rendering.image_options import ImageRequest
    from desktop.rendering.image_scene import prepare_scene
    from desktop.rendering.timeline_image import render_timeline_image

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        library = open_library(str(out / "sample.sqlite"))
        try:
            load_sample(library)
            started = time.perf_counter()
            catalog = Catalog.load(library)
            scene = prepare_scene(catalog, ImageRequest(path=out / "sample.png"))
            figures["sample_scene_s"] = time.perf_counter() - started
        finally:
            library.dispose()
        for fmt in ("png", "svg", "pdf"):
            request = ImageRequest(out / f"sample.{fmt}", width=8000, dpi=96, title="Sample")
            figures[f"sample_8k_{fmt}_s"] = _median_seconds(
                lambda r=request: render_timeline_image(scene, r)  # type: ignore[misc]
            )
        for preset in ("journal-page", "poster-a0"):
            request = ImageRequest(out / f"{preset}.pdf", preset=preset)
            figures[f"sample_{preset}_pdf_s"] = _median_seconds(
                lambda r=request: render_timeline_image(scene, r)  # type: ignore[misc]
            )
        started = time.perf_counter()
        large = _synthetic_scene(LARGE_EVENTS)
        figures["large_scene_s"] = time.perf_counter() - started
        request = ImageRequest(out / "large.png", width=4000, dpi=96, title="100k events")
        figures["large_4k_png_s"] = _median_seconds(
            lambda: render_timeline_image(large, request)  # type: ignore[arg-type]
        )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.export", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = run_benchmark()
    if args.json:
        print(json.dumps({k: round(v, 4) for k, v in figures.items()}, indent=2))
    else:
        for name, seconds in figures.items():
            print(f"{name:28s} {seconds * 1000:9.1f} ms")
    ok = (
        all(figures[f"sample_8k_{fmt}_s"] < SAMPLE_TARGET_S for fmt in ("png", "svg", "pdf"))
        and figures["large_4k_png_s"] < LARGE_TARGET_S
    )
    print("targets met" if ok else "TARGETS MISSED", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
