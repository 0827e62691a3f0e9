"""Benchmark of the timeline as drawn: ``python -m bench.timeline [--json] [--sizes 1000,...]``.

For 1k, 10k, 100k and 1M synthetic events over 8 lanes it builds a SQLite library (bulk insert
through SQLAlchemy Core), then offscreen at 1600x900 measures: the time from opening the
library to the first painted frame (plain-row loading path), the median, 95th percentile and
worst paint time over a scripted sequence of zooms (full range down to one day) and pans, and the
peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.timeline_core import scripted_scales
from db import models
from db.library import open_library
from desktop.core.dates import day_number, from_day_number

LANES = 8
WIDTH, HEIGHT = 1600, 900
SIZES = (1_000, 10_000, 100_000, 1_000_000)
CHUNK = 50_000


def _edtf(n: float) -> str:
    y, m, d = from_day_number(n)
    return f"{y:04d}-{m:02d}-{d:02d}"


def build_library(path: Path, count: int, seed: int = 7) -> None:
    """A library of ``count`` events (90% single days, 10% spans) in 8 lanes, 1900-2030."""
    library = open_library(f"sqlite:///{path}")
    rng = np.random.default_rng(seed)
    start = rng.uniform(day_number(1900, 1, 1), day_number(2030, 1, 1), count).round()
    length = np.where(rng.random(count) < 0.1, np.ceil(rng.exponential(90.0, count)) + 1, 1.0)
    lanes = rng.integers(1, LANES + 1, count)
    importance = rng.choice([1, 2, 3], count, p=[0.05, 0.25, 0.7])
    with library.engine.begin() as connection:
        connection.execute(
            models.Lane.__table__.insert(),
            [
                {
                    "id": k,
                    "key": f"lane-{k}",
                    "name": f"Lane {k}",
                    "color": "#3f7fd6",
                    "position": k,
                }
                for k in range(1, LANES + 1)
            ],
        )
        for lo in range(0, count, CHUNK):
            connection.execute(
                models.Event.__table__.insert(),
                _event_rows(lo, min(count, lo + CHUNK), start, length, lanes, importance),
            )
    library.dispose()


def _event_rows(
    lo: int,
    hi: int,
    start: np.ndarray,
    length: np.ndarray,
    lanes: np.ndarray,
    importance: np.ndarray,
) -> list[dict[str, object]]:
    now = models.utcnow()
    rows = []
    for k in range(lo, hi):
        s = float(start[k])
        end = s + float(length[k])
        rows.append(
            {
                "key": f"e{k}",
                "title": f"Synthetic event number {k}",
                "summary": "",
                "start": _edtf(s),
                "end": _edtf(end - 1) if length[k] > 1 else None,
                "t_lo": s,
                "t_hi": end,
                "lane_id": int(lanes[k]),
                "importance": int(importance[k]),
                "context": False,
                "notes": "",
                "created_at": now,
                "updated_at": now,
                "author": "bench",
                "version": 1,
            }
        )
    return rows


def measure(path: Path) -> dict[str, float]:
    """First-frame time and paint statistics for the library at ``path``."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from desktop.core.timeline.from_catalog import scene_data_from_library
    from desktop.core.timeline.lanes import LaneState
    from desktop.core.timeline.scale import TimeScale
    from desktop.ui.timeline.paint import PaintOptions, paint_timeline
    from desktop.ui.timeline.theme import TimelineTheme

    app = QApplication.instance() or QApplication([])
    theme = TimelineTheme.from_palette(app.palette(), app.font())
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    rect = QRectF(0, 0, WIDTH, HEIGHT)
    began = time.perf_counter()
    library = open_library(f"sqlite:///{path}")
    scene = scene_data_from_library(library, LaneState()).scene()
    first_scale = TimeScale(0.0, 1.0, float(WIDTH)).fit(*scene.store.bounds())
    painter = QPainter(image)
    paint_timeline(painter, scene, first_scale, rect, theme, PaintOptions())
    painter.end()
    first = time.perf_counter() - began
    timings = []
    for scale in scripted_scales(scene.store):
        painter = QPainter(image)
        began = time.perf_counter()
        paint_timeline(painter, scene, scale, rect, theme, PaintOptions())
        painter.end()
        timings.append((time.perf_counter() - began) * 1e3)
    library.dispose()
    timings.sort()
    return {
        "first_frame_s": first,
        "median_ms": statistics.median(timings),
        "p95_ms": timings[min(len(timings) - 1, int(0.95 * len(timings)))],
        "max_ms": timings[-1],
        "frames": float(len(timings)),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    """Build each library, measure it, print a table (or one JSON object per size)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not args.json:
        print(
            f"{'events':>9} {'build s':>8} {'first s':>8} {'median ms':>10} {'p95 ms':>7} {'max ms':>7} {'peak MB':>8}"
        )
    with tempfile.TemporaryDirectory() as folder:
        for count in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"bench-{count}.sqlite"
            began = time.perf_counter()
            build_library(path, count)
            build = time.perf_counter() - began
            result = {"events": count, "build_s": build, **measure(path)}
            if args.json:
                print(json.dumps(result), flush=True)
            else:
                print(
                    f"{count:>9} {build:>8.1f} {result['first_frame_s']:>8.2f} {result['median_ms']:>10.2f} "
                    f"{result['p95_ms']:>7.2f} {result['max_ms']:>7.2f} {result['peak_mb']:>8.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
