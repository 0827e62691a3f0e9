"""Ctrl+F opens the Search dock; the History dock lists and drives the undo history."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.core.editing import CreateNote
from desktop.ui.editing.search_results import HTML_ROLE, MARK_STYLE, marked_html, word_marks
from tests.ui.editing.conftest import installation


def test_find_searches_and_opens_results(qtbot: Any, window: Any) -> None:
    editing = installation(window)
    window.menu_actions.find.trigger()
    dock = window.panels.docks["search"]
    assert dock.isVisible() and editing.search.query.hasFocus()
    qtbot.keyClicks(editing.search.query, "ceasefire")
    editing.search.run()
    tree = editing.search.results
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups and groups[0].startswith("Events (")
    assert any(g.startswith("Passages (") for g in groups)
    event_item = tree.topLevelItem(0).child(0)
    kind, key = event_item.data(0, Qt.ItemDataRole.UserRole)
    assert kind == "event"
    tree.itemActivated.emit(event_item, 0)
    assert window.workbench.selection == (key,)
    passages = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0).startswith("Passages")
    )
    _kind, passage_key = passages.child(0).data(0, Qt.ItemDataRole.UserRole)
    tree.itemActivated.emit(passages.child(0), 0)
    reader = window.compare_widget.reader
    assert reader.source is not None and passage_key in reader.positions
    cursor = reader.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == reader.positions[passage_key]


def test_results_highlight_the_words_and_open_on_one_click(qtbot: Any, window: Any) -> None:
    search = installation(window).search
    search.query.setText("ceasefire Azerbaijan")
    search.run()
    tree = search.results
    events = tree.topLevelItem(0)
    assert events.text(0).startswith("Events (")
    item = events.child(events.childCount() - 1)
    rich = item.data(0, HTML_ROLE)
    marked = re.findall(f'<span style="{MARK_STYLE}">([^<]*)</span>', rich)
    assert {w.lower() for w in marked} == {"ceasefire", "azerbaijan"}, rich
    assert rich.startswith("<b>")  # the title, bold, above the words
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    assert rect.height() >= 2 * tree.fontMetrics().lineSpacing()  # title and words, wrapped
    assert rect.width() >= tree.viewport().width() - 2 * tree.indentation()
    _kind, key = item.data(0, Qt.ItemDataRole.UserRole)
    assert window.workbench.selection != (key,)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workbench.selection == (key,)
    qtbot.waitUntil(lambda: window.compare_widget.comparison is not None)
    assert window.compare_widget.comparison.event.key == key


def test_marked_html_escapes_and_merges_spans() -> None:
    assert marked_html("a <b> c", [(2, 5), (4, 5)]) == (
        f'a <span style="{MARK_STYLE}">&lt;b&gt;</span> c'
    )
    assert word_marks("Ceasefire in Azerbaijan's south", ["cease", "azer"]) == ((0, 9), (13, 23))


def test_history_dock_lists_marks_and_jumps(qtbot: Any, window: Any) -> None:
    controller = window.session.editing.controller
    dock = installation(window).history
    war = next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")
    for body in ("one", "two", "three"):
        assert controller.execute(CreateNote("event", war.key, body, "tester"))
    assert [dock.list.item(i).text().strip() for i in range(dock.list.count())] == [
        "(as opened)",
        "Add note",
        "Add note",
        "▶ Add note",
    ]
    assert dock.list.item(3).font().bold()
    dock.list.itemClicked.emit(dock.list.item(1))
    with controller.library.unit_of_work() as uow:
        assert [n.body for n in uow.notes.list()] == ["one"]
    assert dock.list.item(1).text().startswith("▶") and dock.list.item(3).font().italic()
    assert controller.history.index == 1
    dock.list.itemClicked.emit(dock.list.item(3))
    with controller.library.unit_of_work() as uow:
        assert sorted(n.body for n in uow.notes.list()) == ["one", "three", "two"]
    dock.list.itemClicked.emit(dock.list.item(0))
    assert controller.history.index == 0 and not window.menu_actions.undo.isEnabled()
    assert window.menu_actions.redo.isEnabled()


def test_history_dock_keeps_its_rows_and_shows_what_a_new_list_shows(window: Any) -> None:
    from desktop.ui.editing.history_dock import HistoryDock

    controller = window.session.editing.controller
    dock = installation(window).history
    war = next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")
    for body in ("one", "two", "three"):
        assert controller.execute(CreateNote("event", war.key, body, "tester"))
    first = dock.list.item(1)
    assert controller.undo() and controller.undo()
    assert dock.list.item(1) is first and dock.list.item(3).font().italic()  # kept, rewritten
    assert controller.execute(CreateNote("event", war.key, "four", "tester"))  # drops two

    def rows(shown: Any) -> list[tuple[str, bool, bool, str]]:
        items = [shown.list.item(k) for k in range(shown.list.count())]
        return [(i.text(), i.font().bold(), i.font().italic(), i.toolTip()) for i in items]

    assert rows(dock) == rows(HistoryDock(controller))  # as a list made afresh shows it
    assert [text.strip() for text, *_ in rows(dock)] == ["(as opened)", "Add note", "▶ Add note"]
    assert dock.list.currentRow() == 2
