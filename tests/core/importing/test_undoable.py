"""An import is one step of the undo history: undo removes the new source and its
suggestions, redo brings them back as they were (same suggestion ids); an attach is one step
that undo takes back to the old text, anchors and suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.library import Library
from desktop.core.editing import UndoHistory
from desktop.core.editing.command import EditError
from desktop.core.editing.passages import CreatePassage
from desktop.core.importing import ImportStatus, import_document
from desktop.core.importing.undoable import AttachedText, ImportedSources, text_state
from tests.core.importing.helpers import CORPUS, SOURCE_OF, corpus, load_dataset, snapshot

REPORT = (
    "Field notes, 3 March 2022. A week after Russia launched its full-scale invasion of "
    "Ukraine on 24 February 2022, the columns heading for Kyiv had stalled north of the city. "
    "Officials in Kazakhstan recalled the CSTO troops deployed to Kazakhstan in January 2022.\n"
)


def test_undo_removes_the_imported_source_and_redo_restores_it(
    sqlite_library: Library, tmp_path: Path
) -> None:
    load_dataset(sqlite_library)
    before = snapshot(sqlite_library)
    path = tmp_path / "field-notes.txt"
    path.write_text(REPORT, "utf-8")
    outcome = import_document(sqlite_library, path, suggest=True)
    assert outcome.status is ImportStatus.IMPORTED and outcome.source_key
    key = outcome.source_key
    with sqlite_library.unit_of_work() as uow:
        source = uow.sources.get(key)
        suggested = uow.suggestions.for_source(key, status=None)
    assert suggested  # the import found something to review
    history = UndoHistory()
    history.run(ImportedSources([key], [source.title]), sqlite_library)
    assert history.undo_label == f"Import '{source.title}'"
    after_import = snapshot(sqlite_library)
    history.undo(sqlite_library)
    assert snapshot(sqlite_library) == before
    history.redo(sqlite_library)
    assert snapshot(sqlite_library) == after_import
    with sqlite_library.unit_of_work() as uow:
        again = uow.sources.get(key)
        assert uow.suggestions.for_source(key, status=None) == suggested  # ids kept
    assert (again.title, again.full_text, again.label, again.color) == (
        source.title,
        source.full_text,
        source.label,
        source.color,
    )


def test_an_import_step_will_not_drop_passages_made_since(
    sqlite_library: Library, tmp_path: Path
) -> None:
    load_dataset(sqlite_library)
    path = tmp_path / "field-notes.txt"
    path.write_text(REPORT, "utf-8")
    key = import_document(sqlite_library, path).source_key
    assert key is not None
    history = UndoHistory()
    history.run(ImportedSources([key], ["Field notes"]), sqlite_library)
    UndoHistory().run(CreatePassage(key, 0, 40), sqlite_library)  # made outside this history
    with pytest.raises(EditError, match="has passages"):
        history.undo(sqlite_library)
    with sqlite_library.unit_of_work() as uow:
        assert uow.sources.get(key).key == key


def test_undo_of_an_attach_gives_back_the_old_text_anchors_and_suggestions(
    sqlite_library: Library,
) -> None:
    load_dataset(sqlite_library)
    key = SOURCE_OF[CORPUS[4]]
    before, state = snapshot(sqlite_library), text_state(sqlite_library, key)
    outcome = import_document(sqlite_library, corpus(CORPUS[4]), attach_to=key, suggest=True)
    assert outcome.status is ImportStatus.ATTACHED
    after = snapshot(sqlite_library)
    assert after != before  # a text, new anchors, suggestions
    attached = text_state(sqlite_library, key)
    history = UndoHistory()
    history.run(AttachedText(state, attached), sqlite_library)
    assert history.undo_label == f"Attach text to '{attached.source.title}'"
    history.undo(sqlite_library)
    assert snapshot(sqlite_library) == before
    assert text_state(sqlite_library, key).suggestions == state.suggestions
    history.redo(sqlite_library)
    assert snapshot(sqlite_library) == after
    assert text_state(sqlite_library, key).suggestions == attached.suggestions
