"""Passages made from a reader selection, linked, re-bounded and coded with the palette."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from db.records import SourceRecord
from desktop.ui.compare.reader import utf16_offset
from desktop.ui.editing.event_picker import EventPicker
from desktop.ui.editing.passage_dialogs import BoundsDialog
from desktop.ui.editing.quick_code import QuickCodePalette
from tests.ui.editing.conftest import installation

TEXT = (
    "Background. On 7 August 2008 Georgian forces shelled Tskhinvali and Russian troops "
    "crossed the Roki tunnel the next day; “the war” ended with a ceasefire on 12 August."
)


@pytest.fixture
def reader(window: Any) -> Any:
    library = window.workbench.library
    with library.unit_of_work("tester") as uow:
        uow.sources.add(
            SourceRecord(
                "memo", "A memo on the war", outlet="Memo", published="2008-09-01", full_text=TEXT
            )
        )
        uow.commit()
    window.workbench.reload()
    window.compare_widget.open_reader("memo")
    return window.compare_widget.reader


def select(reader: Any, lo: int, hi: int) -> None:
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(utf16_offset(TEXT, lo))
    cursor.setPosition(utf16_offset(TEXT, hi), QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)


def passages_of(library: Any, source: str) -> list[Any]:
    with library.unit_of_work() as uow:
        return uow.passages.for_source(source)


def test_selection_and_p_make_a_linked_passage(qtbot: Any, window: Any, reader: Any) -> None:
    tools = installation(window).reader_tools
    war = next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")
    offered: list[list[str]] = []

    def pick(dialog: Any) -> bool:
        assert isinstance(dialog, EventPicker)
        keys = [
            dialog.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dialog.list.count())
        ]
        offered.append(keys)
        dialog.list.item(keys.index(war.key)).setSelected(True)
        return True

    tools.run_dialog = pick
    lo = TEXT.index("On 7 August")
    hi = TEXT.index(" and Russian")
    select(reader, lo, hi)
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_P)
    assert offered, "P did not open the event picker"
    assert offered[0][0] == war.key, "the war should be suggested first"
    found = passages_of(window.workbench.library, "memo")
    assert [(p.start, p.end, p.quote) for p in found] == [(lo, hi, TEXT[lo:hi])]
    assert [link.event_key for link in found[0].links] == [war.key]
    qtbot.waitUntil(lambda: len(reader.passages) == 1, timeout=2000)
    window.menu_actions.undo.trigger()
    assert passages_of(window.workbench.library, "memo") == []


def test_passage_with_non_ascii_before_it_keeps_exact_offsets(window: Any, reader: Any) -> None:
    tools = installation(window).reader_tools
    tools.run_dialog = lambda dialog: True
    lo = TEXT.index("the war")
    select(reader, lo, lo + len("the war"))
    assert tools.actions["mark"].isEnabled()
    tools.actions["mark"].trigger()
    [passage] = passages_of(window.workbench.library, "memo")
    assert passage.quote == "the war" and passage.links == ()


def test_bounds_are_adjusted(window: Any, reader: Any) -> None:
    tools = installation(window).reader_tools
    tools.run_dialog = lambda dialog: True
    lo = TEXT.index("Georgian forces")
    select(reader, lo, lo + len("Georgian forces"))
    tools.mark_passage()
    [passage] = passages_of(window.workbench.library, "memo")
    select(reader, lo, lo + len("Georgian forces shelled Tskhinvali"))

    def widen(dialog: Any) -> bool:
        assert isinstance(dialog, BoundsDialog)
        assert dialog.quote.text() == "Georgian forces shelled Tskhinvali"
        return True

    tools.run_dialog = widen
    assert tools.adjust_bounds()
    [after] = passages_of(window.workbench.library, "memo")
    assert after.key == passage.key and after.quote == "Georgian forces shelled Tskhinvali"


def test_quick_code_palette_filters_and_enter_codes(qtbot: Any, window: Any, reader: Any) -> None:
    tools = installation(window).reader_tools
    tools.run_dialog = lambda dialog: True
    lo = TEXT.index("Russian troops")
    select(reader, lo, lo + len("Russian troops crossed"))
    tools.mark_passage()
    [passage] = passages_of(window.workbench.library, "memo")
    select(reader, lo + 1, lo + 2)
    shown: list[list[str]] = []

    def palette(dialog: Any) -> bool:
        assert isinstance(dialog, QuickCodePalette)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.filter, "legal")
        shown.append([dialog.list.item(r).text() for r in range(dialog.list.count())])
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
        return dialog.result() == dialog.DialogCode.Accepted

    tools.run_dialog = palette
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert shown and shown[0] and all("legal" in text.lower() for text in shown[0])
    [coded] = passages_of(window.workbench.library, "memo")
    assert [(c.code_key, c.coder) for c in coded.codings] == [("issue.legality", "tester")]
    assert coded.key == passage.key


def test_palette_sets_attributes(qtbot: Any, window: Any, reader: Any) -> None:
    tools = installation(window).reader_tools
    tools.run_dialog = lambda dialog: True
    select(reader, 0, len("Background"))
    tools.mark_passage()

    def attributes(dialog: Any) -> bool:
        dialog.attribute_boxes["voice"].setEditText("Saakashvili")
        tone = dialog.attribute_boxes["tone"]
        tone.setCurrentIndex(tone.findData("negative"))
        epistemic = dialog.attribute_boxes["epistemic"]
        epistemic.setCurrentIndex(epistemic.findData("attributed"))
        dialog.apply_attributes()
        return True

    select(reader, 1, 2)
    tools.run_dialog = attributes
    assert tools.quick_code()
    [passage] = passages_of(window.workbench.library, "memo")
    assert (passage.voice, passage.tone, passage.epistemic) == (
        "Saakashvili",
        "negative",
        "attributed",
    )
