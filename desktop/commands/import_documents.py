"""``parallax import FILE...``: add documents to a library, one line of outcome per file.

A file whose bytes or text are already a source's attaches to it (or is reported as a
duplicate); a file that only looks like a source is not imported: the line says which source
and how to attach it (``--attach-to``). Exit status 0 when no file failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from db.records import SOURCE_KINDS
from desktop.commands.base import Command, open_for_command
from desktop.core.dates import DateParseError, DateSpan
from desktop.core.importing import (
    ImportOutcome,
    ImportStatus,
    MetadataOverrides,
    NearMatchPolicy,
    import_batch,
    import_document,
)
from desktop.errors import UserError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="documents to import")
    parser.add_argument("--outlet", help="the outlet that published the documents")
    parser.add_argument(
        "--author",
        action="append",
        dest="authors",
        metavar="NAME",
        help="an author of the documents (repeat for several)",
    )
    parser.add_argument(
        "--published", metavar="DATE", help='publication date, e.g. "10 March 2025" or "2025-03"'
    )
    parser.add_argument("--kind", choices=SOURCE_KINDS, help="what kind of source they are")
    parser.add_argument(
        "--attach-to",
        metavar="SOURCE_KEY",
        help="attach the document's text to this existing source and re-anchor its passages",
    )
    parser.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH_OR_URL",
        help="library to use (may also be given before the command)",
    )


def overrides_from(args: argparse.Namespace) -> MetadataOverrides:
    """The metadata given on the command line; a date is kept at the precision written."""
    published = None
    if args.published is not None:
        try:
            published = DateSpan.parse(args.published).start.to_edtf()
        except DateParseError as error:
            raise UserError(f"--published: {error}") from error
    authors = tuple(args.authors) if args.authors else None
    return MetadataOverrides(
        outlet=args.outlet, authors=authors, published=published, kind=args.kind
    )


def describe(outcome: ImportOutcome) -> str:
    """The line printed for one file."""
    line = outcome.describe()
    if outcome.status is ImportStatus.SIMILAR and outcome.source_key:
        line += f"; nothing imported: rerun with --attach-to {outcome.source_key}"
    return line


def run(args: argparse.Namespace) -> int:
    if args.attach_to and len(args.files) != 1:
        raise UserError("--attach-to takes exactly one file.")
    overrides = overrides_from(args)
    library = open_for_command(args)
    try:
        if args.attach_to:
            outcomes: tuple[ImportOutcome, ...] = (
                import_document(
                    library,
                    args.files[0],
                    overrides=overrides,
                    author=_user(),
                    attach_to=args.attach_to,
                ),
            )
        else:
            report = import_batch(
                library,
                args.files,
                overrides=overrides,
                author=_user(),
                near_match=NearMatchPolicy.OFFER,
                with_suggestions=True,
            )
            outcomes = report.outcomes
    finally:
        library.dispose()
    for outcome in outcomes:
        print(describe(outcome))
    return 1 if any(o.status is ImportStatus.FAILED for o in outcomes) else 0


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


IMPORT = Command("import", "import documents (txt, md, html, docx, pdf) as sources", configure, run)
