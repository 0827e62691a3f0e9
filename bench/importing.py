"""Benchmark of importing documents: ``python -m bench.importing [--json] [--count N]``.

Prints three things: precision and recall of link suggestions on the labelled development set
(``bench.importing_eval``), overall and per language; the time to import a 2 MB and an 8 MB
report full of dates (``bench.importing_large``; targets 20 s and 60 s); and the batch below.

Writes N (default 500) synthetic documents of 2-20 KB, plain text and HTML mixed, whose prose
names dates and actors of a small event list, into a temporary folder; imports them into a
temporary SQLite library that holds those events, counting each source's review suggestions;
prints documents per second, total seconds and the process's peak resident memory
(``resource.getrusage``; tracemalloc would slow the run it measures). The target is
the 500-document batch in under 10 s after start-up: loading the readers (language model,
web page reader, dateparser; ``load_finders``) is timed and printed on its own, then the
clock runs from the batch's start (its first document) to its last commit.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from calendar import month_name
from dataclasses import dataclass, replace
from pathlib import Path

from bench.importing_eval import evaluate, table
from bench.importing_large import time_report
from db.library import open_library
from db.records import EventRecord
from desktop.core.importing import ImportReport, ImportStatus, import_batch
from desktop.core.importing.prepare import load_finders
from desktop.model.dates import DateSpan

TARGET_SECONDS = 10.0
LARGE = ((2_000_000, 20.0), (8_000_000, 60.0))
_EVENTS = (
    ("georgia-war", "Russo-Georgian war", "2008-08-07", "2008-08-12", ("Russia", "Georgia")),
    ("crimea", "Annexation of Crimea", "2014-03-18", None, ("Russia", "Ukraine")),
    ("invasion", "Full-scale invasion of Ukraine", "2022-02-24", None, ("Russia", "Ukraine")),
    ("karabakh", "Karabakh offensive", "2023-09-19", "2023-09-20", ("Azerbaijan", "Armenia")),
    ("csto", "CSTO founded", "1992-05-15", None, ("Russia", "Kazakhstan", "Armenia")),
    ("baltic-nato", "Baltic states join NATO", "2004-03-29", None, ("Estonia", "Latvia")),
)
_WORDS = [
    "influence",
    "region",
    "talks",
    "pipeline",
    "border",
    "troops",
    "treaty",
    "summit",
    "sanctions",
    "energy",
    "trade",
    "minister",
    "parliament",
    "election",
    "protest",
    "alliance",
    "security",
    "economy",
    "neighbours",
    "capital",
]


@dataclass(frozen=True)
class BenchResult:
    documents: int
    seconds: float
    cpu_seconds: float
    documents_per_second: float
    peak_mib: float
    imported: int
    failed: int
    suggestions: int
    startup_seconds: float = 0.0  # loading the readers, before the clock (0 if loaded already)
    startup_cpu_seconds: float = 0.0
    target_seconds: float = TARGET_SECONDS


def _sentence(rng: random.Random) -> str:
    key, title, start, _end, actors = rng.choice(_EVENTS)
    year, month, day = start.split("-")
    words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 18)))
    form = rng.randrange(4)
    if form == 0:
        return f"On {int(day)} {month_name[int(month)]} {year} {actors[0]} spoke of {words}."
    if form == 1:
        return f"The {title.lower()} changed how {' and '.join(actors)} saw {words}."
    if form == 2:
        return f"In {rng.randint(1990, 2024)} the {words} of {rng.choice(actors)} grew."
    return f"{words.capitalize()} remained a concern for {rng.choice(actors)}."


def _document(rng: random.Random, number: int) -> tuple[str, str]:
    """(file name, content) of one document of 2-20 KB."""
    size = rng.randint(2_000, 20_000)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    title = f"Report {number}: {rng.choice(_EVENTS)[1]}"
    if number % 2:
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        return f"doc-{number:04d}.html", html + body + "</article></body></html>"
    return f"doc-{number:04d}.txt", title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_documents(folder: Path, count: int, seed: int = 11) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        name, content = _document(rng, number)
        path = folder / name
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths


def _add_events(url: str) -> None:
    library = open_library(url)
    try:
        with library.unit_of_work("bench") as uow:
            for key, title, start, end, actors in _EVENTS:
                span = DateSpan.from_edtf(start, end)
                uow.events.add(
                    EventRecord(key, title, start, span.t_lo, span.t_hi, end=end, actors=actors)
                )
            uow.commit()
    finally:
        library.dispose()


def run(count: int) -> BenchResult:
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as name:
        folder = Path(name)
        paths = write_documents(folder, count)
        url = f"sqlite:///{folder / 'bench.sqlite'}"
        _add_events(url)
        library = open_library(url)
        try:
            began, began_cpu = time.perf_counter(), _cpu_seconds()
            load_finders()
            startup = (time.perf_counter() - began, _cpu_seconds() - began_cpu)
            began, began_cpu = time.perf_counter(), _cpu_seconds()
            report = import_batch(library, paths, author="bench", with_suggestions=True)
            seconds = time.perf_counter() - began
            cpu_seconds = _cpu_seconds() - began_cpu
        finally:
            library.dispose()
    result = _result(report, count, (seconds, cpu_seconds), _peak_rss_bytes())
    return replace(
        result, startup_seconds=round(startup[0], 2), startup_cpu_seconds=round(startup[1], 2)
    )


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children (the batch's workers)."""
    try:
        import resource  # Unix only
    except ImportError:
        return time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _load() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def _peak_rss_bytes() -> int:
    """Peak resident set size (ru_maxrss is KiB on Linux, bytes on macOS; 0 if unknown)."""
    try:
        import resource  # Unix only
    except ImportError:
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def _result(report: ImportReport, count: int, times: tuple[float, float], peak: int) -> BenchResult:
    seconds, cpu_seconds = times
    return BenchResult(
        documents=count,
        seconds=round(seconds, 2),
        cpu_seconds=round(cpu_seconds, 2),
        documents_per_second=round(count / seconds, 1),
        peak_mib=round(peak / 2**20, 1),
        imported=report.count(ImportStatus.IMPORTED),
        failed=report.count(ImportStatus.FAILED),
        suggestions=sum(o.suggestions for o in report.outcomes),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--count", type=int, default=500, help="documents to import")
    parser.add_argument("--skip-large", action="store_true", help="skip the 2 MB and 8 MB texts")
    parser.add_argument("--only-eval", action="store_true", help="only the development set")
    args = parser.parse_args()
    _print_evaluation()
    if args.only_eval:
        return
    if not args.skip_large:
        for size, target in LARGE:
            seconds, found = time_report(size)
            verdict = "within" if seconds <= target else "OVER"
            print(
                f"{size / 1e6:.0f} MB report:     {seconds:.1f} s ({verdict} the {target:.0f} s "
                f"target; {found} suggestions)"
            )
    result = run(args.count)
    if args.json:
        print(json.dumps(result.__dict__, indent=2))
        return
    verdict = "within" if result.seconds < TARGET_SECONDS else "OVER"
    print(
        f"documents:        {result.documents} ({result.imported} imported, "
        f"{result.failed} failed, {result.suggestions} suggestions)"
    )
    print(
        f"start-up:         {result.startup_seconds} s, {result.startup_cpu_seconds} s CPU "
        "(loading the readers, before the clock; 0 when the evaluation loaded them)"
    )
    print(f"total seconds:    {result.seconds} ({verdict} the {TARGET_SECONDS:.0f} s target)")
    print(
        f"CPU seconds:      {result.cpu_seconds} (this process and its workers; "
        f"{os.cpu_count()} cores)"
    )
    print(f"load average:     {_load()} (1 / 5 / 15 min, after the run)")
    print(f"documents/second: {result.documents_per_second}")
    print(f"peak memory:      {result.peak_mib} MiB (peak resident set of the process)")


def _print_evaluation() -> None:
    evaluation = evaluate()
    print(f"Development set: {evaluation.documents} articles, link suggestions at the default")
    print(f"threshold; language detected right for {evaluation.languages_right}.")
    print()
    for row in table(evaluation):
        print(row)
    print()
    for mistake in evaluation.overall.mistakes:
        print(f"  {mistake}")
    print()


if __name__ == "__main__":
    main()
