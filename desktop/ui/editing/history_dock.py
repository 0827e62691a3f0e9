"""The History dock: every undo step by label, the current position marked; clicking an entry
undoes or redoes to just after it (the first row is the state before any edit)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.ui.editing.controller import EditingController

START_LABEL = "(as opened)"


class HistoryDock(QWidget):
    def __init__(self, controller: EditingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryDock")
        self.controller = controller
        self.list = QListWidget(self)
        self.list.setObjectName("HistoryList")
        self.list.itemClicked.connect(self._go)
        hint = QLabel("Each edit is saved when made. Click a step to go back to it.", self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        controller.history_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the history's steps: the rows whose text or state changed are rewritten, the
        others kept (an edit adds one row and moves the marker; it rebuilt all 200)."""
        history = self.controller.history
        labels = [START_LABEL, *history.labels]
        while self.list.count() > len(labels):
            self.list.takeItem(self.list.count() - 1)
        for row, label in enumerate(labels):
            item = self.list.item(row)
            if item is None:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.list.addItem(item)
            _show_step(item, label, row == history.index, row > history.index)
        self.list.setCurrentRow(history.index)

    def _go(self, item: QListWidgetItem) -> None:
        self.controller.go_to(int(item.data(Qt.ItemDataRole.UserRole)))


def _show_step(item: QListWidgetItem, label: str, current: bool, undone: bool) -> None:
    """Write a step's row: its label, marked when current, in italics when undone."""
    text = ("▶ " if current else "   ") + label
    if item.text() == text and item.font().italic() == undone:
        return
    item.setText(text)
    font = QFont(item.font())
    font.setBold(current)
    font.setItalic(undone)
    item.setFont(font)
    item.setToolTip("undone: click to redo up to here" if undone else "")
