"""REFI-QDA export validates against the public Project XSD and imports back."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from desktop.io.formats import FormatError
from desktop.io.formats.bundle import Bundle, PassageData
from desktop.io.formats.qdpx import EXCERPT_SEPARATOR, export_qdpx, import_qdpx
from desktop.io.formats.qdpx_common import NS
from tests.io.formats.conftest import FIXTURES

XSD = FIXTURES / "Project-mrt2019.xsd"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def _project(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def test_exported_project_is_valid_against_the_xsd(
    bundle: Bundle, tmp_path: Path, schema: etree.XMLSchema
) -> None:
    path = tmp_path / "library.qdpx"
    export_qdpx(bundle, path)
    project = _project(path)
    assert schema.validate(project), schema.error_log
    assert project.tag == f"{{{NS}}}Project"


def test_the_xsd_catches_a_broken_project(
    bundle: Bundle, tmp_path: Path, schema: etree.XMLSchema
) -> None:
    path = tmp_path / "library.qdpx"
    export_qdpx(bundle, path)
    project = _project(path)
    selection = project.find(f".//{{{NS}}}PlainTextSelection")
    assert selection is not None
    del selection.attrib["startPosition"]
    assert not schema.validate(project)


def test_zip_layout_texts_and_positions(bundle: Bundle, tmp_path: Path) -> None:
    path = tmp_path / "library.qdpx"
    export_qdpx(bundle, path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        project = etree.fromstring(archive.read("project.qde"))
        ns = {"q": NS}
        for source in project.iterfind(".//q:TextSource", ns):
            text_name = "sources/" + source.get("plainTextPath").removeprefix("internal://")
            assert text_name in names
            text = archive.read(text_name).decode("utf-8")
            for selection in source.iterfind("q:PlainTextSelection", ns):
                passage = next(p for p in bundle.passages if p.key == selection.get("name"))
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                assert text[start:end] == passage.quote
    assert names[0] == "project.qde" and len(names) == 1 + len(bundle.sources)
    codes = project.findall(".//q:Code", ns)
    top = project.findall("q:CodeBook/q:Codes/q:Code", ns)
    assert [c.get("name") for c in top] == ["Entman frames", "Sovereignty"]
    assert [c.get("name") for c in top[0].findall("q:Code", ns)] == ["Problem definition", "Remedy"]
    assert len(codes) == len(bundle.codes)
    war = next(
        c for c in project.iterfind(".//q:Case", ns) if c.get("name") == "Russo-Georgian War"
    )
    assert len(war.findall("q:SelectionRef", ns)) == 3 and len(war.findall("q:SourceRef", ns)) == 2


def test_export_is_reproducible(bundle: Bundle, tmp_path: Path) -> None:
    export_qdpx(bundle, tmp_path / "a.qdpx")
    export_qdpx(bundle, tmp_path / "b.qdpx")
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()


def test_reimport_gives_the_passages_codes_and_codings(bundle: Bundle, tmp_path: Path) -> None:
    path = tmp_path / "library.qdpx"
    export_qdpx(bundle, path)
    back = import_qdpx(path)
    assert [s.key for s in back.sources] == [s.key for s in bundle.sources]
    assert back.sources[0].text == bundle.sources[0].text
    assert back.sources[0].outlet == "TASS" and back.sources[0].published == "2008-08-08"
    original = {p.key: p for p in bundle.passages}
    names = {c.key: c.name for c in bundle.codes}
    back_names = {c.key: c.name for c in back.codes}
    for passage in back.passages:
        before = original[passage.key]
        assert passage.quote == before.quote
        assert [(back_names[c.code], c.coder) for c in passage.codings] == [
            (names[c.code], c.coder) for c in before.codings
        ]
    tass = [p for p in back.passages if p.source == "tass-2008-08-08"]
    assert [(p.start, p.end) for p in tass] == [
        (original[p.key].start, original[p.key].end) for p in tass
    ]
    parents = {back_names[c.key]: c.parent and back_names[c.parent] for c in back.codes}
    assert parents == {names[c.key]: c.parent and names[c.parent] for c in bundle.codes}
    assert {c.name: c.color for c in back.codes} == {c.name: c.color for c in bundle.codes}
    assert [(n.target.kind, n.target.key, n.body) for n in back.notes] == [
        ("passage", "p-yield", "**Check** the translation.")
    ]


def test_a_source_without_full_text_gets_an_excerpts_text(bundle: Bundle, tmp_path: Path) -> None:
    extra = PassageData(key="p-civil-2", source="civil-ge-2009", start=10, end=15, quote="Early")
    richer = dataclasses.replace(bundle, passages=(*bundle.passages, extra))
    path = tmp_path / "library.qdpx"
    export_qdpx(richer, path)
    civil = next(s for s in import_qdpx(path).sources if s.key == "civil-ge-2009")
    assert civil.text == "Early" + EXCERPT_SEPARATOR + "the war changed much"
    assert civil.notes.startswith("Excerpts only")


def _qdpx(tmp_path: Path, project: str, files: dict[str, str] | None = None) -> Path:
    path = tmp_path / "other.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", project)
        for name, text in (files or {}).items():
            archive.writestr(name, text)
    return path


OTHER_TOOL = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="From another tool">
 <Users><User guid="11111111-1111-1111-1111-111111111111" name="Maria"/></Users>
 <CodeBook><Codes>
  <Code guid="22222222-2222-2222-2222-222222222222" name="Blame" isCodable="true" color="#f0a">
   <Code guid="33333333-3333-3333-3333-333333333333" name="Blame West" isCodable="true"/>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="44444444-4444-4444-4444-444444444444" name="Interview 1">
   <PlainTextContent>Q: Who is to blame? A: The West, of course.</PlainTextContent>
   <PlainTextSelection guid="55555555-5555-5555-5555-555555555555" name="Selection 1"
       startPosition="23" endPosition="43">
    <Coding guid="66666666-6666-6666-6666-666666666666"
        creatingUser="11111111-1111-1111-1111-111111111111">
     <CodeRef targetGUID="33333333-3333-3333-3333-333333333333"/>
    </Coding>
   </PlainTextSelection>
  </TextSource>
 </Sources>
</Project>"""


def test_import_of_a_project_written_by_another_tool(tmp_path: Path) -> None:
    bundle = import_qdpx(_qdpx(tmp_path, OTHER_TOOL))
    (passage,) = bundle.passages
    assert passage.key == "selection-1" and passage.quote == "The West, of course."
    assert passage.codings[0].coder == "Maria"
    codes = {c.key: c for c in bundle.codes}
    assert codes["blame"].color == "#ff00aa" and codes["blame-west"].parent == "blame"
    assert bundle.sources[0].text == "Q: Who is to blame? A: The West, of course."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('endPosition="43"', 'endPosition="99"'), "PlainTextSelection 5555.*field 'endPosition'"),
        (('startPosition="23"', 'startPosition="x"'), "field 'startPosition': not a whole number"),
        (('targetGUID="3333', 'targetGUID="9999'), "field 'Coding/CodeRef': unknown code"),
        (
            (
                "<PlainTextContent>Q: Who is to blame? A: The West, of course.</PlainTextContent>",
                "",
            ),
            "TextSource Interview 1: field 'plainTextPath'",
        ),
        (("</Project>", ""), "not well-formed XML"),
    ],
)
def test_bad_projects_name_the_element_and_field(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    with pytest.raises(FormatError, match=message):
        import_qdpx(_qdpx(tmp_path, OTHER_TOOL.replace(*change)))


def test_not_a_qdpx(tmp_path: Path) -> None:
    path = tmp_path / "x.qdpx"
    path.write_text("plain text", encoding="utf-8")
    with pytest.raises(FormatError, match="zip"):
        import_qdpx(path)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("other.xml", "<a/>")
    with pytest.raises(FormatError, match="no project.qde"):
        import_qdpx(path)
