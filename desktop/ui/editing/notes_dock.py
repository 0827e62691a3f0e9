"""The Notes dock: every memo in the library, filterable, each leading to what it is about."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.records import NoteRecord
from desktop.core import reads
from desktop.core.editing import CreateNote, DeleteNote, EditNote
from desktop.model.changes import Changes
from desktop.ui.editing.controller import EditingController
from desktop.ui.editing.markdown_view import MarkdownView

KEY_ROLE = Qt.ItemDataRole.UserRole


class NoteEditor(QDialog):
    """Write or change a note's Markdown, with a live safe preview."""

    def __init__(self, about: str, body: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoteEditor")
        self.setWindowTitle(f"Note on {about}")
        self.body = QPlainTextEdit(body, self)
        self.body.setObjectName("NoteBody")
        self.preview = MarkdownView(self)
        self.body.textChanged.connect(lambda: self.preview.show_markdown(self.text()))
        self.preview.show_markdown(body)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        split = QSplitter(self)
        split.addWidget(self.body)
        split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Markdown (shown as text: HTML is not run)", self))
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(700, 400)

    def text(self) -> str:
        return self.body.toPlainText()


def ask_note_text(about: str, body: str, parent: QWidget | None) -> str | None:
    editor = NoteEditor(about, body, parent)
    return editor.text() if editor.exec() == QDialog.DialogCode.Accepted else None


def first_line(body: str) -> str:
    """The note's first line as it reads once its Markdown is rendered (no #, ** or [](...))."""
    document = QTextDocument()
    document.setMarkdown(body)
    lines = [line.strip() for line in document.toPlainText().splitlines() if line.strip()]
    return lines[0] if lines else "(empty)"


class NotesDock(QWidget):
    """Lists notes (target, first line, author, last change); ``target_activated(kind, key)``
    on double-click. ``ask_text(about, body)`` is the editor (patched in tests)."""

    target_activated = Signal(str, str)

    def __init__(
        self,
        controller: EditingController,
        describe: Callable[[str, str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("NotesDock")
        self.controller = controller
        self.describe = describe
        self.ask_text: Callable[[str, str], str | None] = lambda about, body: ask_note_text(
            about, body, self
        )
        self.notes: list[NoteRecord] = []
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter notes…")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.preview = MarkdownView(self)
        self._build()
        self.filter.textChanged.connect(self.refresh)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemDoubleClicked.connect(self._activate)
        controller.changed.connect(self._on_changed)
        self.refresh()

    def _build(self) -> None:
        edit, delete = QPushButton("Edit…", self), QPushButton("Delete", self)
        go = QPushButton("Go to", self)
        new = QPushButton("New note…", self)
        new.setObjectName("NewNote")
        new.setToolTip("Write a note on the selected event")
        new.clicked.connect(self.new_note)
        edit.clicked.connect(self.edit_current)
        delete.clicked.connect(self.delete_current)
        go.clicked.connect(lambda: self._activate(self.list.currentItem()))
        row = QHBoxLayout()
        for button in (new, go, edit, delete):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 2)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)

    def refresh(self) -> None:
        self.notes = reads.notes(self.controller.library)
        words = self.filter.text().lower().split()
        current = self.current_note()
        self.list.clear()
        for note in self.notes:
            about = self.describe(note.target_kind, note.target_key)
            haystack = f"{about} {note.body} {note.author}".lower()
            if not all(word in haystack for word in words):
                continue
            first = first_line(note.body)
            when = note.updated_at.strftime("%Y-%m-%d %H:%M") if note.updated_at else ""
            item = QListWidgetItem(f"{about}: {first}\n{note.author or 'anonymous'} · {when}")
            item.setData(KEY_ROLE, note.key)
            self.list.addItem(item)
            if current is not None and note.key == current.key:
                self.list.setCurrentItem(item)

    def _on_changed(self, changes: Changes) -> None:
        """Refresh unless only events changed and no note listed is about one of them (a note
        names its event by title)."""
        about = {note.target_key for note in self.notes if note.target_kind == "event"}
        if not changes.only("events") or not about.isdisjoint(changes.events):
            self.refresh()

    def current_note(self) -> NoteRecord | None:
        item = self.list.currentItem() if hasattr(self, "list") else None
        key = item.data(KEY_ROLE) if item is not None else None
        return next((n for n in self.notes if n.key == key), None)

    def _show_current(self, *_: object) -> None:
        note = self.current_note()
        self.preview.show_markdown(note.body if note else "")

    def _activate(self, item: QListWidgetItem | None) -> None:
        note = self.current_note() if item is not None else None
        if note is not None:
            self.target_activated.emit(note.target_kind, note.target_key)

    def new_note(self) -> bool:
        """A note on the selected event (or, with none selected, a hint where to start)."""
        key = self.controller.workbench.selected_event
        if key is None:
            self.preview.show_markdown("*Select an event on the timeline to write a note on it.*")
            return False
        return self.add_note("event", key)

    def add_note(self, kind: str, key: str) -> bool:
        body = self.ask_text(self.describe(kind, key), "")
        if not body or not body.strip():
            return False
        return self.controller.execute(CreateNote(kind, key, body, self.controller.author))

    def edit_current(self) -> bool:
        note = self.current_note()
        if note is None:
            return False
        body = self.ask_text(self.describe(note.target_kind, note.target_key), note.body)
        if body is None or body == note.body:
            return False
        return self.controller.execute(
            EditNote(note, replace(note, body=body), self.controller.author)
        )

    def delete_current(self) -> bool:
        note = self.current_note()
        if note is None:
            return False
        return self.controller.execute(DeleteNote(note.key, self.controller.author))
