"""``parallax info``: where the library is, its schema revision and what it holds."""

from __future__ import annotations

import argparse

from db.migrate import head_revision
from desktop.cli_commands.base import SubCommand, no_arguments, open_for_command


def run(args: argparse.Namespace) -> int:
    library = open_for_command(args, create=False)
    try:
        counts = library.counts()
        revision = library.revision()
        head = head_revision()
        state = "newest" if revision == head else f"newest is {head}"
        print(f"library:   {library.display_url}")
        print(f"engine:    {library.engine.dialect.name}")
        print(f"schema:    {revision} ({state})")
        print(f"sources:   {counts.sources}")
        print(f"events:    {counts.events}")
        print(f"passages:  {counts.passages}")
        print(f"codes:     {counts.codes}")
        print(f"codings:   {counts.codings}")
        print(f"claims:    {counts.claims}")
        print(f"notes:     {counts.notes}")
        if library.backup_path is not None:
            print(f"backup:    {library.backup_path} (written before upgrading the schema)")
    finally:
        library.dispose()
    return 0


INFO = SubCommand(
    "info", "show where the library is, its schema revision and counts", no_arguments, run
)
