"""The event dialog: title, dates as people write them (understood live), lane, actors, tags,
other names (aliases, in any language or script, which import uses to link articles),
importance and summary. Save stays disabled until the title is given and the date understood."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from db.records import EventRecord
from desktop.core.catalog import Catalog
from desktop.core.editing import new_key
from desktop.core.editing.actors import actor_aliases_text, parse_actor_aliases
from desktop.model.dates import DateParseError, DateSpan
from desktop.ui.editing.fields import DateField, items_field, split_items

IMPORTANCE = ((1, "1 — headline"), (2, "2 — notable"), (3, "3 — minor"))


def written_dates(event: EventRecord) -> str:
    """The event's dates as the field shows them ("7–12 August 2008"); EDTF if unreadable."""
    try:
        return DateSpan.from_edtf(event.start, event.end).display()
    except DateParseError:
        return event.start if event.end is None else f"{event.start} – {event.end}"


class EventEditor(QDialog):
    """Edit ``event`` or, when it is None, make a new one (``start_text``/``lane`` prefill)."""

    def __init__(
        self,
        catalog: Catalog,
        event: EventRecord | None = None,
        parent: QWidget | None = None,
        *,
        start_text: str = "",
        lane: str = "",
        actor_aliases: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("EventEditor")
        self.setWindowTitle("Edit event" if event else "New event")
        self.original = event
        self.title_edit = QLineEdit(event.title if event else "", self)
        self.title_edit.setObjectName("TitleEdit")
        self.date_field = DateField(written_dates(event) if event else start_text, self)
        self.lane_box = self._lane_box(catalog, event.lane if event else lane)
        actors = catalog.actor_names()  # not every record: that froze a 100k library 5 s
        tags = set(catalog.tags)
        self.actors_edit = items_field(event.actors if event else (), actors, "Actors", self)
        self.tags_edit = items_field(event.tags if event else (), tags, "Tags", self)
        self.aliases_edit = items_field(event.aliases if event else (), (), "Aliases", self)
        self.aliases_edit.setPlaceholderText(
            "other names, comma-separated, in any language: Актау, AZAL"
        )
        self.aliases_edit.setCursorPosition(0)  # show the first names, not the tail
        self.aliases_edit.setToolTip(
            "Names the event is also known by (other languages and scripts, short names). "
            "Import looks for them when it suggests which events an article speaks of."
        )
        known = actor_aliases or {}
        self.actor_aliases_edit = QLineEdit(
            actor_aliases_text(event.actors if event else (), known), self
        )
        self.actor_aliases_edit.setObjectName("ActorAliasesEdit")
        self.actor_aliases_edit.setPlaceholderText("Russia = Россия, Росія, РФ; Georgia = Грузия")
        self.actor_aliases_edit.setCursorPosition(0)
        self.actor_aliases_edit.setToolTip(
            "Other names of actors and places, in any language or script: 'actor = names, …', "
            "actors separated by ';'. They hold for every event naming the actor; import looks "
            "for them as it looks for the actor's own name."
        )
        self.importance_box = QComboBox(self)
        for value, text in IMPORTANCE:
            self.importance_box.addItem(text, value)
        self.importance_box.setCurrentIndex((event.importance if event else 2) - 1)
        self.context_box = QCheckBox("Background event (outside the main period)", self)
        self.context_box.setChecked(bool(event and event.context))
        self.summary_edit = QPlainTextEdit(event.summary if event else "", self)
        self.summary_edit.setObjectName("SummaryEdit")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.title_edit.textChanged.connect(self._update_save)
        self.actor_aliases_edit.textChanged.connect(self._update_save)
        self.date_field.validity_changed.connect(self._update_save)
        self._update_save()

    def _lane_box(self, catalog: Catalog, lane: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName("LaneBox")
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for known in catalog.lanes:
            box.addItem(known.name, known.key)
        completer = box.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        box.setCurrentIndex(max(0, box.findData(lane)))
        box.currentTextChanged.connect(self._update_save)
        return box

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.addRow("&Title", self.title_edit)
        form.addRow("&When", self.date_field)
        form.addRow("&Lane", self.lane_box)
        form.addRow("&Actors", self.actors_edit)
        form.addRow("Ta&gs", self.tags_edit)
        form.addRow("Also &known as", self.aliases_edit)
        form.addRow("Actors' other &names", self.actor_aliases_edit)
        form.addRow("&Importance", self.importance_box)
        form.addRow("", self.context_box)
        form.addRow("&Summary", self.summary_edit)
        form.addRow(self.buttons)
        self.resize(560, 480)

    def lane_key(self) -> str | None:
        """The lane named or keyed by the lane box's text, None if there is no such lane."""
        text = self.lane_box.currentText().strip()
        for i in range(self.lane_box.count()):
            if text in (self.lane_box.itemText(i), self.lane_box.itemData(i)):
                return str(self.lane_box.itemData(i))
        return None

    def is_complete(self) -> bool:
        return (
            bool(self.title_edit.text().strip())
            and self.date_field.span is not None
            and self.lane_key() is not None
            and self._actor_aliases_valid()
        )

    def _actor_aliases_valid(self) -> bool:
        try:
            parse_actor_aliases(self.actor_aliases_edit.text())
        except ValueError:
            return False
        return True

    def actor_aliases(self) -> dict[str, tuple[str, ...]]:
        """Actor -> its other names, as the field says (call only when ``is_complete``)."""
        return parse_actor_aliases(self.actor_aliases_edit.text())

    def _update_save(self, *_: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self.is_complete())

    def record(self) -> EventRecord:
        """The event as the fields say (call only when ``is_complete``)."""
        span = self.date_field.span
        assert span is not None and self.is_complete()
        start, end = span.to_edtf()
        title = self.title_edit.text().strip()
        base = self.original or EventRecord(new_key(title, "event"), title, start, 0.0, 0.0)
        return replace(
            base,
            title=title,
            start=start,
            end=end,
            t_lo=span.t_lo,
            t_hi=span.t_hi,
            lane=self.lane_key() or "",
            actors=split_items(self.actors_edit.text()),
            tags=split_items(self.tags_edit.text()),
            aliases=split_items(self.aliases_edit.text()),
            importance=int(self.importance_box.currentData()),
            context=self.context_box.isChecked(),
            summary=self.summary_edit.toPlainText().strip(),
        )
