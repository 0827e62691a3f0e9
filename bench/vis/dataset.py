"""The one dataset both sides get: a Parallax library of synthetic events and the same events as
vis-timeline items.

The library is ``bench.timeline.build_library`` (deterministic: seed 7, 8 lanes, 1900-2030, 90 %
single days, 10 % spans). The page's items are read back from that library, so the two sides
get the same keys, titles, lanes and dates by construction: a single day becomes a 'point'
item, a span a 'range' item from its first day to the end of its last, each lane a group.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from bench.timeline import build_library
from desktop.model.dates import day_number

DAY_MS = 86_400_000
EPOCH = day_number(1970, 1, 1)
HERE = Path(__file__).parent
VIS_BUILD = HERE / "node_modules" / "vis-timeline" / "standalone" / "umd"
VIS_SCRIPT = VIS_BUILD / "vis-timeline-graph2d.min.js"
VIS_PACKAGE = HERE / "node_modules" / "vis-timeline" / "package.json"


def ms_of(day: float) -> float:
    """JavaScript time (ms since 1970, proleptic Gregorian like day numbers) of a day number."""
    return (day - EPOCH) * DAY_MS


def vis_version() -> str | None:
    """The version of vis-timeline under node_modules, or None when it is not installed."""
    if not (VIS_SCRIPT.exists() and VIS_PACKAGE.exists()):
        return None
    return str(json.loads(VIS_PACKAGE.read_text())["version"])


def build(folder: Path, count: int) -> Path:
    """Write the library (``library.sqlite``) and the page (``page.html`` with its scripts and
    ``data.js``) into ``folder``; return the library's path."""
    library = folder / "library.sqlite"
    library.unlink(missing_ok=True)  # a kept folder from an earlier run
    build_library(library, count)
    data = {"items": _items(library), "groups": _groups(library)}
    (folder / "data.js").write_text(f"window.BENCH_DATA = {json.dumps(data)};\n")
    for name in ("page.html", "page.js"):
        shutil.copyfile(HERE / name, folder / name)
    shutil.copyfile(VIS_SCRIPT, folder / "vis-timeline.js")
    return library


def _items(library: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(library) as connection:
        rows = connection.execute(
            "SELECT key, title, lane_id, t_lo, t_hi FROM events ORDER BY id"
        ).fetchall()
    items = []
    for key, title, lane, t_lo, t_hi in rows:
        item = {"id": key, "group": lane, "content": title, "start": ms_of(t_lo)}
        if t_hi - t_lo > 1:
            item |= {"end": ms_of(t_hi), "type": "range"}
        else:
            item["type"] = "point"
        items.append(item)
    return items


def _groups(library: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(library) as connection:
        rows = connection.execute("SELECT id, name FROM lanes ORDER BY position").fetchall()
    return [{"id": lane, "content": name} for lane, name in rows]
