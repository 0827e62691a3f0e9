"""Copy a whole library to another database (SQLite to PostgreSQL and back)."""

from __future__ import annotations

from db.errors import LibraryError
from db.library import Library
from desktop.core.exchange.library_bundle import load_bundle
from desktop.core.exchange.library_export import bundle_from_library


def copy_library(source: Library, target: Library, author: str = "") -> None:
    """Copy every record of ``source`` into the empty ``target`` in one transaction.

    Refuses a target that already holds data, so a copy never merges into or overwrites
    someone's library.
    """
    if not target.is_empty():
        raise LibraryError(
            f"The target library {target.display_url} is not empty; copy into a new one."
        )
    with source.unit_of_work() as uow:
        bundle = bundle_from_library(uow)
    with target.unit_of_work(author) as uow:
        load_bundle(uow, bundle)
        uow.commit()
