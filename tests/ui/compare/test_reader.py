"""The source reader: full text with highlighted passages linked to events, or a passage list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from desktop.ui.compare import ComparePanel
from desktop.ui.compare.panel import READER
from tests.ui.compare.library_kit import AKTAU, ANALYSIS_QUOTE, ANALYSIS_TEXT, WAR
from tests.ui.compare.support import Bench, select


def _format_at(panel: ComparePanel, position: int):  # type: ignore[no-untyped-def]
    cursor = QTextCursor(panel.reader.text.document())
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def test_full_text_with_passages_highlighted(panel: ComparePanel) -> None:
    panel.open_reader("analysis-2022")
    assert panel.pages.currentIndex() == READER
    assert panel.reader.text.toPlainText() == ANALYSIS_TEXT
    start = ANALYSIS_TEXT.index(ANALYSIS_QUOTE)
    inside = _format_at(panel, start + 3)
    assert inside.isAnchor() and inside.anchorHref() == "passage:0"
    assert inside.background().color().alpha() > 0
    assert WAR.title in inside.toolTip()
    outside = _format_at(panel, 2)
    assert not outside.isAnchor()
    assert outside.background().style() == Qt.BrushStyle.NoBrush
    assert panel.reader.import_button.isHidden()
    assert "1 passage(s) highlighted" in panel.reader.note.text()


def test_clicking_a_highlight_selects_its_event(panel: ComparePanel, bench: Bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    select(bench, qtbot, AKTAU.key)
    panel.open_reader("analysis-2022")
    browser = panel.reader.text
    cursor = QTextCursor(browser.document())
    cursor.setPosition(ANALYSIS_TEXT.index(ANALYSIS_QUOTE) + 5)
    point = browser.cursorRect(cursor).center()
    with qtbot.waitSignal(bench.signals.selection_changed, timeout=2000):
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert bench.workbench.selection == (WAR.key,)
    assert panel.pane_keys()[1] == "analysis-2022"


def test_without_full_text_the_passages_are_listed_and_import_is_offered(
    panel: ComparePanel, qtbot: QtBot
) -> None:
    panel.open_reader("dw-2025")
    lines = panel.reader.text.toPlainText().splitlines()
    assert lines[0].startswith("[300–331] Russia invaded Georgia in 2008.")
    assert lines[0].endswith(f"→ {WAR.title}")
    assert lines[1].startswith("[900–942] At least 38 people")
    assert not panel.reader.import_button.isHidden()
    assert "importing the original file" in panel.reader.note.text()
    with qtbot.waitSignal(panel.import_requested) as blocker:
        qtbot.mouseClick(panel.reader.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["dw-2025"]


def test_the_read_button_of_a_pane_opens_its_source(
    panel: ComparePanel, bench: Bench, qtbot: QtBot
) -> None:
    select(bench, qtbot, WAR.key)
    qtbot.mouseClick(panel.panes[1].reader_button, Qt.MouseButton.LeftButton)
    assert panel.pages.currentIndex() == READER
    assert panel.reader.source is not None and panel.reader.source.key == "analysis-2022"
