"""The Filters panel: which events the timeline shows, written to ``workbench.set_filters``.

The panel holds no filter state of its own: every control change builds a ``Filters`` value
from the controls and hands it to the workbench; every ``filters_changed`` puts the workbench's
value back into the controls (so filters restored from settings, or set by another view, show
here). In each list nothing checked means "no restriction"; checking items keeps only the
events that match one of them. The count line reads "42 of 120 events".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer
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
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
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
HINTED_ROWS = 500  # rows measured for a list's preferred width (a tag list may be long)
READY_POLL_MS = 15  # how often a search waiting for its texts looks whether they are read
Entry = tuple[str, str, str | None, str]  # key, label, colour or None, tooltip


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


SEARCH_DELAY_MS = 250  # quiet time after the last keystroke before the text filters
SEARCH_HINT = "Search titles, other names, summaries, actors, tags"
Index = QModelIndex | QPersistentModelIndex


class _RowFitsDelegate(QStyledItemDelegate):
    """Asks no width for a row, so a list row is as wide as the list, never wider: a long name
    is elided (the list's ``textElideMode``) instead of running past the list's edge."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(0, super().sizeHint(option, index).height())

    def natural_width(self, option: QStyleOptionViewItem, index: Index) -> int:
        """The width the row's whole text, check box and swatch would take."""
        return super().sizeHint(option, index).width()


class CheckList(QListWidget):
    """A list of checkable items, each carrying a key; nothing checked means 'all'.

    Rows never scroll sideways: a name longer than the list is elided at its end, and every
    row's tooltip starts with (or contains) its whole name. ``sizeHint`` still asks for the
    width of the longest name, which the window's first layout may grant."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setObjectName("filter_" + name.lower().replace(" ", "_"))
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._rows = _RowFitsDelegate(self)
        self.setItemDelegate(self._rows)
        self._widest = 0

    def fill(self, entries: Iterable[Entry], checked: frozenset[str]) -> None:
        """Replace the items with (key, label, colour or None, tooltip) entries."""
        self.blockSignals(True)
        self.clear()
        for key, label, color, tip in entries:
            item = QListWidgetItem(label, self)
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setToolTip(_row_tip(label.strip(), tip))
            if color:
                item.setIcon(_swatch(color))
        self.blockSignals(False)
        self.set_checked(checked)
        self._widest = self._widest_row()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the items, up to ``MAX_VISIBLE_ROWS`` rows (then it scrolls)."""
        rows = min(max(self.count(), 1), MAX_VISIBLE_ROWS)
        row = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 4
        self.setFixedHeight(rows * row + 2 * self.frameWidth() + 2)
        self.updateGeometry()

    def _widest_row(self) -> int:
        """The widest whole row among the first ``HINTED_ROWS`` (a hint, not a bound)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        rows = range(min(self.count(), HINTED_ROWS))
        return max(
            (self._rows.natural_width(option, self.model().index(r, 0)) for r in rows), default=0
        )

    def sizeHint(self) -> QSize:
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        extra = 2 * self.frameWidth() + (scroll_bar if self.count() > MAX_VISIBLE_ROWS else 0)
        return QSize(self._widest + extra + 2, super().sizeHint().height())

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
        # The panel scrolls up and down only: its content is as wide as the dock, and what
        # does not fit is elided (list rows, the search's hint) or wraps (the count line,
        # form rows), so no control hides past a right edge.
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)  # the dock's frame is margin enough: room for names
        self.count_label = QLabel(body)
        self.count_label.setAccessibleName("Events shown")
        self.count_label.setObjectName("filter_counts")
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        self.search = QLineEdit(body)
        self.search.setPlaceholderText(SEARCH_HINT)  # elided when the field is narrower
        self.search.setToolTip(SEARCH_HINT)
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
        # a field that does not fit beside its label goes below it (a narrow dock)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.importance = QComboBox(body)
        self.importance.setAccessibleName("Importance")
        # may be narrower than its longest choice (elided); the popup shows them whole
        self.importance.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.importance.setMinimumContentsLength(8)
        self.importance.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
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
        row.addStretch(1)
        form.addRow("Others:", row)
        return form

    def sizeHint(self) -> QSize:
        """The content's width with the vertical scroll bar it usually needs: what the
        window's first layout gives the Filters column when the screen has room."""
        body = self.widget()
        width = body.sizeHint().width() if body is not None else 0
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return QSize(width + 2 * self.frameWidth() + scroll_bar, super().sizeHint().height())

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
        self._ask_again()

    def _ask_again(self) -> None:
        """Drop the layouts' remembered sizes: the lists' width and height follow their names
        and rows. (A panel not shown yet passes no change up by itself, and the window's first
        layout reads ``sizeHint`` before it is shown.)"""
        for checklist in (self.lanes, self.sources, self.codes, self.tags):
            box = checklist.parentWidget()
            inner = box.layout() if box is not None else None
            if box is not None and inner is not None:
                inner.invalidate()
                box.updateGeometry()
        body = self.widget()
        outer = body.layout() if body is not None else None
        if outer is not None:
            outer.invalidate()

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


def _row_tip(name: str, tip: str) -> str:
    """A row's tooltip: its whole name first, then what more there is to say (a code's
    definition), unless the description already names it (a source's title and outlet)."""
    if not tip or tip == name:
        return name
    return tip if name in tip else f"{name}\n{tip}"


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
