"""``parallax import FILE|DIR...``: add documents to a library, one line of outcome per file.

A folder gives its documents of the supported kinds (``--recursive``: also in sub-folders), in
name order. A file whose bytes or text are already a source's attaches to it (or is reported as
a duplicate); a file that only looks like a source is not imported: the line says which source
and how to attach it (``--attach-to``). Each new or attached source gets its suggestions
stored, awaiting review (``parallax suggestions``). ``--format json`` prints one object per
file. Exit status 0 when no file failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import getpass
import json
import re
from pathlib import Path

from db.library import Library
from db.records import SOURCE_KINDS
from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.importing import (
    ImportOutcome,
    ImportStatus,
    MetadataOverrides,
    NearMatchPolicy,
    import_batch,
    import_document,
)
from desktop.errors import UserError
from desktop.io.documents import SUPPORTED_EXTENSIONS
from desktop.model.dates import DateParseError, DateSpan


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="FILE|DIR", help="documents or folders to import"
    )
    parser.add_argument(
        "--recursive", action="store_true", help="also import documents in sub-folders"
    )
    parser.add_argument(
        "--language", metavar="L", help="the documents' language (ISO 639-1, e.g. ru), not detected"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--no-assist",
        action="store_true",
        help="do not suggest passages, claims and codes (assisted reading) after importing",
    )
    parser.add_argument("--coder", metavar="NAME", help="learn suggested codes from this coder")
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


def overrides_from(args: argparse.Namespace) -> MetadataOverrides:
    """The metadata given on the command line; a date is kept at the precision written."""
    published = None
    if args.published is not None:
        try:
            published = DateSpan.parse(args.published).start.to_edtf()
        except DateParseError as error:
            raise UserError(f"--published: {error}") from error
    authors = tuple(args.authors) if args.authors else None
    language = getattr(args, "language", None)
    if language is not None and not re.fullmatch(r"[a-z]{2,3}", language):
        raise UserError(f"--language: '{language}' is not a language code such as en, ru, uk.")
    return MetadataOverrides(
        outlet=args.outlet,
        authors=authors,
        published=published,
        kind=args.kind,
        language=language,
    )


def expand(paths: list[Path], recursive: bool) -> list[Path]:
    """Files as given; folders replaced by their supported documents, in name order."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        walk = path.rglob("*") if recursive else path.glob("*")
        found += sorted(p for p in walk if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS)
    return found


def outcome_to_dict(
    outcome: ImportOutcome, assisted: dict[str, dict[str, int]] | None = None
) -> dict[str, object]:
    """One file's result as JSON values: file, source key, status, suggestions by kind
    (with the assisted reading's passages, claims and codes when given)."""
    suggested = dict(outcome.suggested)
    suggested |= (assisted or {}).get(outcome.source_key or "", {})
    return {
        "file": outcome.file_name,
        "source_key": outcome.source_key,
        "status": outcome.status.value,
        "reason": outcome.reason,
        "suggestions": suggested,
    }


def assist(
    library: Library, outcomes: tuple[ImportOutcome, ...], coder: str | None
) -> dict[str, dict[str, int]]:
    """Assisted reading for the sources just imported or attached: their pending passage,
    claim and code suggestions counted by kind."""
    from desktop.core.assist.acceptors import KINDS
    from desktop.core.assist.storing import assist_sources  # scikit-learn: only when used

    done = (ImportStatus.IMPORTED, ImportStatus.ATTACHED)
    keys = [o.source_key for o in outcomes if o.status in done and o.source_key]
    assist_sources(library, keys, coder=coder)
    counts: dict[str, dict[str, int]] = {}
    with library.unit_of_work() as uow:
        for key in keys:
            found = uow.suggestions.for_source(key, kinds=KINDS)
            counts[key] = {kind: sum(1 for s in found if s.kind == kind) for kind in KINDS}
    return counts


def describe(outcome: ImportOutcome) -> str:
    """The line printed for one file."""
    line = outcome.describe()
    if outcome.status is ImportStatus.SIMILAR and outcome.source_key:
        line += f"; nothing imported: rerun with --attach-to {outcome.source_key}"
    return line


def run(args: argparse.Namespace) -> int:
    files = expand(args.files, args.recursive)
    if not files:
        raise UserError("No documents to import in the folders given.")
    if args.attach_to and len(files) != 1:
        raise UserError("--attach-to takes exactly one file.")
    overrides = overrides_from(args)
    library = open_for_command(args, create=True)
    try:
        if args.attach_to:
            outcomes: tuple[ImportOutcome, ...] = (
                import_document(
                    library,
                    files[0],
                    overrides=overrides,
                    author=_user(),
                    attach_to=args.attach_to,
                    suggest=True,
                ),
            )
        else:
            report = import_batch(
                library,
                files,
                overrides=overrides,
                author=_user(),
                near_match=NearMatchPolicy.OFFER,
                with_suggestions=True,
            )
            outcomes = report.outcomes
        assisted = {} if args.no_assist else assist(library, outcomes, args.coder)
    finally:
        library.dispose()
    if args.format == "json":
        rows = [outcome_to_dict(o, assisted) for o in outcomes]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for outcome in outcomes:
            line = describe(outcome)
            extra = assisted.get(outcome.source_key or "", {})
            if any(extra.values()):
                line += "; assisted: " + ", ".join(f"{n} {k}" for k, n in extra.items())
            print(line)
    return 1 if any(o.status is ImportStatus.FAILED for o in outcomes) else 0


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


IMPORT = SubCommand(
    "import", "import documents (txt, md, html, docx, pdf) as sources", configure, run
)
