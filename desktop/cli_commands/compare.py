"""``parallax compare QUERY``: how the sources frame one event, as JSON, Markdown or HTML."""

from __future__ import annotations

import argparse
import json

from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.compare import (
    comparison_to_dict,
    comparison_to_html,
    comparison_to_markdown,
)
from desktop.core.compare.from_library import (
    AmbiguousEventError,
    EventNotFoundError,
    SourceNotFoundError,
    compare_in_library,
)
from desktop.core.compare.model import Comparison
from desktop.errors import UserError

FORMATS = ("md", "json", "html")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        metavar="QUERY",
        help="an event key, or words of its title, aliases, actors, tags, places or summary",
    )
    parser.add_argument(
        "--first", action="store_true", help="when several events match, take the best one"
    )
    parser.add_argument(
        "--sources",
        metavar="KEY,...",
        default="",
        help="compare only these sources (comma-separated source keys)",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="md", help="output format (default: md)"
    )


def render(comparison: Comparison, fmt: str) -> str:
    """The comparison in the chosen format, ending with a newline."""
    if fmt == "json":
        return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return comparison_to_html(comparison)
    return comparison_to_markdown(comparison)


def run(args: argparse.Namespace) -> int:
    keys = [k.strip() for k in args.sources.split(",") if k.strip()]
    library = open_for_command(args, create=False)
    try:
        comparison = compare_in_library(library, args.query, keys, first=args.first)
    except (EventNotFoundError, AmbiguousEventError, SourceNotFoundError) as error:
        raise UserError(str(error)) from error
    finally:
        library.dispose()
    text = render(comparison, args.format)
    print(text, end="" if text.endswith("\n") else "\n")
    return 0


COMPARE = SubCommand(
    "compare",
    "compare how the sources frame one event (panes, frames, facts, blind spots, words)",
    configure,
    run,
)
