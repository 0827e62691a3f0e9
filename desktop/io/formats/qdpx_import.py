"""Read a REFI-QDA project (.qdpx) into sources, codes, passages and their notes.

Text sources are read from ``PlainTextContent`` or from ``internal://`` files in the zip's
``sources`` folder; PDF, picture, audio and video sources are not read. Each
``PlainTextSelection`` becomes a passage (its ``name`` is used as the key when it is a valid
key, as Parallax writes it), with codings from its ``Coding`` elements and coders from Users.
Code keys are made from code names. Source metadata that Parallax wrote into the Description
(outlet, URL, published, ...) is read back. Cases are not turned into events (they have no
dates). The result is a checked ``Bundle`` or ``FormatError`` naming the element and field.
Files are read from the zip by name; nothing is extracted to disk.
"""

from __future__ import annotations

import os
import zipfile
from xml.etree import ElementTree as ET

from desktop.io.formats.bundle import (
    Bundle,
    CodeData,
    CodingData,
    MetaData,
    NoteData,
    NoteTargetData,
    PassageData,
    SourceData,
)
from desktop.io.formats.errors import FormatError
from desktop.io.formats.integrity import check_integrity
from desktop.io.formats.keys import KeyMaker
from desktop.io.formats.qdpx_common import NS, q
from desktop.io.formats.qdpx_metadata import notes_from_project, source_fields
from desktop.io.limits import ZipBudget

__all__ = ["import_qdpx"]

_DEFAULT_COLOR = "#808080"
_CONTEXT = 32


class _Reader:
    def __init__(self, archive: ZipBudget, root: ET.Element) -> None:
        self.archive, self.root = archive, root
        self.users = {u.get("guid", ""): u.get("name") or "unknown" for u in root.iter(q("User"))}
        self.code_keys: dict[str, str] = {}
        self.codes: list[CodeData] = []
        self.passages: list[PassageData] = []
        self.note_targets: dict[str, NoteTargetData] = {}
        self._code_maker, self._passage_maker = KeyMaker("code"), KeyMaker("passage")

    def read_codes(self, parent: ET.Element, parent_key: str | None) -> None:
        for position, element in enumerate(parent.findall(q("Code"))):
            name = element.get("name") or "Unnamed code"
            key = self._code_maker.take(name)
            self.code_keys[element.get("guid", "")] = key
            description = element.findtext(q("Description")) or ""
            self.codes.append(
                CodeData(
                    key=key,
                    name=name,
                    parent=parent_key,
                    color=_color(element.get("color")),
                    definition=description,
                    position=position,
                )
            )
            self._remember_notes(element, "code", key)
            self.read_codes(element, key)

    def _remember_notes(self, element: ET.Element, kind: str, key: str) -> None:
        for ref in element.findall(q("NoteRef")):
            self.note_targets[ref.get("targetGUID", "")] = NoteTargetData(kind=kind, key=key)

    def source_text(self, element: ET.Element, where: str) -> str:
        content = element.find(q("PlainTextContent"))
        if content is not None:
            return content.text or ""
        path = element.get("plainTextPath", "")
        if not path.startswith("internal://"):
            raise FormatError(f"{where}: field 'plainTextPath': only internal:// texts are read")
        name = "sources/" + path.removeprefix("internal://")
        problem = f"{where}: field 'plainTextPath': {name}"
        try:
            return self.archive.read(name).decode("utf-8-sig")  # within the zip's budget
        except KeyError:
            raise FormatError(f"{problem} is not in the file") from None
        except UnicodeDecodeError as exc:
            raise FormatError(f"{problem} is not UTF-8") from exc

    def read_selection(self, element: ET.Element, source_key: str, text: str) -> None:
        where = f"PlainTextSelection {element.get('guid', '?')}"
        start = _position(element, "startPosition", where)
        end = _position(element, "endPosition", where)
        if not 0 <= start < end <= len(text):
            raise FormatError(
                f"{where}: field 'endPosition': {start}..{end} is not inside the "
                f"text of {len(text)} characters"
            )
        key = self._passage_maker.take(element.get("name") or f"{source_key}-{start}")
        codings = []
        for coding in element.findall(q("Coding")):
            target = coding.find(q("CodeRef"))
            code_key = self.code_keys.get("" if target is None else target.get("targetGUID", ""))
            if code_key is None:
                raise FormatError(f"{where}: field 'Coding/CodeRef': unknown code")
            coder = self.users.get(coding.get("creatingUser", ""), "unknown")
            codings.append(CodingData(code=code_key, coder=coder))
        self.passages.append(
            PassageData(
                key=key,
                source=source_key,
                start=start,
                end=end,
                quote=text[start:end],
                prefix=text[max(0, start - _CONTEXT) : start],
                suffix=text[end : end + _CONTEXT],
                codings=tuple(dict.fromkeys(codings)),
                notes=element.findtext(q("Description")) or "",
            )
        )
        self._remember_notes(element, "passage", key)

    def read_sources(self) -> list[SourceData]:
        sources: list[SourceData] = []
        source_maker = KeyMaker("source")
        for index, element in enumerate(self.root.iter(q("TextSource"))):
            where = f"TextSource {element.get('name') or index}"
            text = self.source_text(element, where)
            fields = source_fields(element.findtext(q("Description")) or "")
            key = source_maker.take(str(fields.pop("key", "") or element.get("name") or "source"))
            title = element.get("name") or key
            sources.append(SourceData(key=key, title=title, text=text, **fields))  # type: ignore[arg-type]
            for selection in element.findall(q("PlainTextSelection")):
                self.read_selection(selection, key, text)
            self._remember_notes(element, "source", key)
        return sources


def _color(value: str | None) -> str:
    if not value:
        return _DEFAULT_COLOR
    digits = value.lstrip("#").lower()
    if len(digits) == 3:
        digits = "".join(char * 2 for char in digits)
    return f"#{digits}" if len(digits) == 6 else _DEFAULT_COLOR


def _position(element: ET.Element, name: str, where: str) -> int:
    try:
        return int(element.get(name, ""))
    except ValueError:
        raise FormatError(f"{where}: field '{name}': not a whole number") from None


def _open_project(archive: ZipBudget) -> ET.Element:
    try:
        data = archive.read("project.qde")
    except KeyError:
        raise FormatError("the .qdpx file has no project.qde") from None
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FormatError(f"project.qde: not well-formed XML: {exc}") from exc
    if root.tag != q("Project"):
        raise FormatError(f"project.qde: the root element is not a {NS} Project")
    return root


def import_qdpx(path: str | os.PathLike[str]) -> Bundle:
    """Sources, codes, passages and notes of a .qdpx file as a checked ``Bundle``."""
    try:
        with zipfile.ZipFile(path) as zipped:
            archive = ZipBudget(zipped, FormatError)
            root = _open_project(archive)
            reader = _Reader(archive, root)
            codebook = root.find(f"{q('CodeBook')}/{q('Codes')}")
            if codebook is not None:
                reader.read_codes(codebook, None)
            sources = reader.read_sources()
    except (OSError, zipfile.BadZipFile) as exc:
        raise FormatError(f"cannot read {path} as a .qdpx (zip) file: {exc}") from exc
    notes: tuple[NoteData, ...] = notes_from_project(root, reader.note_targets, reader.users)
    meta = MetaData(
        title=root.get("name") or "Imported project",
        description=root.findtext(q("Description")) or "",
    )
    bundle = Bundle(
        meta=meta,
        sources=tuple(sources),
        codes=tuple(reader.codes),
        passages=tuple(reader.passages),
        notes=notes,
    )
    check_integrity(bundle)
    return bundle
