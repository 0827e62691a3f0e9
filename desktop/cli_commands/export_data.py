"""``parallax export-data OUT [--format F]``: the whole library in an open data format.

Formats: ``json`` (the Parallax library document), ``csv`` (events.csv, passages.csv and
codings.csv in the folder OUT, or in one zip when OUT ends in .zip), ``timelinejs-json``,
``timelinejs-csv``, ``qdpx`` (REFI-QDA) and ``coverage-csv`` (events x sources: passage counts
and leading frame per source). Without ``--format`` the name decides: .json, .qdpx, .zip or a
folder. Files are written atomically: a failed write leaves no half-written file.
"""

from __future__ import annotations

import argparse

from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.exchange.exporting import export_library
from desktop.core.exchange.failures import EXPECTED_FAILURES, failure_message
from desktop.core.exchange.formats import EXPORT_FORMATS, guess_export_format
from desktop.errors import UserError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="file, folder (csv) or .zip (csv) to write")
    parser.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help="data format (default: from OUT's extension: .json, .qdpx, .zip or a folder)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        fmt = args.format or guess_export_format(args.out)
    except EXPECTED_FAILURES as error:
        raise UserError(failure_message(error)) from error
    library = open_for_command(args, create=False)
    try:
        outcome = export_library(library, args.out, fmt)
    except EXPECTED_FAILURES as error:
        raise UserError(failure_message(error)) from error
    finally:
        library.dispose()
    print(outcome.summary())
    return 0


EXPORT_DATA = SubCommand(
    "export-data",
    "export the library as JSON, CSV tables, TimelineJS, REFI-QDA (.qdpx) or coverage CSV",
    configure,
    run,
)
