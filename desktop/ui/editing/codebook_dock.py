"""The codebook editor dock: the code tree with add, rename, recolour, move, merge and delete,
and each code's definition, include and exclude rules and example.

Questions to the user go through ``ask_text``, ``ask_color`` and ``ask_choice`` (tests patch
them); every change is one command through the controller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QInputDialog,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.records import CodeRecord
from desktop.core import reads
from desktop.core.editing import (
    Command,
    CreateCode,
    DeleteCode,
    EditCode,
    MergeCodes,
    MoveCode,
    describe_delete,
    new_key,
)
from desktop.model.changes import Changes
from desktop.ui.editing.controller import EditingController
from desktop.ui.editing.quick_code import _swatch, code_paths

KEY_ROLE = Qt.ItemDataRole.UserRole
DETAILS = ("definition", "include", "exclude", "example")


class CodebookDock(QWidget):
    note_requested = Signal(str, str)

    def __init__(self, controller: EditingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CodebookDock")
        self.controller = controller
        self.ask_text: Callable[[str, str], str | None] = self._text_dialog
        self.ask_color: Callable[[str], str | None] = self._color_dialog
        self.ask_choice: Callable[[str, list[str]], str | None] = self._choice_dialog
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("CodeTree")
        self.tree.setHeaderLabels(["Code", "Codings"])
        self.tree.currentItemChanged.connect(lambda *_: self._show_details())
        self.details = {name: QPlainTextEdit(self) for name in DETAILS}
        self._build()
        controller.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        """Refresh unless only events or notes changed (codes and codings stay as they were:
        an event's edit or undo, at 100k events, should not re-read every code's codings)."""
        if not changes.only("events", "notes"):
            self.refresh()

    @property
    def codes(self) -> list[CodeRecord]:
        return list(self.controller.workbench.catalog.codes)

    def _build(self) -> None:
        grid = QGridLayout()
        buttons = [
            ("Add", self.add_code),
            ("Add sub-code", self.add_child),
            ("Rename…", self.rename),
            ("Colour…", self.recolour),
            ("Up", self.move_up),
            ("Down", self.move_down),
            ("Indent", self.indent),
            ("Outdent", self.outdent),
            ("Merge into…", self.merge),
            ("Delete", self.delete),
            ("Note…", self.note),
        ]
        for i, (text, slot) in enumerate(buttons):
            button = QPushButton(text, self)
            button.setObjectName(f"Codebook_{text.rstrip('…').replace(' ', '_')}")
            button.clicked.connect(lambda _c=False, s=slot: s())
            grid.addWidget(button, i // 4, i % 4)
        form = QFormLayout()
        for name, edit in self.details.items():
            edit.setObjectName(f"Code_{name}")
            edit.setMaximumHeight(70)
            form.addRow(name.capitalize(), edit)
        save = QPushButton("Save details", self)
        save.setObjectName("Codebook_Save_details")
        save.clicked.connect(self.save_details)
        # The tree keeps room for at least 12 codes; buttons and details scroll below it.
        rows = self.tree.fontMetrics().lineSpacing() + 6
        self.tree.setMinimumHeight(12 * rows + self.tree.header().sizeHint().height() + 4)
        tools = QWidget(self)
        column = QVBoxLayout(tools)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(grid)
        column.addLayout(form)
        column.addWidget(save)
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(tools)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.tree)
        split.addWidget(scroller)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(split)

    def refresh(self) -> None:
        current = self.current()
        counts = reads.coding_counts(self.controller.library)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        ordered = sorted(self.codes, key=lambda c: (c.position, c.key))
        pending = list(ordered)
        while pending:  # parents before children, whatever the order
            progressed = [c for c in pending if not c.parent_key or c.parent_key in items]
            for code in progressed or pending:
                parent = items.get(code.parent_key or "")
                item = QTreeWidgetItem([code.name, str(counts.get(code.key, 0))])
                item.setIcon(0, _swatch(code.color))
                item.setData(0, KEY_ROLE, code.key)
                item.setToolTip(0, code.definition or code.name)
                (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
                items[code.key] = item
            pending = [c for c in pending if c.key not in items]
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        if current is not None and current.key in items:
            self.tree.setCurrentItem(items[current.key])

    def select(self, key: str) -> None:
        every = Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
        for item in self.tree.findItems("", every):
            if item.data(0, KEY_ROLE) == key:
                self.tree.setCurrentItem(item)

    def current(self) -> CodeRecord | None:
        item = self.tree.currentItem() if hasattr(self, "tree") else None
        key = item.data(0, KEY_ROLE) if item is not None else None
        return next((c for c in self.codes if c.key == key), None)

    def _siblings(self, code: CodeRecord) -> list[CodeRecord]:
        return sorted(
            (c for c in self.codes if c.parent_key == code.parent_key),
            key=lambda c: (c.position, c.key),
        )

    def _show_details(self) -> None:
        code = self.current()
        for name, edit in self.details.items():
            edit.setPlainText(getattr(code, name) if code else "")

    def _run(self, command: Command) -> bool:
        return self.controller.execute(command)

    def _create(self, parent_key: str | None) -> bool:
        name = self.ask_text("New code", "")
        if not name or not name.strip():
            return False
        siblings = [c for c in self.codes if c.parent_key == parent_key]
        code = CodeRecord(
            new_key(name, "code"), name.strip(), parent_key=parent_key, position=len(siblings)
        )
        return self._run(CreateCode(code, self.controller.author))

    def add_code(self) -> bool:
        current = self.current()
        return self._create(current.parent_key if current else None)

    def add_child(self) -> bool:
        current = self.current()
        return current is not None and self._create(current.key)

    def _edit(self, **values: Any) -> bool:
        code = self.current()
        if code is None:
            return False
        after = replace(code, **values)
        return after != code and self._run(EditCode(code, after, self.controller.author))

    def rename(self) -> bool:
        code = self.current()
        name = self.ask_text("Rename code", code.name) if code else None
        if name is None or not name.strip():
            return False
        return self._edit(name=name.strip())

    def recolour(self) -> bool:
        code = self.current()
        color = self.ask_color(code.color) if code else None
        return color is not None and self._edit(color=color)

    def save_details(self) -> bool:
        return self._edit(**{n: e.toPlainText().strip() for n, e in self.details.items()})

    def _move(self, parent_key: str | None, index: int) -> bool:
        code = self.current()
        return code is not None and self._run(
            MoveCode(code.key, parent_key, index, self.controller.author)
        )

    def move_up(self) -> bool:
        code = self.current()
        if code is None:
            return False
        index = [c.key for c in self._siblings(code)].index(code.key)
        return index > 0 and self._move(code.parent_key, index - 1)

    def move_down(self) -> bool:
        code = self.current()
        if code is None:
            return False
        siblings = self._siblings(code)
        index = [c.key for c in siblings].index(code.key)
        return index < len(siblings) - 1 and self._move(code.parent_key, index + 1)

    def indent(self) -> bool:
        """Make the code the last sub-code of the sibling above it."""
        code = self.current()
        if code is None:
            return False
        siblings = self._siblings(code)
        index = [c.key for c in siblings].index(code.key)
        if index == 0:
            return False
        above = siblings[index - 1]
        return self._move(above.key, sum(1 for c in self.codes if c.parent_key == above.key))

    def outdent(self) -> bool:
        """Put the code right after its parent, among the parent's siblings."""
        code = self.current()
        parent = next((c for c in self.codes if c.key == code.parent_key), None) if code else None
        if parent is None:
            return False
        index = [c.key for c in self._siblings(parent)].index(parent.key)
        return self._move(parent.parent_key, index + 1)

    def merge(self) -> bool:
        """Fold the current code into another; every coding is kept (on the target)."""
        code = self.current()
        if code is None:
            return False
        paths = code_paths(self.codes)
        names = sorted(paths[c.key] for c in self.codes if c.key != code.key)
        chosen = self.ask_choice(f"Merge '{code.name}' into…", names)
        target = next((k for k, path in paths.items() if path == chosen), None)
        return target is not None and self._run(
            MergeCodes(code.key, target, self.controller.author)
        )

    def delete(self) -> bool:
        code = self.current()
        if code is None:
            return False
        message = describe_delete(self.controller.library, "code", code.key)
        if not self.controller.confirm(
            "Delete code?", f"{message}\nIts sub-codes move up. You can undo this."
        ):
            return False
        return self._run(DeleteCode(code.key, self.controller.author, code.name))

    def note(self) -> None:
        code = self.current()
        if code is not None:
            self.note_requested.emit("code", code.key)

    def _text_dialog(self, title: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self, title, "Name:", text=text)
        return value if ok else None

    def _color_dialog(self, color: str) -> str | None:
        chosen = QColorDialog.getColor(QColor(color), self, "Code colour")
        return chosen.name() if chosen.isValid() else None

    def _choice_dialog(self, title: str, names: list[str]) -> str | None:
        value, ok = QInputDialog.getItem(self, title, "Code:", names, 0, False)
        return value if ok else None
