"""The compare panel: panes per covering source, code highlighting, pin/hide/reorder, context."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.compare import ComparePanel
from desktop.ui.compare.code_chip import CodeChip
from desktop.ui.compare.panel import COVERAGE, SIDE_BY_SIDE
from desktop.ui.compare.safe_text import STRONG_ALPHA
from tests.ui.compare.library_kit import AKTAU, ANALYSIS_TEXT, QUIET, WAR
from tests.ui.compare.support import Bench, select

WAR_ORDER = ("wire-2008", "analysis-2022", "evil-2023", "dw-2025")


def chips(panel: ComparePanel, code_key: str) -> list[CodeChip]:
    return [
        chip
        for pane in panel.panes
        for block in pane.blocks
        for chip in block.chips
        if chip.tag.key == code_key
    ]


def test_empty_until_an_event_is_selected(panel: ComparePanel) -> None:
    assert panel.pane_keys() == ()
    assert "Select an event" in panel.event_label.text()


def test_selection_fills_one_pane_per_source_in_publication_order(
    panel: ComparePanel, bench: Bench, qtbot: QtBot
) -> None:
    select(bench, qtbot, WAR.key)
    assert panel.pane_keys() == WAR_ORDER
    assert "Russo-Georgian war" in panel.event_label.text()
    dw = panel.panes[-1]
    assert dw.outlet_label.text() == "DW"
    assert "17 years" in dw.meta_label.text() and "after" in dw.meta_label.text()
    assert [b.view.key for b in dw.blocks] == ["dw-war"]
    select(bench, qtbot, AKTAU.key)
    assert panel.pane_keys() == ("eur-2025", "dw-2025")


def test_strip_shows_frames_facts_and_blind_spots(panel: ComparePanel, bench: Bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    select(bench, qtbot, AKTAU.key)
    facts = panel.strip.facts
    top = facts.topLevelItem(0)
    assert top.text(0) == "deaths" and "disagree" in top.text(1)  # a name, not the key
    assert top.toolTip(0) == "azal-8243.deaths"
    values = {top.child(i).text(0): top.child(i).text(1) for i in range(top.childCount())}
    assert values == {"DW": "at least 38 people", "EU Reporter": "28 people"}
    summary = panel.summary_label.text()  # the strip above the panes says what differs
    assert "deaths: " in summary and "28 people (EU Reporter)" in summary
    assert "at least 38 people (DW)" in summary and " vs " in summary
    select(bench, qtbot, WAR.key)
    spots = panel.strip.blind_spots
    blind = " | ".join(spots.item(i).text() for i in range(spots.count()))
    assert "Silent Weekly" in blind and "EU Reporter" in blind
    assert "Analysis Quarterly" not in blind and "Wire" not in blind
    frames = panel.strip.frames
    codes = [frames.horizontalHeaderItem(j).text() for j in range(frames.columnCount())]
    assert "Cause" in codes
    cause = codes.index("Cause")
    analysis_row = WAR_ORDER.index("analysis-2022")
    assert frames.item(analysis_row, cause).text() == "1 ★"


def test_clicking_a_code_chip_highlights_it_in_every_pane_and_the_matrix(
    panel: ComparePanel, bench: Bench, qtbot: QtBot
) -> None:
    select(bench, qtbot, WAR.key)
    security = chips(panel, "issue.security")
    assert len(security) == 3
    with qtbot.waitSignal(panel.code_highlighted) as blocker:
        qtbot.mouseClick(security[0], Qt.MouseButton.LeftButton)
    assert blocker.args == ["issue.security"]
    assert all(chip.emphasised for chip in chips(panel, "issue.security"))
    assert not any(chip.emphasised for chip in chips(panel, "issue.legality"))
    column = panel.strip.frames.highlighted_column()
    assert column is not None
    assert panel.strip.frames.horizontalHeaderItem(column).text() == "Security"
    assert panel.strip.frames.selectionModel().isColumnSelected(column)
    wire_block = panel.panes[0].blocks[0]
    tint = wire_block.text.document().begin().begin().fragment().charFormat().background()
    assert tint.color().alpha() == STRONG_ALPHA
    qtbot.mouseClick(security[1], Qt.MouseButton.LeftButton)
    assert panel.highlighted is None
    assert not any(chip.emphasised for chip in chips(panel, "issue.security"))


def test_enter_on_a_focused_chip_highlights_it(panel: ComparePanel, bench: Bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    select(bench, qtbot, WAR.key)
    chip = chips(panel, "issue.legality")[0]
    chip.setFocus()
    qtbot.keyClick(chip, Qt.Key.Key_Return)
    assert panel.highlighted == "issue.legality"
    assert all(c.emphasised for c in chips(panel, "issue.legality"))


def test_clicking_a_frames_column_highlights_the_code_in_panes(
    panel: ComparePanel, bench: Bench, qtbot: QtBot
) -> None:
    select(bench, qtbot, WAR.key)
    frames = panel.strip.frames
    names = [frames.horizontalHeaderItem(j).text() for j in range(frames.columnCount())]
    frames.cellClicked.emit(0, names.index("Legality"))
    assert panel.highlighted == "issue.legality"
    assert all(c.emphasised for c in chips(panel, "issue.legality"))


def test_pin_hide_and_reorder(panel: ComparePanel, bench: Bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    select(bench, qtbot, WAR.key)
    dw = panel.panes[-1]
    qtbot.mouseClick(dw.move_left_button, Qt.MouseButton.LeftButton)
    assert panel.pane_keys() == ("wire-2008", "analysis-2022", "dw-2025", "evil-2023")
    qtbot.mouseClick(panel.panes[0].hide_button, Qt.MouseButton.LeftButton)
    assert panel.pane_keys() == ("analysis-2022", "dw-2025", "evil-2023")
    assert panel.hidden_label.text() == "1 hidden"
    qtbot.mouseClick(panel.panes[2].pin_button, Qt.MouseButton.LeftButton)
    assert panel.pane_keys() == ("evil-2023", "analysis-2022", "dw-2025")
    assert panel.panes[0].pin_button.isChecked()
    # the pinned source stays first for another event, even though it is silent on it
    # and the manual move (DW before others) carries over too
    select(bench, qtbot, AKTAU.key)
    assert panel.pane_keys() == ("evil-2023", "dw-2025", "eur-2025")
    assert panel.panes[0].blocks == []
    panel.reset_order()
    assert panel.pane_keys() == ("evil-2023", "eur-2025", "dw-2025")
    panel.show_pane("wire-2008")
    select(bench, qtbot, WAR.key)
    assert panel.pane_keys() == ("evil-2023", "wire-2008", "analysis-2022", "dw-2025")


def test_context_toggle_widens_passages_with_full_text(
    panel: ComparePanel, bench: Bench, qtbot: QtBot
) -> None:
    select(bench, qtbot, WAR.key)
    analysis = panel.panes[1]
    assert analysis.blocks[0].text.toPlainText() == "The invasion was planned for months"
    panel.context_button.setChecked(True)
    analysis = panel.panes[1]
    block = analysis.blocks[0]
    assert block.shows_context
    paragraph = ANALYSIS_TEXT.split("\n\n")[1]
    assert block.text.toPlainText() == paragraph
    # the quote is highlighted inside its paragraph, the rest is not
    cursor = block.text.textCursor()
    cursor.setPosition(paragraph.index("invasion") + 1)
    assert cursor.charFormat().background().color().alpha() > 0
    cursor.setPosition(2)
    assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush
    assert not panel.panes[0].blocks[0].shows_context  # no full text for the wire


def test_tab_reaches_the_panes_chips(panel: ComparePanel, bench: Bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    select(bench, qtbot, WAR.key)
    panel.panes[0].move_left_button.setFocus()
    seen = set()
    for _ in range(80):
        widget = panel.focusWidget()
        if isinstance(widget, CodeChip):
            seen.add(widget.tag.key)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert {"issue.security", "issue.legality", "entman.cause"} <= seen


def test_coverage_cell_opens_the_comparison(panel: ComparePanel, bench: Bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.coverage.loaded, timeout=10000):
        panel.show_page(COVERAGE)
    view = panel.coverage
    model = view.coverage_model
    row = next(r for r in range(model.rowCount()) if model.event_key(r) == AKTAU.key)
    with qtbot.waitSignal(bench.signals.selection_changed, timeout=2000):
        view.clicked.emit(model.index(row, 0))
    assert bench.workbench.selected_event == AKTAU.key
    assert panel.pages.currentIndex() == SIDE_BY_SIDE
    assert panel.pane_keys() == ("eur-2025", "dw-2025")


def test_events_no_source_speaks_of_keep_one_notice_and_titles_set_once(
    panel: ComparePanel, bench: Bench, qtbot: QtBot
) -> None:
    from db.records import EventRecord

    with bench.workbench.library.unit_of_work() as uow:
        uow.events.add_many([EventRecord("quiet-2", "Another quiet day", "2016", 1.0, 2.0)])
        uow.commit()
    bench.workbench.reload()
    retitled: list[int] = []
    original = panel.strip.setTabText

    def counted(index: int, text: str) -> None:
        retitled.append(index)
        original(index, text)

    panel.strip.setTabText = counted  # type: ignore[method-assign]
    select(bench, qtbot, QUIET.key)
    qtbot.waitUntil(lambda: "A quiet summit" in panel.event_label.text())
    notice = panel.pane_area.widget()
    assert panel.pane_keys() == () and "No source speaks" in _texts(notice)
    assert panel.summary_label.text().startswith("No source speaks of this event.")
    select(bench, qtbot, "quiet-2")
    qtbot.waitUntil(lambda: "Another quiet day" in panel.event_label.text())
    assert panel.pane_area.widget() is notice  # the same notice, not laid out again
    select(bench, qtbot, WAR.key)
    qtbot.waitUntil(lambda: panel.pane_keys() == WAR_ORDER)
    select(bench, qtbot, "quiet-2")
    qtbot.waitUntil(lambda: panel.pane_keys() == ())
    assert "No source speaks" in _texts(panel.pane_area.widget())
    assert len(retitled) <= 4  # titles set when they change (quiet -> war -> quiet), not each time


def _texts(widget) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in widget.findChildren(QLabel))
