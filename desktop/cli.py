"""The ``parallax`` command line: the GUI by default, headless sub-commands for scripts.

Each sub-command lives in ``desktop.commands``; this module only parses arguments and reports
errors as one readable line (exit status 2), never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.commands import COMMANDS
from desktop.errors import UserError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Parallax: events on a zoomable timeline, sources side by side.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="library to use: a SQLite file or a postgresql+psycopg:// URL "
        "(default: $PARALLAX_DB, else your per-user library)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.help, description=command.help)
        command.configure(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    try:
        return int(args.run(args) or 0)
    except UserError as error:
        print(f"parallax: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("parallax: interrupted", file=sys.stderr)
        return 130
