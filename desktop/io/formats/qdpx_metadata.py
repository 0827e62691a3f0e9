"""Small readers for project.qde parts: source metadata lines and notes."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from desktop.io.formats.bundle import NoteData, NoteTargetData
from desktop.io.formats.keys import KeyMaker, is_key
from desktop.io.formats.qdpx_common import EXCERPTS_NOTICE, q
from desktop.model.dates import DateParseError, HistDate

__all__ = ["notes_from_project", "source_fields"]

_SOURCE_KINDS = frozenset(
    {
        "news",
        "analysis",
        "op-ed",
        "commentary",
        "digest",
        "policy-report",
        "official-statement",
        "other",
    }
)
_LABELS = {
    "Outlet": "outlet",
    "Short label": "label",
    "Colour": "color",
    "Authors": "authors",
    "Published": "published",
    "URL": "url",
    "Kind": "kind",
    "Language": "language",
    "Parallax key": "key",
}


def _valid(field: str, value: str) -> bool:
    if field == "published":
        try:
            HistDate.parse_edtf(value)
        except DateParseError:
            return False
    checks = {
        "kind": value in _SOURCE_KINDS,
        "key": is_key(value),
        "color": re.fullmatch(r"#[0-9a-fA-F]{6}", value) is not None,
        "label": len(value) <= 80,
    }
    return checks.get(field, True)


def source_fields(description: str) -> dict[str, object]:
    """Source fields from "Label: value" lines as Parallax writes them; invalid values dropped.

    The result may hold ``key`` (the original source key), which is not a SourceData field; the
    excerpts notice becomes the source's notes.
    """
    fields: dict[str, object] = {}
    for line in description.splitlines():
        if line == EXCERPTS_NOTICE:
            fields["notes"] = line
            continue
        label, _, value = line.partition(": ")
        field = _LABELS.get(label)
        if field is None or not value.strip() or not _valid(field, value.strip()):
            continue
        value = value.strip()
        fields[field] = tuple(a.strip() for a in value.split(",")) if field == "authors" else value
    return fields


def _timestamp(value: str | None) -> str:
    if value:
        try:
            return datetime.fromisoformat(value).isoformat()
        except ValueError:
            pass
    return datetime(1970, 1, 1, tzinfo=UTC).isoformat()


def notes_from_project(
    root: ET.Element, targets: dict[str, NoteTargetData], users: dict[str, str]
) -> tuple[NoteData, ...]:
    """Notes referenced from a selection, source or code; other notes are not imported."""
    notes: list[NoteData] = []
    maker = KeyMaker("note")
    for element in root.iter(q("Note")):
        target = targets.get(element.get("guid", ""))
        if target is None:
            continue
        created = _timestamp(element.get("creationDateTime"))
        notes.append(
            NoteData(
                key=maker.take(element.get("name") or "note"),
                target=target,
                body=element.findtext(q("PlainTextContent")) or "",
                author=users.get(element.get("creatingUser", ""), ""),
                created=created,
                updated=_timestamp(element.get("modifiedDateTime")) or created,
            )
        )
    return tuple(notes)
