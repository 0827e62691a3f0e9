"""The bundled dataset loaded into a throwaway SQLite library, for tests that need real records."""

from __future__ import annotations

from pathlib import Path

from db.library import Library, open_library
from desktop.core.sample import load_sample

DATASET = (
    Path(__file__).resolve().parents[3] / "resources/dataset/russia-neighbourhood.parallax.json"
)


def bundled_library(folder: Path) -> Library:
    """A library in ``folder`` filled with the bundled dataset; the caller disposes of it."""
    library = open_library(str(folder / "sample.sqlite"))
    load_sample(library, DATASET)
    return library
