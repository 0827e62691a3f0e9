"""``parallax import-data FILE [--format F] [--rename]``: add a file's records to the library.

Reads the Parallax library JSON, our CSV tables (a folder, a zip or events.csv), TimelineJS JSON
or spreadsheet CSV (groups become lanes), REFI-QDA .qdpx, or any CSV of events with title and
date columns (``events-csv``). The format is guessed from the name and content when omitted.
The import is one transaction: all of it or nothing. A record whose key is already in the
library is skipped when identical; when it differs the import is refused, naming every such
record, unless ``--rename`` is given: then the incoming records get fresh keys (``key-2``...) and
the incoming references follow them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.exchange.failures import EXPECTED_FAILURES, failure_message
from desktop.core.exchange.formats import IMPORT_FORMATS, guess_import_format
from desktop.core.exchange.importing import import_file
from desktop.errors import UserError
from desktop.io.formats.errors import FormatError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="file (or csv folder) to import")
    parser.add_argument(
        "--format", choices=IMPORT_FORMATS, help="data format (default: recognised from FILE)"
    )
    parser.add_argument(
        "--rename",
        action="store_true",
        help="give incoming records whose key exists with other content a fresh key "
        "(default: refuse the import and name them)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        fmt = args.format or guess_import_format(args.file)
    except FormatError as error:
        raise UserError(_named(args.file, error)) from error
    except EXPECTED_FAILURES as error:
        raise UserError(failure_message(error, "read")) from error
    library = open_for_command(args, create=True)
    try:
        outcome = import_file(library, args.file, fmt, rename=args.rename, author="import")
    except FormatError as error:
        raise UserError(_named(args.file, error)) from error
    except EXPECTED_FAILURES as error:
        raise UserError(failure_message(error, "read")) from error
    finally:
        library.dispose()
    print(outcome.summary())
    for (kind, old), new in sorted(outcome.plan.renamed.items()):
        print(f"  {kind[:-1]} {old} -> {new}")
    return 0


def _named(file: str, error: FormatError) -> str:
    """The error's message, starting with the file's name (once)."""
    name, text = Path(file).name, str(error)
    return text if name in text.split(":", 1)[0] else f"{name}: {text}"


IMPORT_DATA = SubCommand(
    "import-data",
    "import JSON, CSV, TimelineJS or .qdpx into the library (one transaction)",
    configure,
    run,
)
