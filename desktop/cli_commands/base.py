"""What a sub-command is: a name, a help line, its arguments and what it runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from db.errors import LibraryError
from db.library import Library, open_library
from desktop.errors import UserError


@dataclass(frozen=True)
class SubCommand:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def open_for_command(args: argparse.Namespace, *, create: bool) -> Library:
    """Open the library named by ``--db`` (or the default), as a UserError if that fails.

    Commands that only read pass ``create=False``: a library that does not exist is then
    reported ("No library at ...") instead of being created empty.
    """
    try:
        return open_library(args.db, create=create)
    except LibraryError as error:
        raise UserError(str(error)) from error
