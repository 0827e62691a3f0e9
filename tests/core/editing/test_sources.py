"""Adding a source without a file and relabelling one: one undoable step each."""

from __future__ import annotations

import pytest

from db.library import Library
from db.records import SourceRecord
from desktop.core.editing import perform
from desktop.core.editing.sources import CreateSource, EditSourceIdentity
from desktop.model.palette import SOURCE_COLORS


def test_a_source_without_a_file_is_added_and_undone(sqlite_library: Library) -> None:
    command = CreateSource(
        SourceRecord(
            "",
            "Evening news on the crash",
            outlet="Rustavi 2 (R2)",
            kind="news",
            published="2024-12-26",
        )
    )
    changes = perform(command, sqlite_library)
    key = command.source.key
    assert key in changes.sources
    with sqlite_library.unit_of_work() as uow:
        added = uow.sources.get(key)
    assert (added.label, added.color, added.full_text) == ("R2", SOURCE_COLORS[0], None)
    perform(command, sqlite_library, undo=True)
    with sqlite_library.unit_of_work() as uow:
        assert uow.sources.find(key) is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": " "}, "title"),
        ({"kind": "gossip"}, "kind"),
        ({"color": "red"}, "Colour"),
        ({"published": "next spring"}, "not an EDTF date"),
    ],
)
def test_bad_input_is_refused_before_anything_is_written(
    fields: dict[str, str], message: str
) -> None:
    values = {"key": "", "title": "A title", "kind": "news"} | fields
    with pytest.raises(ValueError, match=message):
        CreateSource(SourceRecord(**values))  # type: ignore[arg-type]


def test_relabelling_is_undoable(sqlite_library: Library) -> None:
    with sqlite_library.unit_of_work() as uow:
        uow.sources.add(SourceRecord("dw", "T", outlet="DW", label="DW", color="#0072B2"))
        uow.commit()
        before = uow.sources.get("dw")
    command = EditSourceIdentity(before, "Deutsche Welle", "#112233")
    perform(command, sqlite_library)
    with sqlite_library.unit_of_work() as uow:
        assert (uow.sources.get("dw").label, uow.sources.get("dw").color) == (
            "Deutsche Welle",
            "#112233",
        )
    perform(command, sqlite_library, undo=True)
    with sqlite_library.unit_of_work() as uow:
        assert (uow.sources.get("dw").label, uow.sources.get("dw").color) == ("DW", "#0072B2")
