"""``parallax review SOURCE_KEY (--accept ID… | --reject ID… | --accept-above X)``.

Accepts and rejects suggestions of one source as one action (all or nothing; the same core as
the review panel). Accepting a link marks its passage and links it to the event, so the source
appears as a pane of that event in ``parallax compare``.
"""

from __future__ import annotations

import argparse
import getpass

from db.errors import LibraryError
from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.importing.accepting import review
from desktop.errors import UserError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE_KEY", help="the source under review")
    parser.add_argument(
        "--accept",
        nargs="+",
        type=int,
        default=[],
        metavar="ID",
        help="accept these suggestions (ids from 'parallax suggestions')",
    )
    parser.add_argument(
        "--reject",
        nargs="+",
        type=int,
        default=[],
        metavar="ID",
        help="reject these suggestions; they are not proposed again",
    )
    parser.add_argument(
        "--accept-above",
        type=float,
        metavar="X",
        help="accept every pending suggestion with confidence >= X (0..1)",
    )


def run(args: argparse.Namespace) -> int:
    if not (args.accept or args.reject or args.accept_above is not None):
        raise UserError("Say what to do: --accept ID…, --reject ID… or --accept-above X.")
    library = open_for_command(args, create=False)
    try:
        outcome = review(
            library,
            args.source,
            accept=args.accept,
            reject=args.reject,
            accept_above=args.accept_above,
            author=_user(),
        )
    except LibraryError as error:
        raise UserError(f"{error} Nothing was changed.") from error
    finally:
        library.dispose()
    print(f"{args.source}: {outcome.describe()}")
    return 0


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


REVIEW = SubCommand(
    "review", "accept or reject suggestions of a source (one undoable action)", configure, run
)
