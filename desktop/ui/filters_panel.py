"""The Filters panel: which events the timeline shows, written to ``workbench.set_filters``.

The panel holds no filter state of its own: every control change builds a ``Filters`` value
from the controls and hands it to the workbench; every ``filters_changed`` puts the workbench's
value back into the controls (so filters restored from settings, or set by another view, show
here). In each list nothing checked means "no restriction"; checking items keeps only the
events that match one of them. The count line reads "42 of 120 events".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.records import CodeRecord, SourceRecord
from desktop.core.filters import Filters
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals

IMPORTANCE_CHOICES = ((3, "All events"), (2, "Key and major events"), (1, "Key events only"))
KEY_ROLE = Qt.ItemDataRole.UserRole
MAX_VISIBLE_ROWS = 8
READY_POLL_MS = 15  # how often a search waiting for its texts looks whether they are read
Entry = tuple[str, str, str | None, str]  # key, label, colour or None, tooltip


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


SEARCH_DELAY_MS = 250  # quiet time after the last keystroke before the text filters


class CheckList(QListWidget):
    """A list of checkable items, each carrying a key; nothing checked means 'all'."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setObjectName("filter_" + name.lower().replace(" ", "_"))
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fill(self, entries: Iterable[Entry], checked: frozenset[str]) -> None:
        """Replace the items with (key, label, colour or None, tooltip) entries."""
        self.blockSignals(True)
        self.clear()
        for key, label, color, tip in entries:
            item = QListWidgetItem(label, self)
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setToolTip(tip or label)
            if color:
                item.setIcon(_swatch(color))
        self.blockSignals(False)
        self.set_checked(checked)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the items, up to ``MAX_VISIBLE_ROWS`` rows (then it scrolls)."""
        rows = min(max(self.count(), 1), MAX_VISIBLE_ROWS)
        row = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 4
        self.setFixedHeight(rows * row + 2 * self.frameWidth() + 2)

    def set_checked(self, keys: frozenset[str]) -> None:
        self.blockSignals(True)
        for row in range(self.count()):
            item = self.item(row)
            on = item.data(KEY_ROLE) in keys
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def checked(self) -> frozenset[str]:
        return frozenset(
            self.item(row).data(KEY_ROLE)
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_checked_key(self, key: str, on: bool) -> None:
        """Check or uncheck one item by key (emits itemChanged like a click)."""
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
                self.item(row).setCheckState(state)


class FiltersPanel(QScrollArea):
    def __init__(
        self, workbench: Workbench, signals: WorkbenchSignals, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.setObjectName("FiltersPanel")
        self.setAccessibleName("Filters")
        self.setWidgetResizable(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.count_label = QLabel(body)
        self.count_label.setAccessibleName("Events shown")
        self.count_label.setObjectName("filter_counts")
        layout.addWidget(self.count_label)
        self.search = QLineEdit(body)
        self.search.setPlaceholderText("Search titles, other names, summaries, actors, tags")
        self.search.setAccessibleName("Search events")
        self.search.setClearButtonEnabled(True)
        # Typing (or a paste that arrives as keystrokes) restarts a short timer instead of
        # filtering on every character: n characters cost one filtering, not n.
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._write)
        self.search.textChanged.connect(self._on_typed)
        # A search the worker has not finished reading for is applied when it has, not by
        # blocking this thread (``Workbench.prepare_search``): checked every few milliseconds.
        self._ready_timer = QTimer(self, singleShot=True, interval=READY_POLL_MS)
        self._ready_timer.timeout.connect(self._write)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        layout.addLayout(self._build_importance_and_mode(body))
        self.lanes = self._group(layout, "Lanes", body)
        self.sources = self._group(layout, "Sources", body)
        self.codes = self._group(layout, "Codes", body)
        self.tags = self._group(layout, "Tags", body)
        self.clear_button = QPushButton("Clear filters", body)
        self.clear_button.setAccessibleName("Clear filters")
        self.clear_button.setToolTip("Show every event again")
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setWidget(body)
        self._fill_lists()
        self._read()
        signals.catalog_changed.connect(self._on_catalog)
        signals.filters_changed.connect(self._read)

    def _build_importance_and_mode(self, body: QWidget) -> QFormLayout:
        form = QFormLayout()
        self.importance = QComboBox(body)
        self.importance.setAccessibleName("Importance")
        for value, label in IMPORTANCE_CHOICES:
            self.importance.addItem(label, value)
        self.importance.currentIndexChanged.connect(self._write)
        form.addRow("&Importance:", self.importance)
        row = QHBoxLayout()
        self.hide_radio = QRadioButton("&Hide", body)
        self.dim_radio = QRadioButton("&Dim", body)
        self.hide_radio.setAccessibleName("Hide events that do not match")
        self.dim_radio.setAccessibleName("Dim events that do not match")
        self.mode = QButtonGroup(self)
        for button in (self.hide_radio, self.dim_radio):
            self.mode.addButton(button)
            row.addWidget(button)
        self.hide_radio.setChecked(True)
        self.mode.buttonToggled.connect(self._on_mode_toggled)
        form.addRow("Others:", row)
        return form

    def _on_mode_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._write()

    def _group(self, layout: QVBoxLayout, title: str, body: QWidget) -> CheckList:
        box = QGroupBox(title, body)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(4, 4, 4, 4)
        checklist = CheckList(title, box)
        checklist.setToolTip(
            f"Check {title.lower()} to show only their events; none checked shows all"
        )
        checklist.itemChanged.connect(self._write)
        inner.addWidget(checklist)
        layout.addWidget(box)
        return checklist

    def _fill_lists(self) -> None:
        catalog = self.workbench.catalog
        filters = self.workbench.filters
        self._listed: tuple[object, ...] = (
            catalog.lanes,
            catalog.sources,
            catalog.codes,
            catalog.tags,
        )
        identities = catalog.source_identities()
        self.lanes.fill(
            ((lane.key, lane.name, lane.color, "") for lane in catalog.lanes), filters.lanes
        )
        self.sources.fill(
            (
                (s.key, identities[s.key].label, identities[s.key].color, _source_tip(s))
                for s in catalog.sources
            ),
            filters.sources,
        )
        self.codes.fill(_code_entries(catalog.codes), filters.codes)
        tags = sorted(catalog.tags, key=str.casefold)
        self.tags.fill(((tag, tag, None, "") for tag in tags), filters.tags)

    def current_filters(self) -> Filters:
        """The filters the controls describe."""
        return Filters(
            lanes=self.lanes.checked(),
            sources=self.sources.checked(),
            codes=self.codes.checked(),
            tags=self.tags.checked(),
            max_importance=int(self.importance.currentData() or 3),
            text=self.search.text(),
            dim_instead_of_hide=self.dim_radio.isChecked(),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.FocusIn:
            self.workbench.prepare_search()  # a search is likely: read what it looks in
        return super().eventFilter(watched, event)

    def _on_typed(self, text: str) -> None:
        if text.strip():
            self.workbench.prepare_search()  # read while the timer runs, off this thread
        self._search_timer.start()

    def _write(self) -> None:
        self._search_timer.stop()  # any control writes the text typed so far too
        self._ready_timer.stop()
        if self.search.text().strip() and not self.workbench.search_ready():
            self.count_label.setText("Searching…")
            self._ready_timer.start()
            return
        self.workbench.set_filters(self.current_filters())
        self._show_counts()

    def _read(self) -> None:
        filters = self.workbench.filters
        for checklist, keys in (
            (self.lanes, filters.lanes),
            (self.sources, filters.sources),
            (self.codes, filters.codes),
            (self.tags, filters.tags),
        ):
            checklist.set_checked(keys)
        widgets = (self.search, self.importance, self.hide_radio, self.dim_radio)
        for widget in widgets:
            widget.blockSignals(True)
        # text typed but not yet applied wins
        typing = self._search_timer.isActive() or self._ready_timer.isActive()
        if not typing and self.search.text() != filters.text:
            self.search.setText(filters.text)
        index = self.importance.findData(filters.max_importance)
        self.importance.setCurrentIndex(max(index, 0))
        (self.dim_radio if filters.dim_instead_of_hide else self.hide_radio).setChecked(True)
        for widget in widgets:
            widget.blockSignals(False)
        self._show_counts()

    def _on_catalog(self) -> None:
        catalog = self.workbench.catalog
        listed = (catalog.lanes, catalog.sources, catalog.codes, catalog.tags)
        if any(new is not old for new, old in zip(listed, self._listed, strict=True)):
            self._fill_lists()  # (an event's edit keeps these: nothing to list again)
        self._show_counts()

    def _show_counts(self) -> None:
        total = self.workbench.catalog.count
        shown = self.workbench.visible_count()
        self.count_label.setText(f"{shown} of {total} events")
        self.clear_button.setEnabled(self.workbench.filters.active)

    def clear(self) -> None:
        keep_mode = self.workbench.filters.dim_instead_of_hide
        self.workbench.set_filters(Filters(dim_instead_of_hide=keep_mode))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()


def _source_tip(source: SourceRecord) -> str:
    parts = [source.title, source.outlet, source.published or ""]
    return " — ".join(part for part in parts if part)


def _code_entries(codes: Sequence[CodeRecord]) -> list[Entry]:
    """Codes in catalog order, indented by their depth in the codebook."""
    parents = {code.key: code.parent_key for code in codes}
    entries: list[Entry] = []
    for code in codes:
        depth, parent = 0, code.parent_key
        while parent is not None and depth < 8:
            depth, parent = depth + 1, parents.get(parent)
        tip = code.definition or code.name
        entries.append((code.key, "    " * depth + code.name, code.color, tip))
    return entries
