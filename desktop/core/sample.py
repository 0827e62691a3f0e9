"""The bundled dataset: where it is, and loading it into a library.

The dataset ships inside the application (``resources/dataset``); loading it is one transaction,
so a broken bundle leaves the library untouched and the error names the bad record.
"""

from __future__ import annotations

from pathlib import Path

from db.library import Library
from desktop.core.exchange.library_bundle import load_bundle
from desktop.io.formats.library_json import read_library_json
from desktop.io.resources import resource

SAMPLE_FILE = "russia-neighbourhood.parallax.json"


def sample_path() -> Path:
    return resource("dataset", SAMPLE_FILE)


def load_sample(library: Library, path: Path | None = None, author: str = "parallax") -> None:
    """Load the bundled dataset (or ``path``) into ``library`` in one transaction."""
    bundle = read_library_json(path or sample_path())
    with library.unit_of_work(author) as uow:
        load_bundle(uow, bundle)
        uow.meta.set("sample", SAMPLE_FILE)
        uow.commit()


def load_sample_if_empty(library: Library) -> bool:
    """Fill a new, empty library from the bundled dataset; True if it did."""
    if not library.is_empty() or not sample_path().exists():
        return False
    load_sample(library)
    return True
