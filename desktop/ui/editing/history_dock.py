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
        history = self.controller.history
        self.list.clear()
        for row, label in enumerate([START_LABEL, *history.labels]):
            current = row == history.index
            undone = row > history.index
            item = QListWidgetItem(("▶ " if current else "   ") + label)
            item.setData(Qt.ItemDataRole.UserRole, row)
            font = QFont(item.font())
            font.setBold(current)
            font.setItalic(undone)
            item.setFont(font)
            if undone:
                item.setToolTip("undone: click to redo up to here")
            self.list.addItem(item)
        self.list.setCurrentRow(history.index)

    def _go(self, item: QListWidgetItem) -> None:
        self.controller.go_to(int(item.data(Qt.ItemDataRole.UserRole)))
