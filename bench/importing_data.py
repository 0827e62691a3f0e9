"""Benchmark of ``import-data`` in our own JSON format: ``python -m bench.importing_data``.

    python -m bench.importing_data [--count 100000] [--json]

Builds a SQLite library of N synthetic events (``bench.timeline.build_library``), exports it to
JSON through the same function as ``parallax export-data``, then imports that file into a new,
empty library through the same function as ``parallax import-data``, and prints the seconds
(wall and CPU) of each step and the process's peak resident memory. The goal of the big
libraries issue is 100k events imported in at most 10 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from bench.timeline import build_library
from db.library import open_library
from desktop.core.exchange.exporting import export_library
from desktop.core.exchange.importing import import_file

GOAL_SECONDS = 10.0


def _timed(step: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    step()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="parallax-import-data-") as name:
        folder = Path(name)
        build_library(folder / "source.sqlite", count)
        source = open_library(str(folder / "source.sqlite"))
        target = open_library(str(folder / "target.sqlite"))
        try:
            export_wall, export_cpu = _timed(
                lambda: export_library(source, folder / "all.json", "json")
            )
            import_wall, import_cpu = _timed(lambda: import_file(target, folder / "all.json"))
            imported = target.counts().events
        finally:
            source.dispose()
            target.dispose()
    return {
        "events": count,
        "imported": imported,
        "export_s": round(export_wall, 2),
        "export_cpu_s": round(export_cpu, 2),
        "import_s": round(import_wall, 2),
        "import_cpu_s": round(import_cpu, 2),
        "goal_s": GOAL_SECONDS,
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="one JSON object")
    args = parser.parse_args()
    figures = measure(args.count)
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"import-data of {figures['events']:,} events (own JSON): "
        f"{figures['import_s']:.1f} s ({figures['import_cpu_s']:.1f} s CPU; goal "
        f"<= {GOAL_SECONDS:.0f} s), {figures['imported']:,} imported; export-data "
        f"{figures['export_s']:.1f} s; peak {figures['peak_mib']:.0f} MiB"
    )


if __name__ == "__main__":
    main()
