"""The Search dock (Ctrl+F): full-text results grouped by kind, each opening its target."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from db.library import Library
from db.search import KIND_ORDER, SearchHit

KIND_TITLES = {"event": "Events", "source": "Sources", "passage": "Passages", "note": "Notes"}
KEY_ROLE = Qt.ItemDataRole.UserRole


def find(library: Library, query: str) -> dict[str, list[SearchHit]]:
    """Hits for ``query`` grouped by kind in ``KIND_ORDER`` (empty kinds left out)."""
    if not query.strip():
        return {}
    hits = library.search(query)
    grouped: dict[str, list[SearchHit]] = {}
    for kind in KIND_ORDER:
        found = [hit for hit in hits if hit.kind == kind]
        if found:
            grouped[kind] = found
    return grouped


class SearchDock(QWidget):
    """Type to search (results follow as you type); activating a result emits
    ``target_activated(kind, key)``."""

    target_activated = Signal(str, str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchDock")
        self.library = library
        self.query = QLineEdit(self)
        self.query.setObjectName("SearchQuery")
        self.query.setPlaceholderText("Search events, sources, passages and notes…")
        self.query.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        self.results = QTreeWidget(self)
        self.results.setObjectName("SearchResults")
        self.results.setHeaderLabels(["Result", "Where the words occur"])
        self.results.itemActivated.connect(self._activate)
        self.results.itemDoubleClicked.connect(self._activate)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self.run)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run(self) -> None:
        self._timer.stop()
        grouped = find(self.library, self.query.text())
        self.results.clear()
        for kind, hits in grouped.items():
            group = QTreeWidgetItem(self.results, [f"{KIND_TITLES[kind]} ({len(hits)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for hit in hits:
                item = QTreeWidgetItem(group, [hit.title, hit.snippet.replace("\n", " ")])
                item.setData(0, KEY_ROLE, (hit.kind, hit.key))
                item.setToolTip(1, hit.snippet)
            group.setExpanded(True)
        count = sum(len(hits) for hits in grouped.values())
        self.summary.setText(f"{count} result(s)" if self.query.text().strip() else "")

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, KEY_ROLE)
        if target:
            self.target_activated.emit(*target)
