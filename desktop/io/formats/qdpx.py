"""Export a library as a REFI-QDA project (.qdpx) for QDA software (MAXQDA, NVivo, ATLAS.ti,
QualCoder); ``import_qdpx`` (implemented in ``qdpx_import``) reads one back.

The zip holds ``project.qde`` (namespace ``urn:QDA-XML:project:1.0``, valid against the REFI-QDA
Project XSD) and one ``sources/<guid>.txt`` per source, referenced as ``internal://<guid>.txt``.
Mapping: coders and note authors are Users; codes are the CodeBook (hierarchy and colours kept;
definition, include, exclude and example in the Description); sources are TextSources with
passages as PlainTextSelections (``name`` = passage key) carrying Codings; events are Cases
referring to the sources and selections that speak about them; notes are Notes referenced from
their selection, source or code (event notes from the project).

Sources without full text (the bundled dataset does not distribute third-party texts) are
exported with an *excerpts text*: their passages' quotes in offset order, separated by
``EXCERPT_SEPARATOR``, and selections positioned in that text; the source Description says so.
Positions are code points of the exported text. Output is byte-for-byte reproducible.
"""

from __future__ import annotations

import os
import zipfile
from xml.etree import ElementTree as ET

from desktop.io.formats.atomic import atomic_path
from desktop.io.formats.bundle import Bundle, PassageData, SourceData
from desktop.io.formats.integrity import check_integrity
from desktop.io.formats.qdpx_common import EXCERPTS_NOTICE, NS, PARALLAX_USER, guid, q
from desktop.io.formats.qdpx_elements import (
    cases_element,
    codebook_element,
    notes_by_target,
    notes_element,
    sub,
    users_element,
)
from desktop.io.formats.qdpx_import import import_qdpx

__all__ = [
    "EXCERPTS_NOTICE",
    "EXCERPT_SEPARATOR",
    "export_qdpx",
    "import_qdpx",
    "source_text_and_positions",
]

EXCERPT_SEPARATOR = "\n\n[\u2026]\n\n"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def source_text_and_positions(
    source: SourceData, passages: list[PassageData]
) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text exported for a source and each passage's (start, end) in it."""
    if source.text is not None:
        return source.text, {p.key: (p.start, p.end) for p in passages}
    parts: list[str] = []
    positions: dict[str, tuple[int, int]] = {}
    offset = 0
    for passage in sorted(passages, key=lambda p: (p.start, p.end, p.key)):
        if parts:
            parts.append(EXCERPT_SEPARATOR)
            offset += len(EXCERPT_SEPARATOR)
        parts.append(passage.quote)
        positions[passage.key] = (offset, offset + len(passage.quote))
        offset += len(passage.quote)
    return "".join(parts), positions


def _source_description(source: SourceData) -> str:
    lines = [
        f"{label}: {value}"
        for label, value in (
            ("Outlet", source.outlet),
            ("Short label", source.label),
            ("Colour", source.color),
            ("Authors", ", ".join(source.authors)),
            ("Published", source.published or ""),
            ("URL", source.url),
            ("Kind", source.kind),
            ("Language", source.language),
            ("Parallax key", source.key),
        )
        if value
    ]
    if source.text is None:
        lines.append(EXCERPTS_NOTICE)
    return "\n".join(lines)


def _selection(
    parent: ET.Element, passage: PassageData, span: tuple[int, int], note_refs: list[str]
) -> None:
    element = sub(
        parent,
        "PlainTextSelection",
        guid=guid("passage", passage.key),
        name=passage.key,
        startPosition=str(span[0]),
        endPosition=str(span[1]),
        creatingUser=guid("user", PARALLAX_USER),
    )
    if passage.notes:
        sub(element, "Description").text = passage.notes
    for coding in passage.codings:
        coding_element = sub(
            element,
            "Coding",
            guid=guid("coding", f"{passage.key}/{coding.code}/{coding.coder}"),
            creatingUser=guid("user", coding.coder),
        )
        sub(coding_element, "CodeRef", targetGUID=guid("code", coding.code))
    for note_guid in note_refs:
        sub(element, "NoteRef", targetGUID=note_guid)


def _sources_element(root: ET.Element, bundle: Bundle, files: dict[str, str]) -> None:
    if not bundle.sources:
        return
    refs = notes_by_target(bundle)
    sources = sub(root, "Sources")
    for source in bundle.sources:
        passages = [p for p in bundle.passages if p.source == source.key]
        text, positions = source_text_and_positions(source, passages)
        source_guid = guid("source", source.key)
        files[f"sources/{source_guid}.txt"] = text
        element = sub(
            sources,
            "TextSource",
            guid=source_guid,
            name=source.title,
            plainTextPath=f"internal://{source_guid}.txt",
            creatingUser=guid("user", PARALLAX_USER),
        )
        sub(element, "Description").text = _source_description(source)
        for passage in passages:
            note_refs = refs.get(("passage", passage.key), [])
            _selection(element, passage, positions[passage.key], note_refs)
        for note_guid in refs.get(("source", source.key), []):
            sub(element, "NoteRef", targetGUID=note_guid)


def project_document(bundle: Bundle) -> tuple[bytes, dict[str, str]]:
    """The project.qde bytes and the source text files (zip name -> text)."""
    ET.register_namespace("", NS)
    root = ET.Element(
        q("Project"),
        name=bundle.meta.title,
        origin="Parallax",
        creatingUserGUID=guid("user", PARALLAX_USER),
    )
    files: dict[str, str] = {}
    users_element(root, bundle)
    codebook_element(root, bundle)
    cases_element(root, bundle)
    _sources_element(root, bundle, files)
    notes_element(root, bundle)
    if bundle.meta.description:
        sub(root, "Description").text = bundle.meta.description
    for note in bundle.notes:
        if note.target.kind == "event":
            sub(root, "NoteRef", targetGUID=guid("note", note.key))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True), files


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def export_qdpx(bundle: Bundle, path: str | os.PathLike[str]) -> None:
    """Write ``bundle`` as a .qdpx zip at ``path`` (atomically; ``FormatError`` if unsound)."""
    check_integrity(bundle)
    project, files = project_document(bundle)
    with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w") as archive:
        _add(archive, "project.qde", project)
        for name in sorted(files):
            _add(archive, name, files[name].encode("utf-8"))
