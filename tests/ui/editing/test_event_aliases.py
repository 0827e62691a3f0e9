"""An event's other names (aliases) are edited in the event dialog, saved in one undoable
step, and used by import to link articles that call the event by them."""

from __future__ import annotations

from typing import Any

from desktop.core.importing.review import load_event_infos
from desktop.core.suggest.linking import suggest_links
from desktop.ui.editing.event_editor import EventEditor
from tests.ui.editing.conftest import event_row, installation


def _war(window: Any) -> Any:
    return next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")


def test_the_dialog_shows_the_aliases_and_saves_new_ones(qtbot: Any, window: Any) -> None:
    editing = installation(window)
    war = _war(window)
    window.workbench.select([war.key])
    before = event_row(window.workbench.library, war.key).aliases
    shown: list[str] = []

    def add_names(editor: EventEditor) -> Any:
        shown.append(editor.aliases_edit.text())
        editor.aliases_edit.setText("Пятидневная война, П'ятиденна війна, Five-Day War")
        return editor.record()

    editing.events.ask = add_names
    assert editing.events.edit_event()
    assert shown == [", ".join(before)]
    row = event_row(window.workbench.library, war.key)
    assert row.aliases == ("Пятидневная война", "П'ятиденна війна", "Five-Day War")
    assert row.title == war.title and (row.start, row.end) == (war.start, war.end)
    window.menu_actions.undo.trigger()
    assert event_row(window.workbench.library, war.key).aliases == before
    window.menu_actions.redo.trigger()
    assert "Five-Day War" in event_row(window.workbench.library, war.key).aliases


def test_a_new_alias_lets_import_link_an_article_that_uses_it(qtbot: Any, window: Any) -> None:
    editing = installation(window)
    war = _war(window)
    window.workbench.select([war.key])
    article = (
        "Ветераны Семидневной кампании собрались в Гори. "
        "Ветераны Семидневной кампании вспоминали 8 августа 2008 года."
    )

    def linked() -> bool:
        events = load_event_infos(window.workbench.library)
        return any(s.event_key == war.key for s in suggest_links(article, None, events))

    assert not linked()

    def add_name(editor: EventEditor) -> Any:
        editor.aliases_edit.setText(editor.aliases_edit.text() + ", Семидневная кампания")
        return editor.record()

    editing.events.ask = add_name
    assert editing.events.edit_event()
    assert linked()


def _actor_aliases(window: Any) -> dict[str, tuple[str, ...]]:
    with window.workbench.library.unit_of_work() as uow:
        return uow.actors.aliases()


def test_the_dialog_edits_the_actors_other_names_in_the_same_step(qtbot: Any, window: Any) -> None:
    editing = installation(window)
    war = _war(window)
    window.workbench.select([war.key])
    before = _actor_aliases(window)
    shown: list[str] = []

    def rename(editor: EventEditor) -> Any:
        shown.append(editor.actor_aliases_edit.text())
        editor.actor_aliases_edit.setText("Georgia = Грузия, Грузія, Sakartvelo, ГССР")
        editor.summary_edit.setPlainText(war.summary + " Edited.")
        return editor.record()

    editing.events.ask = rename
    assert editing.events.edit_event()
    assert "Russia = Россия" in shown[0] and "Georgia = Грузия" in shown[0]
    assert _actor_aliases(window)["Georgia"] == ("Грузия", "Грузія", "Sakartvelo", "ГССР")
    assert event_row(window.workbench.library, war.key).summary.endswith("Edited.")
    window.menu_actions.undo.trigger()  # one step: the summary and the actor's names
    assert _actor_aliases(window) == before
    assert event_row(window.workbench.library, war.key).summary == war.summary


def test_a_malformed_line_of_actor_names_keeps_save_disabled(qtbot: Any, window: Any) -> None:
    editor = EventEditor(window.workbench.catalog, _war(window), window)
    qtbot.addWidget(editor)
    editor.actor_aliases_edit.setText("Georgia Грузия")
    assert not editor.is_complete()
    editor.actor_aliases_edit.setText("Georgia = Грузия")
    assert editor.is_complete() and editor.actor_aliases() == {"Georgia": ("Грузия",)}
