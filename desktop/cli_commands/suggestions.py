"""``parallax suggestions SOURCE_KEY``: the pending suggestions of one source, to review.

Each suggestion: its id (what ``parallax review`` takes), kind, the event proposed (key and
title) or the date of a new event, confidence, reasons, and the passage's text and offsets.
The review panel lists the same suggestions (both read ``review_suggestions``).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from db.errors import NotFoundError
from desktop.cli_commands.base import SubCommand, open_for_command
from desktop.core.importing import ReviewItem, review_suggestions
from desktop.errors import UserError

FORMATS = ("md", "json")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE_KEY", help="the source whose suggestions to list")
    parser.add_argument(
        "--kind",
        action="append",
        dest="kinds",
        metavar="KIND",
        help="only suggestions of this kind (link, new-event, ...; repeat for several)",
    )
    parser.add_argument("--format", choices=FORMATS, default="md", help="output format (md)")


def item_to_dict(item: ReviewItem) -> dict[str, Any]:
    """One suggestion as plain JSON values."""
    data: dict[str, Any] = {
        "id": item.id,
        "kind": item.kind,
        "ref": item.ref,
        "event_key": item.event_key,
        "event_title": item.event_title,
        "confidence": item.confidence,
        "reasons": list(item.reasons),
        "passage": {"start": item.start, "end": item.end, "text": item.excerpt},
    }
    if item.date_start is not None:
        data["date"] = {"start": item.date_start, "end": item.date_end, "text": item.date_display}
    extra = {k: v for k, v in item.payload.items() if not k.startswith("date_")}
    if extra:
        data["details"] = extra
    return data


def to_markdown(source_key: str, items: list[ReviewItem]) -> str:
    lines = [f"# Suggestions for {source_key}", ""]
    if not items:
        return "\n".join(lines + ["Nothing awaits review.", ""])
    for item in items:
        what = f"{item.event_title} ({item.event_key})" if item.event_key else item.date_display
        lines.append(f"## {item.id} · {item.kind} · {what} · {item.confidence:.0%}")
        lines.append("")
        lines.append(f"- why: {'; '.join(item.reasons)}")
        lines.append(f"- passage [{item.start}:{item.end}]: “{' '.join(item.excerpt.split())}”")
        lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    library = open_for_command(args, create=False)
    try:
        items = review_suggestions(library, args.source, kinds=args.kinds or ())
    except NotFoundError as error:
        raise UserError(str(error)) from error
    finally:
        library.dispose()
    if args.format == "json":
        payload = {"source": args.source, "suggestions": [item_to_dict(i) for i in items]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(to_markdown(args.source, items), end="")
    return 0


SUGGESTIONS = SubCommand(
    "suggestions", "list the suggestions of a source that await review", configure, run
)
