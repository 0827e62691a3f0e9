"""Benchmark of loading the bundled dataset: ``python -m bench.sample_load [--runs N]``.

Loads the sample into a fresh SQLite library ``runs`` times (default 3) and prints the SQL
statements each load sent (counted with SQLAlchemy's ``before_cursor_execute`` event; a batched
insert counts once) and the best wall-clock time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import event

from db.library import Library, open_library
from desktop.core.sample import load_sample


def count_statements(library: Library) -> Counter[str]:
    """A counter the engine fills with the first words of every statement it sends."""
    counts: Counter[str] = Counter()

    def count(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        counts[" ".join(statement.split()[:3])] += 1

    event.listen(library.engine, "before_cursor_execute", count)
    return counts


def one_load(folder: Path, run: int) -> tuple[float, Counter[str]]:
    library = open_library(str(folder / f"sample-{run}.sqlite"))
    try:
        counts = count_statements(library)
        started = time.perf_counter()
        load_sample(library)
        return time.perf_counter() - started, counts
    finally:
        library.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        results = [one_load(Path(folder), run) for run in range(runs)]
    best = min(seconds for seconds, _ in results)
    counts = results[0][1]
    print(f"load_sample: {sum(counts.values())} statements, best of {runs}: {best:.2f} s")
    for statement, number in counts.most_common(8):
        print(f"  {number:5d}  {statement}")


if __name__ == "__main__":
    main()
