"""``parallax copy --from A --to B``: move a whole library between SQLite and PostgreSQL."""

from __future__ import annotations

import argparse

from db.errors import LibraryError
from db.library import open_library
from desktop.cli_commands.base import SubCommand
from desktop.core.exchange.copy_library import copy_library
from desktop.errors import UserError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="source", required=True, metavar="PATH_OR_URL", help="the library to copy"
    )
    parser.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="PATH_OR_URL",
        help="an empty or new library to copy into",
    )


def run(args: argparse.Namespace) -> int:
    try:
        source = open_library(args.source)
    except LibraryError as error:
        raise UserError(f"Cannot open the source library: {error}") from error
    try:
        target = open_library(args.target)
    except LibraryError as error:
        source.dispose()
        raise UserError(f"Cannot open the target library: {error}") from error
    try:
        copy_library(source, target)
        counts = target.counts()
        print(
            f"Copied {counts.sources} sources, {counts.events} events, {counts.passages} "
            f"passages, {counts.codes} codes and {counts.notes} notes to {target.display_url}."
        )
    except LibraryError as error:
        raise UserError(str(error)) from error
    finally:
        source.dispose()
        target.dispose()
    return 0


COPY = SubCommand(
    "copy", "copy a whole library to another database (SQLite <-> PostgreSQL)", configure, run
)
