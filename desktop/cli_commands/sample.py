"""``parallax sample [--reset]``: load the bundled dataset.

Without ``--reset`` it fills an empty library. With ``--reset`` it starts a new library holding
only the dataset: a SQLite library file is first renamed to a dated backup (nothing is deleted);
a PostgreSQL library is emptied in the same transaction that reloads it. Both ask first unless
``--yes`` is given, and both refuse while another client has the library open.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import UTC, datetime

from sqlalchemy.exc import SQLAlchemyError

from db.engine import library_url, sqlite_path
from db.in_use import in_use_by_others
from db.library import open_library
from db.wipe import wipe_library
from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.sample import load_sample, sample_path
from desktop.errors import UserError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reset", action="store_true", help="start a new library holding only the bundled dataset"
    )
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")


def confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in {"y", "yes"}


def run(args: argparse.Namespace) -> int:
    if not sample_path().exists():
        raise UserError(f"The bundled dataset is missing from this installation ({sample_path()}).")
    if args.reset:
        return reset(args)
    library = open_for_command(args, create=True)
    try:
        if not library.is_empty():
            raise UserError(
                "This library already holds data; use 'parallax sample --reset' "
                "to start a new library with the bundled dataset."
            )
        load_sample(library)
        print(f"Loaded the bundled dataset into {library.display_url}.")
    finally:
        library.dispose()
    return 0


def reset(args: argparse.Namespace) -> int:
    url = library_url(args.db)
    path = sqlite_path(url)
    refuse_if_in_use(url)
    what = (
        f"the library file {path} (it is kept as a backup)"
        if path
        else "every record in this database"
    )
    if not args.yes and not confirm(f"Replace {what} with the bundled dataset?"):
        raise UserError("Not confirmed; nothing changed. Add --yes to skip the question.")
    if path is not None and path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = path.with_name(f"{path.name}.before-reset-{stamp}")
        path.rename(backup)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(backup.with_name(backup.name + suffix))
        print(f"Kept the old library as {backup}.")
    library = open_library(url)
    try:
        if path is None:
            with library.unit_of_work() as uow:
                wipe_library(uow)
                uow.commit()
        load_sample(library)
        print(f"Loaded the bundled dataset into {library.display_url}.")
    finally:
        library.dispose()
    return 0


def refuse_if_in_use(url: str) -> None:
    """Refuse (one line, nothing changed) to replace a library another client has open: its
    later edits would be acknowledged and land in the backup."""
    try:
        busy = in_use_by_others(url)
    except (SQLAlchemyError, sqlite3.Error) as error:
        raise UserError(f"Cannot tell whether the library is in use: {error}") from error
    if busy:
        raise UserError(
            f"The library is in use ({busy}); close it there first. Nothing was changed."
        )


SAMPLE = SubCommand(
    "sample", "load the bundled dataset (--reset: into a new library)", configure, run
)
