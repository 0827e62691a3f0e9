"""``parallax agreement --coders A,B``: how far two or more coders agree, and where they differ."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.errors import LibraryError
from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.agreement import Agreement
from desktop.core.team.agreement_data import TeamAgreement, agreement_in_library, write_csv
from desktop.errors import UserError


def _keys(text: str) -> list[str]:
    return [key.strip() for key in text.split(",") if key.strip()]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--coders",
        required=True,
        metavar="A,B,...",
        help="two or more coder names (comma-separated)",
    )
    parser.add_argument(
        "--sources", default="", metavar="KEY,...", help="only these sources (default: all)"
    )
    parser.add_argument(
        "--codes", default="", metavar="KEY,...", help="only these codes (default: all)"
    )
    parser.add_argument(
        "--csv",
        type=Path,
        metavar="OUT",
        help="write the disagreeing passages side by side to this CSV file",
    )


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_agreement(label: str, result: Agreement) -> str:
    return (
        f"{label:<32} {result.units:>9} {result.percent * 100:>8.1f}% "
        f"{_figure(result.kappa):>8} {_figure(result.alpha):>8}"
    )


def report_lines(agreement: TeamAgreement) -> list[str]:
    """The printed report: figures overall and per code, then the count of disagreements."""
    report = agreement.report
    lines = [
        f"Agreement of {', '.join(agreement.coders)} (characters at least one of them coded)",
        f"{'code':<32} {'chars':>9} {'agree':>9} {'kappa':>8} {'alpha':>8}",
        format_agreement("all codes", report.overall),
    ]
    lines += [format_agreement(code, result) for code, result in report.by_code.items()]
    lines.append(f"{len(agreement.disagreements)} disagreeing passages of text")
    return lines


def run(args: argparse.Namespace) -> int:
    coders = _keys(args.coders)
    library = open_for_command(args, create=False)
    try:
        if args.csv is not None:
            library.refuse_output(args.csv)
        agreement = agreement_in_library(library, coders, _keys(args.sources), _keys(args.codes))
    except (ValueError, LibraryError) as error:
        raise UserError(str(error)) from error
    finally:
        library.dispose()
    print("\n".join(report_lines(agreement)))
    if args.csv is not None:
        try:
            rows = write_csv(agreement, args.csv)
        except OSError as error:
            raise UserError(f"Cannot write {args.csv}: {error.strerror}") from error
        print(f"Wrote {rows} disagreements to {args.csv}")
    return 0


AGREEMENT = SubCommand(
    "agreement",
    "inter-coder agreement (percent, Cohen's kappa, Krippendorff's alpha) and disagreements",
    configure,
    run,
)
