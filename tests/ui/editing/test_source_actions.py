"""Source › Add source… adds a source with no file as one History step; Read source opens it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from desktop.ui.editing import source_actions
from desktop.ui.editing.source_actions import AddSourceDialog, SourceIdentityDialog


def test_add_source_is_one_undoable_step_and_read_source_opens_it(
    window: Any, monkeypatch: Any
) -> None:
    actions = window.menu_actions
    assert actions.add_source.isEnabled() and actions.read_source.isEnabled()
    before = len(window.workbench.catalog.sources)

    def filled(dialog: AddSourceDialog) -> QDialog.DialogCode:
        dialog.title_edit.setText("Evening news on the crash")
        dialog.outlet_edit.setText("Rustavi 2 (R2)")
        dialog.published_edit.setText("2024-12-26")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddSourceDialog, "exec", filled)
    actions.add_source.trigger()
    sources = window.workbench.catalog.sources
    assert len(sources) == before + 1
    added = next(s for s in sources if s.title == "Evening news on the crash")
    assert added.label == "R2" and added.color not in {s.color for s in sources if s != added}
    assert window.session.editing.controller.history.undo_label == "Add source 'R2'"  # in History
    chosen = f"R2: {added.title}"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: (chosen, True))
    actions.read_source.trigger()
    assert window.compare_widget.reader.source.key == added.key
    actions.undo.trigger()
    assert len(window.workbench.catalog.sources) == before


def test_a_bad_date_keeps_the_dialog_open_and_says_why(qtbot: Any) -> None:
    dialog = AddSourceDialog()
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("A report")
    dialog.published_edit.setText("next spring")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.problem.text()
    assert source_actions.AddSourceDialog is AddSourceDialog


def test_notes_panel_writes_a_new_note_and_lists_it_rendered(window: Any) -> None:
    notes = window.findChild(QWidget, "NotesDock")
    notes.ask_text = lambda about, body: "# Toll\n**28** or *38*: see [DW](https://dw.com)"
    assert not notes.new_note()  # nothing selected: says where to start, writes nothing
    window.workbench.select(["2022-russian-full-scale-invasion"])
    assert notes.new_note()
    texts = [notes.list.item(i).text() for i in range(notes.list.count())]
    assert any(": Toll\n" in text for text in texts), texts
    assert not any("#" in text or "**" in text for text in texts)


def test_a_panes_colour_chip_changes_label_and_colour_as_one_undoable_step(
    window: Any, monkeypatch: Any, qtbot: Any
) -> None:
    window.workbench.select(["2022-russian-full-scale-invasion"])
    panel = window.compare_widget
    qtbot.waitUntil(lambda: len(panel.panes) == 5, timeout=20000)
    pane = next(p for p in panel.panes if p.outlet_label.text() == "DW")
    before = next(s for s in window.workbench.catalog.sources if s.key == pane.source_key)
    steps = window.session.editing.controller.history.index

    def relabelled(dialog: SourceIdentityDialog) -> QDialog.DialogCode:
        assert dialog.label_edit.text() == "DW" and dialog.color == before.color
        dialog.label_edit.setText("Deutsche Welle")
        dialog.set_color("#123456")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SourceIdentityDialog, "exec", relabelled)
    pane.color_chip.click()
    after = next(s for s in window.workbench.catalog.sources if s.key == before.key)
    assert (after.label, after.color) == ("Deutsche Welle", "#123456")
    history = window.session.editing.controller.history
    assert history.index == steps + 1  # one step, named in History
    assert history.undo_label == "Relabel source 'Deutsche Welle'"
    qtbot.waitUntil(lambda: "Deutsche Welle" in [p.outlet_label.text() for p in panel.panes])
    window.menu_actions.undo.trigger()
    undone = next(s for s in window.workbench.catalog.sources if s.key == before.key)
    assert (undone.label, undone.color) == (before.label, before.color)


def test_label_and_colour_from_the_source_menu_refuses_an_empty_label(
    window: Any, monkeypatch: Any
) -> None:
    action = window.menu_actions.source_identity
    assert action.isEnabled()
    source = window.workbench.catalog.sources[0]
    chosen = f"{source.label}: {source.title}"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: (chosen, True))
    seen: list[str] = []

    def emptied(dialog: SourceIdentityDialog) -> QDialog.DialogCode:
        assert dialog.source.key == source.key
        dialog.label_edit.setText("  ")
        dialog.accept()  # refused: the dialog stays open and says why
        seen.append(dialog.problem.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SourceIdentityDialog, "exec", emptied)
    steps = window.session.editing.controller.history.index
    action.trigger()
    assert seen == ["A source needs a label."]
    assert window.session.editing.controller.history.index == steps
    assert window.workbench.catalog.sources[0].label == source.label
