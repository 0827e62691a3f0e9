"""Benchmark of opening a library and of the timeline as drawn:
``python -m bench.timeline [--json] [--sizes 1000,...]``.

For 1k, 10k, 100k and 1M synthetic events over 8 lanes it builds a SQLite library (one bulk
insert with the search-index triggers suspended, then one index rebuild), then, in a fresh
process per size (so the peak memory is the app's, not the builder's), offscreen at 1600x900
measures: the time from opening the library to the first painted frame along the app's own path
(``open_library`` → ``Workbench`` with its ``Catalog`` → the timeline's scene from the catalog →
one paint), split into those phases; the time per frame over two scripted protocols; and the
peak resident memory of the process. The first frame reads only its labels' titles; the rest of
the titles and dates are read after it, as the app does after its first paint ("texts").

- "fine": the full range zoomed in by 1.15x per step down to one day, with small pans.
- "jump": from the full range, zoom in by 4x per step (six zoom levels at once) six times, then
  out six times, back and forth twice, with two pans of 10% of the view after each jump.

Every frame time is given twice. Wall clock is what a user feels, but on a loaded machine (other
processes, shared cores) it also counts time the process spent waiting for a core. CPU time of
the painting thread (``time.thread_time``) counts only the work done, so it is the figure that is
stable from run to run and the one to compare before and after a change; painting is
single-threaded, so on an idle machine the two agree. Opening a big library is not: its packed
read joins half of the events on a worker thread, so "all cpu" gives the process's CPU time to
the first frame beside the main thread's ("first cpu").

Each protocol runs twice. "cold" paints the steps back to back, so every change of zoom level
regroups inside the frame. The main figures let the view's idle work run between steps, as the
app does while it waits for the next input (``prefetch_timeline`` until it has nothing left);
"idle max" is the longest single piece of that work, the most an input can wait for it. The idle
work must never make a step slower: compare each protocol's figures with its "cold" ones.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import insert

from bench.timeline_core import jump_scales, scripted_scales
from db import models
from db.library import open_library
from db.search import suspended_event_triggers
from desktop.model.dates import day_number

LANES = 8
WIDTH, HEIGHT = 1600, 900
SIZES = (1_000, 10_000, 100_000, 1_000_000)


def _edtf_days(numbers: np.ndarray) -> np.ndarray:
    """'YYYY-MM-DD' strings of whole day numbers (years 1..9999), vectorised through numpy."""
    epoch = day_number(1970, 1, 1)
    days = (numbers.astype(np.int64) - epoch).astype("datetime64[D]")
    return np.datetime_as_string(days, unit="D")


def build_library(path: Path, count: int, seed: int = 7) -> None:
    """A library of ``count`` events (90% single days, 10% spans) in 8 lanes, 1900-2030.

    Rows go in through one ``executemany`` of plain tuples in a single transaction on the
    migrated schema (no ORM, no per-row Python date formatting): 1M events take seconds.
    """
    library = open_library(f"sqlite:///{path}")
    rng = np.random.default_rng(seed)
    start = rng.uniform(day_number(1900, 1, 1), day_number(2030, 1, 1), count).round()
    length = np.where(rng.random(count) < 0.1, np.ceil(rng.exponential(90.0, count)) + 1, 1.0)
    lanes = rng.integers(1, LANES + 1, count)
    importance = rng.choice([1, 2, 3], count, p=[0.05, 0.25, 0.7])
    table = models.Event.__table__
    dialect = library.engine.dialect
    to_sql = table.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
    stamp = to_sql(models.utcnow()) if to_sql else models.utcnow()
    starts = _edtf_days(start).tolist()
    ends = _edtf_days(start + length - 1).tolist()
    spans = (length > 1).tolist()
    rows = [
        (f"e{k}", f"Synthetic event number {k}", starts[k], ends[k] if spans[k] else None)
        for k in range(count)
    ]
    insert_events = (
        'INSERT INTO events (key, title, summary, start, "end", t_lo, t_hi, lane_id, importance,'
        " context, notes, created_at, updated_at, author, version)"
        " VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, 0, '', ?, ?, 'bench', 1)"
    )
    columns = zip(
        rows,
        start.tolist(),
        (start + length).tolist(),
        lanes.tolist(),
        importance.tolist(),
        strict=True,
    )
    with library.engine.begin() as connection:
        connection.execute(
            insert(models.Lane),
            [
                {
                    "id": k,
                    "key": f"lane-{k}",
                    "name": f"Lane {k}",
                    "color": _lane_color(k),
                    "position": k,
                }
                for k in range(1, LANES + 1)
            ],
        )
        with suspended_event_triggers(connection):  # one index rebuild, not one per row
            connection.exec_driver_sql(
                insert_events,
                [(*row, lo, hi, lane, imp, stamp, stamp) for row, lo, hi, lane, imp in columns],
            )
    library.dispose()


def _lane_color(k: int) -> str:
    palette = (
        "#d1495b",
        "#3f7fd6",
        "#e08a2c",
        "#2a9d8f",
        "#8e6bd1",
        "#b5527a",
        "#4c8c2b",
        "#7a7a7a",
    )
    return palette[(k - 1) % len(palette)]


@dataclass
class FirstFrame:
    """What opening a library to its first frame leaves behind: its figures (``first_frame_s``,
    the phases, ``peak_first_mb``) and the scene, image and theme the protocols paint with."""

    figures: dict[str, float]
    scene: Any
    image: Any
    theme: Any
    library: Any


def open_to_first_frame(path: Path) -> FirstFrame:
    """Open the library at ``path`` along the app's own path and paint its first frame, timed:
    ``open_library`` → ``Workbench`` (its ``Catalog``) → the scene from the catalog → one paint
    of the whole range with ``paint_timeline``, the routine the ``TimelineView`` paints with."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from desktop.core.timeline.from_catalog import scene_data_from_catalog
    from desktop.core.timeline.lanes import LaneState
    from desktop.core.timeline.scale import TimeScale
    from desktop.core.workbench import Workbench
    from desktop.rendering.paint import PaintOptions, paint_timeline
    from desktop.rendering.theme import TimelineTheme

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    theme = TimelineTheme.from_palette(app.palette(), app.font())
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    rect = QRectF(0, 0, WIDTH, HEIGHT)
    began, began_cpu, began_all = time.perf_counter(), time.thread_time(), time.process_time()
    library = open_library(f"sqlite:///{path}")
    opened = time.perf_counter()
    workbench = Workbench(library)  # what the window builds first: the catalog of the library
    loaded, loaded_cpu = time.perf_counter(), time.thread_time()
    scene = scene_data_from_catalog(workbench.catalog, LaneState()).scene()
    built = time.perf_counter()
    first_scale = TimeScale(0.0, 1.0, float(WIDTH)).fit(*scene.store.bounds())
    painter = QPainter(image)
    paint_timeline(painter, scene, first_scale, rect, theme, PaintOptions())
    painter.end()
    first, first_cpu = time.perf_counter() - began, time.thread_time() - began_cpu
    first_all = time.process_time() - began_all  # with the packed read's worker half
    peak_first = _peak_mb()  # before the rest of the texts are read
    texts = time.perf_counter()
    # the first frame read its labels' titles alone; the app reads the rest after its first
    # paint (on a worker: ``Workbench.prepare_texts``), before the protocols' frames
    workbench.catalog.columns.read_texts()
    figures = {
        "first_frame_s": first,
        "first_frame_cpu_s": first_cpu,
        "first_frame_process_cpu_s": first_all,
        "open_s": opened - began,
        "catalog_s": loaded - opened,
        "scene_s": built - loaded,
        "paint_s": began + first - built,
        "draw_cpu_s": began_cpu + first_cpu - loaded_cpu,
        "texts_s": time.perf_counter() - texts,
        "peak_first_mb": peak_first,
    }
    return FirstFrame(figures, scene, image, theme, library)


def measure(path: Path) -> dict[str, float]:
    """First-frame time and paint statistics for the library at ``path``."""
    opened = open_to_first_frame(path)
    result = dict(opened.figures)
    for name, scales in (
        ("fine", scripted_scales(opened.scene.store)),
        ("jump", jump_scales(opened.scene.store)),
    ):
        result |= _protocol(name, opened.scene, scales, opened.image, opened.theme)
    opened.library.dispose()
    return result | {"peak_mb": _peak_mb()}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _protocol(name: str, scene: Any, scales: list[Any], image: Any, theme: Any) -> dict[str, float]:
    """Figures of one protocol, keyed ``{name}_...``: cold (back to back), then with idle work
    between steps, each from a layout that starts from nothing."""
    from desktop.rendering.paint import forget_layouts

    forget_layouts()
    cold = paint_steps(scene, scales, image, theme, idle=False)
    forget_layouts()  # the second pass starts from nothing, like the first
    wall, cpu, idle = paint_steps(scene, scales, image, theme, idle=True)
    return {
        **_spread(f"{name}_wall", wall),
        **_spread(f"{name}_cpu", cpu),
        **_spread(f"{name}_cold_wall", cold[0]),
        **_spread(f"{name}_cold_cpu", cold[1]),
        f"{name}_idle_max_ms": max(idle),
        f"{name}_frames": float(len(wall)),
    }


def paint_steps(
    scene: Any, scales: list[Any], image: Any, theme: Any, idle: bool
) -> tuple[list[float], list[float], list[float]]:
    """Wall and CPU ms of each frame of ``scales``, and the idle work after each.

    With ``idle`` the view's idle work runs between steps, as it does in the app while it waits
    for the next input: ``prefetch_timeline`` until it has nothing left (the longest single
    call is reported, since that is how long an input could wait for it).
    """
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    from desktop.rendering.paint import PaintOptions, paint_timeline, prefetch_timeline

    rect = QRectF(0, 0, WIDTH, HEIGHT)
    wall, cpu, idle_ms = [], [], [0.0]
    for scale in scales:
        painter = QPainter(image)
        began, began_cpu = time.perf_counter(), time.thread_time()
        paint_timeline(painter, scene, scale, rect, theme, PaintOptions())
        painter.end()
        cpu.append((time.thread_time() - began_cpu) * 1e3)
        wall.append((time.perf_counter() - began) * 1e3)
        while idle:
            began = time.perf_counter()
            more = prefetch_timeline(scene, scale, rect, theme, PaintOptions())
            idle_ms.append((time.perf_counter() - began) * 1e3)
            if not more:
                break
    return wall, cpu, idle_ms


def _spread(name: str, timings: list[float]) -> dict[str, float]:
    """Median, 95th percentile and worst of ``timings`` (ms), keyed ``{name}_median_ms``..."""
    ordered = sorted(timings)
    return {
        f"{name}_median_ms": statistics.median(ordered),
        f"{name}_p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        f"{name}_max_ms": ordered[-1],
    }


_COLUMNS = (  # heading, result key, width, format
    ("events", "events", 9, "d"),
    ("build s", "build_s", 8, ".1f"),
    ("first s", "first_frame_s", 8, ".2f"),
    ("first cpu", "first_frame_cpu_s", 9, ".2f"),
    ("all cpu", "first_frame_process_cpu_s", 8, ".2f"),
    ("open s", "open_s", 7, ".2f"),
    ("catalog s", "catalog_s", 9, ".2f"),
    ("scene s", "scene_s", 8, ".2f"),
    ("paint s", "paint_s", 8, ".2f"),
    ("texts s", "texts_s", 8, ".2f"),
    ("fine med", "fine_cpu_median_ms", 9, ".2f"),
    ("fine p95", "fine_cpu_p95_ms", 9, ".2f"),
    ("cold p95", "fine_cold_cpu_p95_ms", 9, ".2f"),
    ("jump med", "jump_cpu_median_ms", 9, ".2f"),
    ("jump p95", "jump_cpu_p95_ms", 9, ".2f"),
    ("cold med", "jump_cold_cpu_median_ms", 9, ".2f"),
    ("cold p95", "jump_cold_cpu_p95_ms", 9, ".2f"),
    ("idle max", "jump_idle_max_ms", 9, ".1f"),
    ("peak MB", "peak_mb", 8, ".0f"),
)


def main() -> None:
    """Build each library, measure it in a fresh process, print a table (frame figures are CPU
    ms; ``--json`` gives every figure, wall clock included, one JSON object per size).

    "first" is seconds from opening the library to the first frame.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.measure:
        print(json.dumps(measure(args.measure)), flush=True)
        return
    if not args.json:
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(" ".join(f"{head:>{width}}" for head, _, width, _ in _COLUMNS))
    with tempfile.TemporaryDirectory() as folder:
        for count in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"bench-{count}.sqlite"
            began = time.perf_counter()
            build_library(path, count)
            build = time.perf_counter() - began
            child = [sys.executable, "-m", "bench.timeline", "--measure", str(path)]
            output = subprocess.run(child, check=True, capture_output=True, text=True).stdout
            figures = json.loads(output.strip().splitlines()[-1])
            result = {"events": count, "build_s": build, "load_avg": os.getloadavg()[0]}
            result |= figures
            if args.json:
                print(json.dumps(result), flush=True)
            else:
                cells = (f"{result[key]:>{width}{form}}" for _, key, width, form in _COLUMNS)
                print(" ".join(cells), flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
