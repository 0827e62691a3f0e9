"""Choosing the events a passage speaks of: suggestions first, then every event, searchable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.records import EventRecord, SourceRecord
from desktop.core.catalog import Catalog
from desktop.core.suggest import EventInfo, suggest_links
from desktop.model.dates import DateParseError, DateSpan, HistDate
from desktop.ui.editing.event_editor import written_dates

CONTEXT_CHARS = 400
KEY_ROLE = Qt.ItemDataRole.UserRole


def _published(source: SourceRecord | None) -> HistDate | None:
    if source is None or not source.published:
        return None
    try:
        return DateSpan.from_edtf(source.published).start
    except DateParseError:
        return None


def ranked_events(
    catalog: Catalog, source: SourceRecord | None, text: str, lo: int, hi: int
) -> list[tuple[EventRecord, str]]:
    """Every event with a reason: first those the selection and its surroundings suggest (by
    dates and names occurring there, best first), then the rest in time order."""
    context = text[max(0, lo - CONTEXT_CHARS) : hi + CONTEXT_CHARS] if text else ""
    infos = [EventInfo(e.key, e.title, e.t_lo, e.t_hi, e.actors, e.tags) for e in catalog.events]
    suggestions = suggest_links(context, _published(source), infos) if context else []
    ranked: list[tuple[EventRecord, str]] = []
    for suggestion in suggestions:
        event = catalog.event(suggestion.event_key)
        if event is not None:
            ranked.append((event, "suggested: " + "; ".join(suggestion.reasons)))
    seen = {event.key for event, _ in ranked}
    rest = sorted((e for e in catalog.events if e.key not in seen), key=lambda e: e.t_lo)
    return ranked + [(event, "") for event in rest]


class EventPicker(QDialog):
    """Tick one or more events; ``chosen()`` gives their keys in the order shown."""

    def __init__(
        self,
        ranked: list[tuple[EventRecord, str]],
        quote: str,
        parent: QWidget | None = None,
        *,
        title: str = "Link passage to events",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("EventPicker")
        self.setWindowTitle(title)
        shown = quote if len(quote) < 160 else quote[:159] + "…"
        label = QLabel(f"“{shown}”", self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Search events by title, actor, tag or date…")
        self.list = QListWidget(self)
        self.list.setObjectName("PickerEvents")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for event, reason in ranked:
            text = f"{event.title} — {written_dates(event)}" + (f"  ({reason})" if reason else "")
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, event.key)
            item.setData(
                Qt.ItemDataRole.UserRole + 1, " ".join((text, *event.actors, *event.tags)).lower()
            )
            self.list.addItem(item)
        self.filter.textChanged.connect(self._refilter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _refilter(self, query: str) -> None:
        words = query.lower().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = str(item.data(Qt.ItemDataRole.UserRole + 1))
            item.setHidden(not all(word in haystack for word in words))

    def chosen(self) -> list[str]:
        return [
            str(self.list.item(r).data(KEY_ROLE))
            for r in range(self.list.count())
            if self.list.item(r).isSelected()
        ]
