"""Building blocks of project.qde: users, code book, cases and notes (ElementTree elements).

Element order follows the REFI-QDA Project XSD; empty containers are left out because the XSD
requires at least one child in each.
"""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree as ET

from desktop.io.formats.bundle import Bundle, CodeData
from desktop.io.formats.qdpx_common import PARALLAX_USER, guid, q

__all__ = [
    "cases_element",
    "code_description",
    "codebook_element",
    "notes_by_target",
    "notes_element",
    "sub",
    "users_element",
    "xsd_datetime",
]


def sub(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    """Append a child in the project namespace."""
    return ET.SubElement(parent, q(tag), attributes)


def xsd_datetime(timestamp: str) -> str:
    """An ISO 8601 date or date-time as xsd:dateTime ("2026-11-01" -> "2026-11-01T00:00:00")."""
    return datetime.fromisoformat(timestamp.replace(" ", "T")).isoformat()


def notes_by_target(bundle: Bundle) -> dict[tuple[str, str], list[str]]:
    """Note GUIDs grouped by (target kind, target key)."""
    refs: dict[tuple[str, str], list[str]] = {}
    for note in bundle.notes:
        refs.setdefault((note.target.kind, note.target.key), []).append(guid("note", note.key))
    return refs


def users_element(root: ET.Element, bundle: Bundle) -> None:
    """Users: Parallax itself, every coder and every note author."""
    names = [PARALLAX_USER]
    names += [c.coder for p in bundle.passages for c in p.codings]
    names += [n.author for n in bundle.notes if n.author]
    users = sub(root, "Users")
    for name in dict.fromkeys(names):
        sub(users, "User", guid=guid("user", name), name=name)


def code_description(code: CodeData) -> str:
    """The definition, then include/exclude/example lines when present."""
    lines = [code.definition] if code.definition else []
    for label, value in (
        ("Include", code.include),
        ("Exclude", code.exclude),
        ("Example", code.example),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


def _code(
    parent: ET.Element,
    code: CodeData,
    children: dict[str | None, list[CodeData]],
    refs: dict[tuple[str, str], list[str]],
) -> None:
    element = sub(
        parent,
        "Code",
        guid=guid("code", code.key),
        name=code.name,
        isCodable="true",
        color=code.color,
    )
    description = code_description(code)
    if description:
        sub(element, "Description").text = description
    for note_guid in refs.get(("code", code.key), []):
        sub(element, "NoteRef", targetGUID=note_guid)
    for child in children.get(code.key, []):
        _code(element, child, children, refs)


def codebook_element(root: ET.Element, bundle: Bundle) -> None:
    """CodeBook/Codes as a tree, siblings ordered by position, then file order."""
    if not bundle.codes:
        return
    children: dict[str | None, list[CodeData]] = {}
    for code in sorted(bundle.codes, key=lambda c: c.position):
        children.setdefault(code.parent, []).append(code)
    codes = sub(sub(root, "CodeBook"), "Codes")
    refs = notes_by_target(bundle)
    for code in children.get(None, []):
        _code(codes, code, children, refs)


def cases_element(root: ET.Element, bundle: Bundle) -> None:
    """One Case per event, referring to the sources and selections linked to it."""
    if not bundle.events:
        return
    cases = sub(root, "Cases")
    for event in bundle.events:
        element = sub(cases, "Case", guid=guid("event", event.key), name=event.title)
        dates = event.start + (f"/{event.end}" if event.end else "")
        sub(element, "Description").text = "\n".join(
            part for part in (f"Date (EDTF): {dates}", event.summary) if part
        )
        linked = [p for p in bundle.passages if any(link.event == event.key for link in p.events)]
        for source_key in dict.fromkeys(p.source for p in linked):
            sub(element, "SourceRef", targetGUID=guid("source", source_key))
        for passage in linked:
            sub(element, "SelectionRef", targetGUID=guid("passage", passage.key))


def notes_element(root: ET.Element, bundle: Bundle) -> None:
    """Notes, each a Note with its Markdown body as plain text content."""
    if not bundle.notes:
        return
    notes = sub(root, "Notes")
    for note in bundle.notes:
        element = sub(
            notes,
            "Note",
            guid=guid("note", note.key),
            name=note.key,
            creatingUser=guid("user", note.author or PARALLAX_USER),
            creationDateTime=xsd_datetime(note.created),
            modifiedDateTime=xsd_datetime(note.updated),
        )
        sub(element, "PlainTextContent").text = note.body
