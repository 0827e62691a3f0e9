"""No coding without a coder: what we store, our own format accepts (JSON and .qdpx).

Every kind of edit the window makes, with an author and without one, then the library is
exported as JSON and .qdpx and read back into new libraries. A library that already holds
codings with an empty coder is repaired by migration 0007.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from db.library import Library, open_library
from db.migrate import downgrade
from db.records import (
    AttributeRecord,
    AttributeValue,
    CodeRecord,
    EventRecord,
    PassageLink,
    PassageRecord,
)
from desktop.core.editing import (
    ApplyCode,
    Command,
    CreateCode,
    CreateEvent,
    CreateNote,
    CreatePassage,
    DeleteNote,
    DuplicateEvent,
    EditCode,
    EditError,
    EditEvent,
    EditPassage,
    LinkPassage,
    MergeCodes,
    MoveCode,
    MoveEvent,
    RelatePassages,
    RemoveCode,
    UnlinkPassage,
    perform,
)
from desktop.core.editing.identity import system_user_name
from desktop.core.exchange.exporting import export_library
from desktop.core.exchange.importing import import_file
from tests.core.editing.conftest import fill


@pytest.fixture
def lib(library: Library) -> Library:
    fill_exportable(library)
    return library


def fill_exportable(library: Library) -> None:
    """The editing tests' small library, with the tone values its passages use defined."""
    fill(library)
    tones = (AttributeValue("negative", "Negative"), AttributeValue("neutral", "Neutral"))
    with library.unit_of_work() as uow:
        uow.codes.add_attribute(AttributeRecord("tone", "Tone", values=tones))
        uow.commit()


def _codings(library: Library) -> set[tuple[str, str, str]]:
    with library.unit_of_work() as uow:
        return {(p.key, c.code_key, c.coder) for p in uow.passages.list() for c in p.codings}


def test_a_coding_without_a_coder_is_refused_and_nothing_is_stored(lib: Library) -> None:
    before = _codings(lib)
    for nobody in ("", "   "):
        with pytest.raises(EditError, match="coder's name"):
            perform(ApplyCode("p2", "military", author=nobody), lib)
    assert _codings(lib) == before


def test_the_system_user_name_is_a_default() -> None:
    assert system_user_name().strip()


def _every_edit(library: Library, author: str) -> list[Command]:
    with library.unit_of_work() as uow:
        war, ceasefire = uow.events.get("war"), uow.events.get("ceasefire")
        p1 = uow.passages.get("p1")
        security = uow.codes.get("security")
    new_event = EventRecord(
        "talks",
        "Talks",
        "2008-08-15",
        0.0,
        0.0,
        lane="georgia",
        actors=("EU",),
        tags=("diplomacy",),
    )
    return [
        CreateEvent(new_event, author),
        EditEvent(war, _edited_event(war), author),
        MoveEvent(ceasefire, "2008-08-12", None, "russia-great-powers", author),
        DuplicateEvent(ceasefire, author),
        CreatePassage("dw", 95, 120, (PassageLink("war"),), author),
        EditPassage(p1, _edited_passage(p1), author),
        LinkPassage("p2", PassageLink("ceasefire", 0.7, "manual"), author),
        UnlinkPassage("p1", "ceasefire", author),
        RelatePassages("p2", "p1", "contradicts", author),
        CreateCode(CodeRecord("diplomacy", "Diplomacy", parent_key="issue"), author),
        EditCode(security, _edited_code(security), author),
        MoveCode("military", "issue", 0, author),
        ApplyCode("p2", "military", author),
        RemoveCode("p1", "security", author, coder="alice"),
        MergeCodes("conflict", "security", author),
        CreateNote("event", "war", "a memo", author),
        DeleteNote("n3", author),
    ]


def _edited_event(event: EventRecord) -> EventRecord:
    return replace(event, title="The war", actors=("Georgia", "Russia", "EU"), tags=("war", "x"))


def _edited_passage(passage: PassageRecord) -> PassageRecord:
    return replace(passage, notes="a passage note", tone="neutral")


def _edited_code(code: CodeRecord) -> CodeRecord:
    return replace(code, name="Security and defence", color="#336699")


@pytest.mark.parametrize("author", ["", "Grace Hopper"])
def test_every_edit_then_json_and_qdpx_export_and_import(
    lib: Library, tmp_path: Path, author: str
) -> None:
    for command in _every_edit(lib, author):
        if isinstance(command, ApplyCode) and not author:
            with pytest.raises(EditError):
                perform(command, lib)
            command = ApplyCode("p2", "military", system_user_name())
        perform(command, lib)
    assert all(coder.strip() for _, _, coder in _codings(lib))
    counts = lib.counts()
    for suffix, fmt in (("json", "json"), ("qdpx", "qdpx")):
        out = tmp_path / f"library.{suffix}"
        export_library(lib, out, fmt)
        fresh = open_library(str(tmp_path / f"from-{suffix}.sqlite"))
        try:
            import_file(fresh, out, fmt)
            back = fresh.counts()
            assert (back.passages, back.codings) == (counts.passages, counts.codings), fmt
            if fmt == "json":
                assert back == counts
                assert _codings(fresh) == _codings(lib)
        finally:
            fresh.dispose()


def test_migration_0007_names_the_empty_coders(any_url: str, tmp_path: Path) -> None:
    library = open_library(any_url)
    try:
        fill_exportable(library)
        with library.engine.begin() as connection:
            ids = connection.execute(text("SELECT id FROM codes ORDER BY id")).scalars().all()
            passage = connection.execute(text("SELECT min(id) FROM passages")).scalar()
            for code_id in ids[:2]:
                connection.execute(
                    text(
                        "INSERT INTO codings (passage_id, code_id, coder, created_at) "
                        "VALUES (:p, :c, '', CURRENT_TIMESTAMP)"
                    ),
                    {"p": passage, "c": code_id},
                )
        downgrade(library.engine, "0006")  # as a library made before revision 0007
    finally:
        library.dispose()
    upgraded = open_library(any_url)
    try:
        coders = {coder for _, _, coder in _codings(upgraded)}
        assert "" not in coders and "unnamed coder" in coders
        export_library(upgraded, tmp_path / "all.json", "json")  # refused before the repair
    finally:
        upgraded.dispose()
