"""Passage editing in the source reader: mark a selection (P or Ctrl+Return), link it to
events, adjust its bounds, relate it to another passage, code it (Ctrl+K), note it, delete it.

``run_dialog(dialog) -> bool`` shows each dialog modally (tests replace it to fill the dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QDialog, QToolBar

from db.records import PassageLink, PassageRecord
from desktop.core import reads
from desktop.core.editing import (
    ApplyCode,
    Command,
    CreatePassage,
    DeletePassage,
    EditPassage,
    LinkPassage,
    RelatePassages,
    RemoveCode,
    UnlinkPassage,
    describe_delete,
)
from desktop.core.editing.batch import Batch
from desktop.ui.compare.reader import SourceReader
from desktop.ui.editing.controller import EditingController
from desktop.ui.editing.event_picker import EventPicker, ranked_events
from desktop.ui.editing.passage_dialogs import BoundsDialog, RelateDialog
from desktop.ui.editing.quick_code import QuickCodePalette


def exec_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class ReaderEditing:
    """Adds the passage actions (and a small toolbar) to one ``SourceReader``."""

    def __init__(
        self,
        reader: SourceReader,
        controller: EditingController,
        add_note: Callable[[str, str], bool],
    ) -> None:
        self.reader = reader
        self.controller = controller
        self.add_note = add_note
        self.run_dialog: Callable[[QDialog], bool] = exec_dialog
        self.toolbar = QToolBar("Passage tools", reader)
        self.toolbar.setObjectName("PassageTools")
        self.actions: dict[str, QAction] = {}
        for name, text, keys, slot in (
            ("mark", "Mark passage", ["P", "Ctrl+Return"], self.mark_passage),
            ("link", "Link to events…", ["L"], self.link_events),
            ("unlink", "Unlink…", [], self.unlink_events),
            ("code", "Code…", ["Ctrl+K"], self.quick_code),
            ("bounds", "Adjust bounds…", ["B"], self.adjust_bounds),
            ("relate", "Relate…", ["R"], self.relate),
            ("note", "Note on passage…", ["N"], self.note_on_passage),
            ("source_note", "Note on source…", [], self.note_on_source),
            ("delete", "Delete passage", ["Delete"], self.delete_passage),
        ):
            self.actions[name] = self._action(text, keys, slot)
        layout = reader.layout()
        if isinstance(layout, QBoxLayout):  # above the text
            layout.insertWidget(layout.count() - 1, self.toolbar)
        controller.changed.connect(lambda _changes: self._reshow())

    def _action(self, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.reader)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if keys:
            action.setToolTip(f"{text} ({keys[0]})")
        action.triggered.connect(lambda _checked=False: slot())
        self.reader.addAction(action)
        self.toolbar.addAction(action)
        return action

    def _reshow(self) -> None:
        if self.reader.source is not None:
            scroll = self.reader.text.verticalScrollBar().value()
            self.reader.show_source(self.reader.source.key)
            self.reader.text.verticalScrollBar().setValue(scroll)

    def _current(self) -> PassageRecord | None:
        passage = self.reader.passage_at_cursor()
        if passage is None:
            self.controller.warn("No passage here", "Put the cursor in a highlighted passage.")
        return passage

    def _pick_events(self, lo: int, hi: int, exclude: set[str]) -> list[str] | None:
        source = self.reader.source
        text = (source.full_text or "") if source else ""
        ranked = [
            (e, why)
            for e, why in ranked_events(self.controller.workbench.catalog, source, text, lo, hi)
            if e.key not in exclude
        ]
        picker = EventPicker(ranked, text[lo:hi], self.reader)
        return picker.chosen() if self.run_dialog(picker) else None

    def mark_passage(self) -> bool:
        """Make the selection a passage, linked to the events picked (none is fine)."""
        selected = self.reader.selected_range()
        if selected is None or self.reader.source is None:
            self.controller.warn(
                "Nothing to mark",
                "Select some text of the source first (this needs the source's full text).",
            )
            return False
        keys = self._pick_events(*selected, exclude=set())
        if keys is None:
            return False
        links = tuple(PassageLink(key) for key in keys)
        return self.controller.execute(
            CreatePassage(
                self.reader.source.key, *selected, links=links, author=self.controller.author
            )
        )

    def link_events(self) -> bool:
        passage = self._current()
        if passage is None:
            return False
        keys = self._pick_events(
            passage.start, passage.end, {link.event_key for link in passage.links}
        )
        if not keys:
            return False
        author = self.controller.author
        parts: list[Command] = [LinkPassage(passage.key, PassageLink(k), author) for k in keys]
        return self.controller.execute(Batch("Link passage to events", parts))

    def unlink_events(self) -> bool:
        passage = self._current()
        if passage is None or not passage.links:
            return False
        catalog = self.controller.workbench.catalog
        linked = [catalog.event(link.event_key) for link in passage.links]
        picker = EventPicker(
            [(e, "") for e in linked if e is not None],
            passage.quote,
            self.reader,
            title="Unlink passage from events",
        )
        keys = picker.chosen() if self.run_dialog(picker) else []
        author = self.controller.author
        parts: list[Command] = [UnlinkPassage(passage.key, key, author) for key in keys]
        return bool(parts) and self.controller.execute(Batch("Unlink passage", parts))

    def quick_code(self) -> bool:
        passage = self._current()
        if passage is None:
            return False
        attributes = reads.attributes(self.controller.library)
        author = self.controller.author
        palette = QuickCodePalette(
            passage, list(self.controller.workbench.catalog.codes), attributes, author, self.reader
        )
        if not self.run_dialog(palette):
            return False
        choice = palette.choice
        if choice.code_key is not None:
            kind = RemoveCode if choice.code_key in palette.applied else ApplyCode
            return self.controller.execute(kind(passage.key, choice.code_key, author))
        if choice.attributes is not None:
            voice, tone, epistemic = choice.attributes
            after = replace(passage, voice=voice, tone=tone, epistemic=epistemic)
            return after != passage and self.controller.execute(EditPassage(passage, after, author))
        return False

    def adjust_bounds(self) -> bool:
        passage = self._current()
        source = self.reader.source
        if passage is None or source is None or not source.full_text:
            return False
        start, end = self.reader.selected_range() or (passage.start, passage.end)
        dialog = BoundsDialog(passage, source.full_text, start, end, self.reader)
        if not self.run_dialog(dialog) or dialog.bounds() == (passage.start, passage.end):
            return False
        lo, hi = dialog.bounds()
        return self.controller.execute(
            EditPassage(passage, replace(passage, start=lo, end=hi), self.controller.author)
        )

    def relate(self) -> bool:
        passage = self._current()
        if passage is None:
            return False
        others = [p for p in reads.passages(self.controller.library) if p.key != passage.key]
        others.sort(key=lambda p: (p.source_key != passage.source_key, p.source_key, p.start))
        dialog = RelateDialog(others, self.reader)
        chosen = dialog.chosen() if self.run_dialog(dialog) else None
        if chosen is None:
            return False
        other, kind = chosen
        return self.controller.execute(
            RelatePassages(passage.key, other, kind, self.controller.author)
        )

    def note_on_passage(self) -> bool:
        passage = self._current()
        return passage is not None and self.add_note("passage", passage.key)

    def note_on_source(self) -> bool:
        source = self.reader.source
        return source is not None and self.add_note("source", source.key)

    def delete_passage(self) -> bool:
        passage = self._current()
        if passage is None:
            return False
        message = describe_delete(self.controller.library, "passage", passage.key)
        if not self.controller.confirm("Delete passage?", f"{message}\nYou can undo this."):
            return False
        return self.controller.execute(DeletePassage(passage.key, self.controller.author))
