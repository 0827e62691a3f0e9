"""``parallax export-report QUERY OUT.(html|pdf)``: the comparison of one event as a report.

The report holds the event header, the facts in dispute, the frames matrix (frames by source),
one pane per source with its passages and codes and the blind spots; each source's distinctive
terms with ``--terms`` and the whole-library coverage matrix with ``--coverage``. HTML is one
self-contained page; PDF lays that page out on A4 (``--page`` to change; the panes two by two,
so an event with five sources fits in three pages) and needs no display (Qt runs offscreen
when there is none). The coverage matrix alone as CSV is ``parallax export-data OUT.csv
--format coverage-csv``.
"""

from __future__ import annotations

import argparse

from db.errors import LibraryError
from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.compare import comparison_to_html
from desktop.core.exchange.failures import EXPECTED_FAILURES, failure_message
from desktop.core.exchange.report import (
    load_comparison,
    report_format,
    source_labels,
    write_report_html,
)
from desktop.errors import UserError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help="an event key, or words of its title")
    parser.add_argument("out", metavar="OUT", help="report file to write: .html or .pdf")
    parser.add_argument(
        "--sources", metavar="KEY,...", default="", help="only these sources (comma-separated)"
    )
    parser.add_argument(
        "--page", choices=("A4", "A3", "letter"), default="A4", help="PDF page size (default A4)"
    )
    parser.add_argument(
        "--coverage", action="store_true", help="add the whole-library coverage table"
    )
    parser.add_argument("--terms", action="store_true", help="add each source's distinctive terms")


def run(args: argparse.Namespace) -> int:
    try:
        fmt = report_format(args.out)
    except EXPECTED_FAILURES as error:
        raise UserError(failure_message(error)) from error
    keys = [k.strip() for k in args.sources.split(",") if k.strip()]
    library = open_for_command(args, create=False)
    try:
        library.refuse_output(args.out)
        comparison = load_comparison(library, args.query, keys)
        labels = source_labels(library)
    except (LookupError, LibraryError) as error:
        raise UserError(str(error)) from error
    finally:
        library.dispose()
    try:
        if fmt == "html":
            write_report_html(comparison, args.out, args.coverage, labels, args.terms)
            print(f"Wrote the comparison of {comparison.event.title!r} to {args.out}")
            return 0
        from desktop.rendering.report_pdf import write_html_pdf

        title = f"{comparison.event.title}: compared"
        html = comparison_to_html(comparison, args.coverage, labels, args.terms, paged=True)
        pages = write_html_pdf(html, args.out, title, args.page)
    except EXPECTED_FAILURES as error:
        raise UserError(failure_message(error)) from error
    print(f"Wrote the comparison of {comparison.event.title!r} to {args.out} ({pages} pages)")
    return 0


EXPORT_REPORT = SubCommand(
    "export-report",
    "write the comparison of one event as a self-contained HTML or PDF report",
    configure,
    run,
)
