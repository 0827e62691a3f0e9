"""``parallax info``: where the library is, its schema revision and what it holds.

``--format json`` prints the same as one JSON object, for scripts."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from db.library import Library
from db.migrate import head_revision
from desktop.cli_commands.base import SubCommand, open_for_command

COUNTED = ("sources", "events", "passages", "codes", "codings", "claims", "notes")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def run(args: argparse.Namespace) -> int:
    library = open_for_command(args, create=False)
    try:
        facts = library_facts(library)
    finally:
        library.dispose()
    if args.format == "json":
        print(json.dumps(facts, ensure_ascii=False, indent=2))
    else:
        print_facts(facts)
    return 0


def library_facts(library: Library) -> dict[str, Any]:
    """Where ``library`` is, its engine, schema revision and counts, as plain data."""
    revision, head = library.revision(), head_revision()
    backup = library.backup_path
    return {
        "library": library.display_url,
        "engine": library.engine.dialect.name,
        "schema": {"revision": revision, "newest": head, "is_newest": revision == head},
        "counts": asdict(library.counts()),
        "backup": None if backup is None else str(backup),
    }


def print_facts(facts: dict[str, Any]) -> None:
    schema = facts["schema"]
    state = "newest" if schema["is_newest"] else f"newest is {schema['newest']}"
    print(f"library:   {facts['library']}")
    print(f"engine:    {facts['engine']}")
    print(f"schema:    {schema['revision']} ({state})")
    for name in COUNTED:
        print(f"{name + ':':<11}{facts['counts'][name]}")
    if facts["backup"] is not None:
        print(f"backup:    {facts['backup']} (written before upgrading the schema)")


INFO = SubCommand(
    "info", "show where the library is, its schema revision and counts", configure, run
)
