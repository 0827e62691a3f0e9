"""Importing one large report full of dates (2 MB and 8 MB), suggestions included."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from db.library import open_library
from desktop.core.importing import import_batch
from desktop.core.sample import load_sample
from desktop.model.dates import MONTH_NAMES

_PLACES = ("Baku", "Tbilisi", "Yerevan", "Almaty", "Kyiv", "Tashkent", "Chisinau", "Minsk")
_WORDS = [
    "officials",
    "met",
    "to",
    "discuss",
    "trade,",
    "transit",
    "and",
    "the",
    "security",
    "of",
    "the",
    "border",
    "while",
    "observers",
    "noted",
    "that",
    "the",
    "talks",
    "had",
    "been",
    "postponed",
    "twice",
    "and",
    "that",
    "neither",
    "side",
    "published",
    "a",
    "record",
]


def _paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(3, 6)):
        year = rng.randint(1995, 2025)
        day, month = rng.randint(1, 28), rng.choice(MONTH_NAMES)
        words = " ".join(rng.sample(_WORDS, rng.randint(8, 16)))
        form = rng.randrange(4)
        if form == 0:
            sentences.append(f"On {day} {month} {year} in {rng.choice(_PLACES)} {words}.")
        elif form == 1:
            sentences.append(f"By {month} {year} {words}, and on {month} {day} they met again.")
        elif form == 2:
            sentences.append(f"Between {year} and {year + 2} {words} in {rng.choice(_PLACES)}.")
        else:
            sentences.append(f"Two weeks later {words}; last month {rng.choice(_PLACES)} agreed.")
    return " ".join(sentences)


def write_report(path: Path, size: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    parts = ["title: Annual report on the region", "published: 2025-06-30", ""]
    length = 0
    while length < size:
        paragraph = _paragraph(rng)
        parts.append(paragraph)
        parts.append("")
        length += len(paragraph) + 2
    path.write_text("\n".join(parts), encoding="utf-8")


def time_report(size: int) -> tuple[float, int]:
    """Seconds to import a report of ``size`` characters into the bundled dataset, and the
    number of suggestions it got."""
    with tempfile.TemporaryDirectory(prefix="parallax-large-") as name:
        folder = Path(name)
        path = folder / f"report-{size}.txt"
        write_report(path, size)
        library = open_library(f"sqlite:///{folder / 'large.sqlite'}")
        try:
            load_sample(library)
            began = time.perf_counter()
            report = import_batch(library, [path], with_suggestions=True)
            seconds = time.perf_counter() - began
        finally:
            library.dispose()
    return seconds, sum(o.suggestions for o in report.outcomes)
