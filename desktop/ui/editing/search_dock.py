"""The Search dock (Ctrl+F): full-text results grouped by kind, the matched words highlighted;
a single click (or Enter) opens a result's target."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from db.library import Library
from db.search import KIND_ORDER, SearchHit, query_words
from desktop.ui.editing.search_results import HTML_ROLE, ResultDelegate, result_html

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
        self.results.setHeaderHidden(True)
        self.results.setColumnCount(1)
        self.results.setIndentation(10)  # the results get the dock's width
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.header().sectionResized.connect(lambda *_: self.results.doItemsLayout())
        self.results.itemClicked.connect(self._activate)
        self.results.itemActivated.connect(self._activate)  # Enter, or a double click
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
        words = query_words(self.query.text())
        for kind, hits in grouped.items():
            group = QTreeWidgetItem(self.results, [f"{KIND_TITLES[kind]} ({len(hits)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for hit in hits:
                item = QTreeWidgetItem(group, [hit.title])
                item.setData(0, KEY_ROLE, (hit.kind, hit.key))
                item.setData(0, HTML_ROLE, result_html(hit.title, hit.snippet, hit.marks, words))
                item.setToolTip(0, f"{hit.title}\n\n{hit.snippet}")
            group.setExpanded(True)
        count = sum(len(hits) for hits in grouped.values())
        self.summary.setText(f"{count} result(s)" if self.query.text().strip() else "")

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, KEY_ROLE)
        if target:
            self.target_activated.emit(*target)
