"""``ReviewPanel``: the suggestions for one source, to accept, adjust or reject one by one.

Nothing is linked until a person presses Accept; each accept or reject goes through the use
case (``accept_suggestion`` / ``reject_suggestion``) and then ``workbench.reload()``. The
dialogs that ask (the new event's title, the edited span) are methods tests can replace.
Sources are walked one by one with Previous/Next (Alt+Left / Alt+Right); sources awaiting
review are marked in the list.
"""

from __future__ import annotations

import html
from contextlib import suppress

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import LibraryError
from desktop.core import reads
from desktop.core.assist.coding.summary import describe_for_source
from desktop.core.assist.describe import headline
from desktop.core.catalog import Catalog
from desktop.core.editing import UndoHistory
from desktop.core.importing import (
    NewEventDetails,
    ReviewItem,
    SuggestionKind,
    accept_suggestion,
    reject_suggestion,
    review_suggestions,
)
from desktop.core.workbench import Workbench
from desktop.model.changes import Changes
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.importing.model_refresh import CodingModelRefresher
from desktop.ui.importing.span_dialog import SpanDialog

DETAILS_CHARS = 150  # of the passage shown under the list; the whole is in the row's tooltip
_COLUMNS = ("%", "Suggestion")  # the selected one's passage and reasons show below the list


class ReviewPanel(QWidget):
    """Lists ``review_suggestions`` for the source chosen in its combo box, best first."""

    accepted = Signal(str)  # the new passage's key
    recorded = Signal()  # an accept or reject became a step of ``history``

    def __init__(
        self,
        workbench: Workbench,
        signals: WorkbenchSignals,
        parent: QWidget | None = None,
        history: UndoHistory | None = None,
        refresher: CodingModelRefresher | None = None,
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.history = history
        self.refresher = refresher
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        self.model_label.setAccessibleName("About the coding model")
        self.model_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.items: list[ReviewItem] = []
        self._known: Catalog = workbench.catalog  # see reload_sources
        self.source_combo = QComboBox()
        self.source_combo.setAccessibleName("Source to review")
        self.previous_button = QPushButton("◀")  # short: the combo gets the dock's width
        self.next_button = QPushButton("▶")
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("◀") + 24)
        self.previous_button.setShortcut(QKeySequence("Alt+Left"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.previous_button.setToolTip("Previous source (Alt+Left)")
        self.next_button.setToolTip("Next source (Alt+Right)")
        self.previous_button.setAccessibleName("Previous source")
        self.next_button.setAccessibleName("Next source")
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(list(_COLUMNS))
        self.table.setUniformRowHeights(True)
        header = self.table.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.source_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_combo.setMinimumContentsLength(8)
        self.details = QLabel()
        self.details.setObjectName("SuggestionDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setAccessibleName("The selected suggestion")
        self.table.setAccessibleName("Suggestions")
        self.status_label = QLabel()
        self.accept_button = QPushButton("&Accept")
        self.edit_button = QPushButton("Edit &span…")
        self.reject_button = QPushButton("&Reject")
        self._lay_out()
        self.source_combo.currentIndexChanged.connect(self.refresh)
        self.previous_button.clicked.connect(lambda: self.step_source(-1))
        self.next_button.clicked.connect(lambda: self.step_source(1))
        self.table.currentItemChanged.connect(self._update_buttons)
        self.accept_button.clicked.connect(lambda: self.accept_current())
        self.edit_button.clicked.connect(self.edit_current)
        self.reject_button.clicked.connect(self.reject_current)
        signals.catalog_changed.connect(self.on_changes)
        if refresher is not None:
            refresher.started.connect(self.show_model)
            refresher.refreshed.connect(self.refresh)
            refresher.failed.connect(self._model_failed)
        self.reload_sources()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.edit_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        walk = QHBoxLayout()
        walk.addWidget(self.previous_button)
        walk.addWidget(self.source_combo, 1)
        walk.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(walk)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.status_label)
        layout.addWidget(self.model_label)
        layout.addLayout(buttons)

    @property
    def source_key(self) -> str | None:
        key = self.source_combo.currentData()
        return str(key) if key else None

    def reload_sources(self) -> None:
        """Refill the combo with the sources that have text, keeping the current choice."""
        current = self.source_key
        self._known = self.workbench.catalog  # the events there when the list was read
        sources, pending = reads.sources_for_review(self.workbench.library)
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        for source in sources:
            waiting = pending.get(source.key, 0)
            label = f"{source.title} — {waiting} awaiting review" if waiting else source.title
            self.source_combo.addItem(label, source.key)
        found = self.source_combo.findData(current) if current else -1
        self.source_combo.setCurrentIndex(found if found >= 0 else 0 if sources else -1)
        self.source_combo.blockSignals(False)
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        """After a change, an undo or a redo: list the suggestions as they are now, unless
        only events changed that the panel names none of and that were there already and
        still are (an edit of another event changes no suggestion; a review step always
        names its source)."""
        catalog, known = self.workbench.catalog, self._known
        if (
            not changes.only("events")
            or not self._named.isdisjoint(changes.events)
            or not all(known.has(key) and catalog.has(key) for key in changes.events)
        ):
            self.follow_history()

    @property
    def _named(self) -> set[str]:
        """The events the suggestions listed name (by title)."""
        return {item.event_key for item in self.items if item.event_key}

    def follow_history(self) -> None:
        """After a step, an undo or a redo: list the suggestions as they are now. An unreachable
        library keeps what is shown (the connection banner says why)."""
        with suppress(LibraryError):
            self.reload_sources()

    def step_source(self, step: int) -> None:
        """Show the previous (-1) or next (+1) source; stays put at either end."""
        index = self.source_combo.currentIndex() + step
        if 0 <= index < self.source_combo.count():
            self.source_combo.setCurrentIndex(index)

    def show_source(self, source_key: str) -> None:
        """Review ``source_key`` (e.g. right after importing it)."""
        index = self.source_combo.findData(source_key)
        if index >= 0:
            self.source_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        key = self.source_key
        self.items = review_suggestions(self.workbench.library, key) if key else []
        self.table.clear()
        for item in self.items:
            self.table.addTopLevelItem(_row(item))
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        self.status_label.setText(f"{len(self.items)} suggestions to review" if key else "")
        self.show_model()
        index, count = self.source_combo.currentIndex(), self.source_combo.count()
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < count - 1)
        self._update_buttons()

    def show_model(self) -> None:
        """Say what the coding model learnt from, for the source under review."""
        key = self.source_key
        if self.refresher is None or key is None:
            self.model_label.setText("")
            return
        trained = self.refresher.trained
        if self.refresher.busy and trained is None:
            text = "Learning frame codes from the library's codings…"
        elif trained is None:
            text = "Frame codes are learnt from the library's codings once passages await review."
        else:
            try:
                lines = describe_for_source(self.workbench.library, trained.model, key)
            except LibraryError:  # unreachable for now: the label keeps what it says
                return
            if self.refresher.busy:
                lines = (*lines, "Codings changed: learning again…")
            text = "\n".join(lines)
        self.model_label.setText(text)

    def _model_failed(self, details: str) -> None:
        last = details.strip().splitlines()[-1] if details.strip() else "unknown error"
        self.model_label.setText(f"Could not learn frame codes from the codings: {last}")

    def current_item(self) -> ReviewItem | None:
        current = self.table.currentItem()
        index = self.table.indexOfTopLevelItem(current) if current is not None else -1
        return self.items[index] if 0 <= index < len(self.items) else None

    def _update_buttons(self) -> None:
        item = self.current_item()
        for button in (self.accept_button, self.edit_button, self.reject_button):
            button.setEnabled(item is not None)
        self.details.setText(_details(item) if item is not None else "")

    def accept_current(self, span: tuple[int, int] | None = None) -> str | None:
        """Accept the selected suggestion (over ``span`` if given); the new passage's key."""
        item, key = self.current_item(), self.source_key
        if item is None or key is None:
            return None
        details = None
        if item.kind == SuggestionKind.NEW_EVENT:
            details = self.ask_new_event(item)
            if details is None:
                return None
        try:
            done = accept_suggestion(
                self.workbench.library,
                key,
                item,
                author=self.workbench.author,
                span=span,
                new_event=details,
                history=self.history,
            )
        except LibraryError as error:
            QMessageBox.warning(self, "Cannot accept", str(error))
            return None
        self._recorded()
        self.accepted.emit(done.passage_key)
        return done.passage_key

    def edit_current(self) -> None:
        """Let the person adjust the passage's bounds, then accept it."""
        item, key = self.current_item(), self.source_key
        if item is None or key is None:
            return
        text = reads.source_text(self.workbench.library, key)
        span = self.ask_span(item, text)
        if span is not None:
            self.accept_current(span)

    def reject_current(self) -> None:
        item, key = self.current_item(), self.source_key
        if item is None or key is None:
            return
        try:
            reject_suggestion(
                self.workbench.library, key, item.id, self.workbench.author, self.history
            )
        except LibraryError as error:
            QMessageBox.warning(self, "Cannot reject", str(error))
            return
        self._recorded()

    def _recorded(self) -> None:
        self.workbench.reload()
        self.refresh()
        if self.history is not None:
            self.recorded.emit()

    def ask_new_event(self, item: ReviewItem) -> NewEventDetails | None:
        title, ok = QInputDialog.getText(
            self, "New event", f"Title of the event on {item.date_display}:"
        )
        return NewEventDetails(title.strip()) if ok and title.strip() else None

    def ask_span(self, item: ReviewItem, text: str) -> tuple[int, int] | None:
        dialog = SpanDialog(text, item.start, item.end, self)
        return dialog.chosen_span() if dialog.exec() else None


def _what(item: ReviewItem) -> str:
    """What accepting adds: "Link to: …", "New event on …", "Claim azal-8243.deaths: 30
    people", "Code: …", "Tone: negative" (assisted kinds were all "New event on" before)."""
    return headline(item)


def _row(item: ReviewItem) -> QTreeWidgetItem:
    row = QTreeWidgetItem([f"{item.confidence:.0%}", _what(item)])
    row.setToolTip(1, f"{_what(item)}\n\n{item.excerpt}\n\n" + "\n".join(item.reasons))
    row.setData(0, Qt.ItemDataRole.UserRole, item.id)
    return row


def _details(item: ReviewItem) -> str:
    """The selected suggestion in full: what it proposes, the passage, and why."""
    excerpt = html.escape(_shortened(item.excerpt, DETAILS_CHARS))
    reasons = html.escape(_shortened("; ".join(item.reasons), DETAILS_CHARS))
    return f"<b>{html.escape(_what(item))}</b><br>“{excerpt}”<br><i>Why:</i> {reasons}"


def _shortened(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
