"""The codebook editor (merge keeps codings, recolour, move) and notes rendered safely."""

from __future__ import annotations

from typing import Any

from desktop.ui.editing.markdown_view import render_markdown
from tests.ui.editing.conftest import installation


def codings(library: Any, code_key: str) -> int:
    with library.unit_of_work() as uow:
        return uow.codes.coding_count(code_key)


def test_merge_keeps_every_coding_and_undoes(window: Any) -> None:
    codebook = installation(window).codebook
    library = window.workbench.library
    source, target = "issue.legality", "issue.morality"
    before = codings(library, source), codings(library, target)
    assert before[0] > 0
    with library.unit_of_work() as uow:
        passages = {
            p.key for p in uow.passages.list() for c in p.codings if c.code_key in (source, target)
        }
    codebook.select(source)
    assert codebook.current().key == source
    codebook.ask_choice = lambda title, names: next(n for n in names if n.endswith("Morality"))
    assert codebook.merge()
    with library.unit_of_work() as uow:
        keys = {c.key for c in uow.codes.list()}
        merged = {p.key for p in uow.passages.list() for c in p.codings if c.code_key == target}
    assert source not in keys
    assert merged == passages, "every passage coded with either code carries the target"
    assert "Merge codes" in window.menu_actions.undo.text()
    window.menu_actions.undo.trigger()
    assert (codings(library, source), codings(library, target)) == before


def test_add_rename_recolour_and_move(window: Any) -> None:
    codebook = installation(window).codebook
    library = window.workbench.library
    codebook.select("issue")
    codebook.ask_text = lambda title, text: "Sanctions"
    assert codebook.add_child()
    created = next(c for c in window.workbench.catalog.codes if c.name == "Sanctions")
    assert created.parent_key == "issue"
    codebook.select(created.key)
    codebook.ask_color = lambda color: "#123456"
    assert codebook.recolour()
    codebook.ask_text = lambda title, text: "Sanctions regime"
    assert codebook.rename()
    assert codebook.outdent()
    codebook.details["definition"].setPlainText("Economic measures against a state.")
    assert codebook.save_details()
    with library.unit_of_work() as uow:
        code = uow.codes.get(created.key)
    assert (code.name, code.color, code.parent_key, code.definition) == (
        "Sanctions regime",
        "#123456",
        None,
        "Economic measures against a state.",
    )
    assert len(window.session.editing.controller.history.labels) == 5


def test_markdown_is_rendered_without_running_html() -> None:
    html = render_markdown("**bold** <script>alert(1)</script> [x](javascript:alert(1))")
    assert "<strong>bold</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "href" not in html, "a javascript: link is left as plain text"


def test_notes_create_edit_delete_and_jump(qtbot: Any, window: Any) -> None:
    editing = installation(window)
    notes = editing.notes
    war = next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")
    window.workbench.select([war.key])
    notes.ask_text = lambda about, body: "# Check\n<script>alert('x')</script> *dates*"
    assert editing._note_on_event()
    assert notes.list.count() == 1
    notes.list.setCurrentRow(0)
    shown = notes.preview.toPlainText()
    assert "<script>alert('x')</script>" in shown, "the tag is shown as text"
    assert "<script>" not in notes.preview.toHtml()
    assert "tester" in notes.list.item(0).text() and war.title in notes.list.item(0).text()
    notes.ask_text = lambda about, body: body + "\n\nMore."
    assert notes.edit_current()
    with window.workbench.library.unit_of_work() as uow:
        [note] = uow.notes.list()
    assert note.body.endswith("More.") and note.target_key == war.key
    window.workbench.select([])
    notes.list.setCurrentRow(0)
    notes._activate(notes.list.item(0))
    assert window.workbench.selection == (war.key,)
    notes.filter.setText("nothing-like-this")
    assert notes.list.count() == 0
    notes.filter.setText("")
    notes.list.setCurrentRow(0)
    assert notes.delete_current()
    assert notes.list.count() == 0
    window.menu_actions.undo.trigger()
    assert notes.list.count() == 1
