"""The ``parallax`` command line: the GUI by default, headless sub-commands for scripts.

Each sub-command lives in ``desktop.cli_commands``; this module only parses arguments and reports
errors as one readable line (exit status 2), never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli_commands import COMMANDS
from desktop.core.assist import acceptors
from desktop.errors import LibraryError, UserError

DB_HELP = (
    "library to use: a SQLite file or a postgresql+psycopg:// URL "
    "(default: $PARALLAX_DB, else your per-user library)"
)


def db_parent() -> argparse.ArgumentParser:
    """The ``--db`` option every sub-command shares, so it may follow the sub-command too.

    Its default is suppressed: given after the sub-command it overrides the global one, and
    not given it leaves the global value in place.
    """
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=DB_HELP)
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Parallax: events on a zoomable timeline, sources side by side.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help=DB_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    shared = [db_parent()]
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name, help=command.help, description=command.help, parents=shared
        )
        command.configure(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    acceptors.register()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    if args.db is not None and not args.db.strip():
        print(
            "parallax: --db is empty: give a library file or URL "
            "(or leave --db out for the default library).",
            file=sys.stderr,
        )
        return 2
    try:
        return int(args.run(args) or 0)
    except (UserError, LibraryError) as error:  # both carry a message meant for the user
        print(f"parallax: {error}", file=sys.stderr)
        return 2
    except MemoryError:
        print("parallax: not enough memory for this; nothing was changed.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("parallax: interrupted", file=sys.stderr)
        return 130
