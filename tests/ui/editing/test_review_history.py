"""Importing, attaching a text, accepting and rejecting suggestions in the Import review panel
are steps of the window's History: each named there and undone with Edit › Undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.importing import ImportOutcome, ImportReport, ImportStatus, import_document
from desktop.core.importing.review import SuggestionKind
from desktop.core.importing.undoable import text_state
from desktop.ui.importing.review_panel import ReviewPanel
from tests.core.importing.helpers import CORPUS, SOURCE_OF, corpus


def test_accept_and_reject_are_named_undoable_history_steps(window: Any) -> None:
    library = window.workbench.library
    import_document(library, corpus(CORPUS[4]), suggest=True)
    window.workbench.reload()
    panel = window.findChild(ReviewPanel)
    panel.reload_sources()
    panel.show_source(SOURCE_OF[CORPUS[4]])
    history = window.session.editing.controller.history
    steps = history.index
    row = next(i for i, item in enumerate(panel.items) if item.kind == SuggestionKind.LINK)
    accepted = panel.items[row]
    panel.table.setCurrentItem(panel.table.topLevelItem(row))
    passages = library.counts().passages
    panel.accept_button.click()
    assert library.counts().passages == passages + 1
    assert history.index == steps + 1 and history.undo_label == "Review: accept 1 suggestion"
    shown = window.session.editing.history.list
    assert "Review: accept 1 suggestion" in shown.item(shown.count() - 1).text()
    rejected = panel.items[0]
    panel.table.setCurrentItem(panel.table.topLevelItem(0))
    panel.reject_button.click()
    assert history.index == steps + 2 and history.undo_label == "Review: reject 1 suggestion"
    assert window.menu_actions.undo.isEnabled()
    window.menu_actions.undo.trigger()
    assert rejected.id in {item.id for item in panel.items}  # back in the list
    window.menu_actions.undo.trigger()
    assert library.counts().passages == passages
    assert accepted.id in {item.id for item in panel.items}
    assert history.index == steps


def test_an_import_is_one_named_history_step_undone_with_edit_undo(
    window: Any, tmp_path: Path
) -> None:
    library = window.workbench.library
    path = tmp_path / "field-notes.txt"
    path.write_text("Field notes, 3 March 2022, on the war's first week near Kyiv.\n", "utf-8")
    outcome = import_document(library, path, suggest=True)  # as the worker thread does
    assert outcome.status is ImportStatus.IMPORTED
    sources = library.counts().sources
    controller = window.session.importing.controller
    controller._paths = [path]
    controller._on_done(ImportReport((outcome,), total=1))  # the batch has finished
    controller.report_dialog.close()
    history = window.session.editing.controller.history
    title = next(s.title for s in window.workbench.catalog.sources if s.key == outcome.source_key)
    assert history.undo_label == f"Import '{title}'"
    shown = window.session.editing.history.list
    assert f"Import '{title}'" in shown.item(shown.count() - 1).text()
    window.menu_actions.undo.trigger()
    assert library.counts().sources == sources - 1
    assert outcome.source_key not in {s.key for s in window.workbench.catalog.sources}
    window.menu_actions.redo.trigger()
    assert library.counts().sources == sources


def test_attaching_a_text_is_one_named_history_step(window: Any) -> None:
    library = window.workbench.library
    key = SOURCE_OF[CORPUS[4]]
    text_before = text_state(library, key).source.full_text
    controller = window.session.importing.controller
    controller._paths = [corpus(CORPUS[4])]
    controller.confirm_attach = lambda _outcome: True
    similar = ImportOutcome(CORPUS[4], ImportStatus.SIMILAR, key, "looks like a known source")
    controller._on_done(ImportReport((similar,), total=1))  # the batch offered to attach
    controller.report_dialog.close()
    history = window.session.editing.controller.history
    title = text_state(library, key).source.title
    assert history.undo_label == f"Attach text to '{title}'"
    assert text_state(library, key).source.full_text != text_before
    window.menu_actions.undo.trigger()
    assert text_state(library, key).source.full_text == text_before
