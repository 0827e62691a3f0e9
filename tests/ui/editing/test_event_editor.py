"""The event dialog driven like a user: typing dates, refused inputs, saving, undoing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.model.dates import HistDate, from_day_number
from desktop.ui.editing.event_editor import EventEditor
from tests.ui.editing.conftest import event_row, installation

CASES = [
    ("2008", "Understood: 2008 (year precision)"),
    ("Aug 2008", "Understood: August 2008 (month precision)"),
    ("7 August 2008", "Understood: 7 August 2008 (day precision)"),
    ("2008-08-07", "Understood: 7 August 2008 (day precision)"),
    ("c. 2012", "Understood: c. 2012 (year precision, approximate)"),
    ("7–12 Aug 2008", "Understood: 7–12 August 2008 (day precision)"),
]


def type_into(qtbot: Any, edit: Any, text: str) -> None:
    """Type like a user; QTest only types ASCII keys, so other characters are inserted."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            edit.insert(char)


def _save_button(editor: EventEditor) -> Any:
    return editor.buttons.button(QDialogButtonBox.StandardButton.Save)


@pytest.mark.parametrize(("typed", "shown"), CASES)
def test_date_field_says_how_it_understood_the_text(
    qtbot: Any, window: Any, typed: str, shown: str
) -> None:
    editor = EventEditor(window.workbench.catalog, None, window)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.title_edit, "Talks")
    type_into(qtbot, editor.date_field.edit, typed)
    assert editor.date_field.feedback.text() == shown
    assert _save_button(editor).isEnabled()


@pytest.mark.parametrize("typed", ["winter 2022", "31 Feb 2008", "07/08/2008", ""])
def test_refused_dates_explain_and_disable_save(qtbot: Any, window: Any, typed: str) -> None:
    editor = EventEditor(window.workbench.catalog, None, window)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.title_edit, "Talks")
    type_into(qtbot, editor.date_field.edit, typed)
    assert not _save_button(editor).isEnabled()
    assert editor.date_field.span is None
    if typed == "winter 2022":
        assert "seasons are ambiguous" in editor.date_field.feedback.text()
    if typed:
        assert editor.date_field.feedback.text().startswith("Not understood:")


def test_new_event_is_saved_shown_and_undone(qtbot: Any, window: Any) -> None:
    editing = installation(window)
    created: list[str] = []

    def fill(editor: EventEditor) -> Any:
        qtbot.keyClicks(editor.title_edit, "Geneva talks open")
        qtbot.keyClicks(editor.date_field.edit, "15 Oct 2008")
        editor.lane_box.setCurrentIndex(editor.lane_box.findData("georgia"))
        qtbot.keyClicks(editor.actors_edit, "Russia, Georgia")
        editor.importance_box.setCurrentIndex(0)
        assert _save_button(editor).isEnabled()
        record = editor.record()
        created.append(record.key)
        return record

    editing.events.ask = fill
    assert window.menu_actions.new_event.isEnabled()
    window.menu_actions.new_event.trigger()
    key = created[0]
    row = event_row(window.workbench.library, key)
    assert (row.title, row.start, row.lane, row.actors, row.importance, row.stamp.author) == (
        "Geneva talks open",
        "2008-10-15",
        "georgia",
        ("Russia", "Georgia"),
        1,
        "tester",
    )
    view = window.timeline_widget.view
    qtbot.waitUntil(lambda: key in view.scene.data.id_of_key, timeout=2000)
    assert window.workbench.selection == (key,)
    assert window.menu_actions.undo.isEnabled()
    assert "Create event 'Geneva talks open'" in window.menu_actions.undo.text()
    assert "*" not in window.windowTitle() and not window.isWindowModified()
    window.menu_actions.undo.trigger()
    assert event_row(window.workbench.library, key) is None
    qtbot.waitUntil(lambda: key not in view.scene.data.id_of_key, timeout=2000)
    window.menu_actions.redo.trigger()
    assert event_row(window.workbench.library, key).title == "Geneva talks open"


def test_edit_dialog_changes_the_selected_event(qtbot: Any, window: Any) -> None:
    editing = installation(window)
    war = next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")
    window.workbench.select([war.key])

    def change(editor: EventEditor) -> Any:
        assert editor.title_edit.text() == war.title
        assert editor.date_field.span is not None
        editor.date_field.edit.setText("7–16 Aug 2008")
        return editor.record()

    editing.events.ask = change
    assert editing.events.edit_event()
    row = event_row(window.workbench.library, war.key)
    assert (row.start, row.end) == ("2008-08-07", "2008-08-16")
    assert row.title == war.title


def test_lane_must_exist(qtbot: Any, window: Any) -> None:
    editor = EventEditor(window.workbench.catalog, None, window)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.title_edit, "x")
    qtbot.keyClicks(editor.date_field.edit, "2009")
    assert _save_button(editor).isEnabled()
    editor.lane_box.setEditText("Atlantis")
    assert not _save_button(editor).isEnabled()
    editor.lane_box.setEditText("Georgia")
    assert editor.lane_key() == "georgia" and _save_button(editor).isEnabled()


def test_delete_event_says_what_goes_and_is_undoable(qtbot: Any, window: Any) -> None:
    editing = installation(window)
    war = next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")
    window.workbench.select([war.key])
    asked: list[str] = []
    window.session.editing.controller.confirm = lambda title, message: asked.append(message) or True
    assert editing.events.delete_event()
    assert "passage link" in asked[0] and "You can undo this." in asked[0]
    assert event_row(window.workbench.library, war.key) is None
    window.menu_actions.undo.trigger()
    assert event_row(window.workbench.library, war.key) is not None
    assert window.workbench.catalog.passage_counts.get(war.key, 0) > 0


def test_double_click_on_empty_space_creates_there(qtbot: Any, window: Any) -> None:
    editing = installation(window)
    view = window.timeline_widget.view
    seen: list[tuple[str, str]] = []

    def capture(editor: EventEditor) -> None:
        seen.append((editor.date_field.edit.text(), editor.lane_key() or ""))
        return None

    editing.events.ask = capture
    metrics = view._frame().metrics
    lane = 1
    y = int(metrics.lane_top(lane) + metrics.height_of(lane) - 3)
    x = 7
    assert view.event_at(QPointF(x, y)) is None
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    expected = HistDate(*from_day_number(view.scale.t_of(x))).display()
    assert seen == [(expected, view.scene.data.lanes[lane].key)]
