"""The compare panel below the timeline: side-by-side panes, the coverage matrix, the reader.

It follows the workbench: a new selection shows the selected event's comparison (one event-loop
turn later, after the timeline's highlight); a catalog change rebuilds it. Its own state is only
the researcher's pane arrangement, the highlighted code, the context toggle and the page shown.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.compare.from_library import KnownRecords, compare_event_key
from desktop.core.compare.model import Comparison, Pane
from desktop.core.compare.panes import pane_header
from desktop.core.compare.summary import dominant_frames, summary_line
from desktop.core.workbench import Workbench
from desktop.model.changes import Changes
from desktop.ui.after_highlight import NextTurn
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.compare.arrangement import Arrangement
from desktop.ui.compare.coverage import CoverageMatrixView
from desktop.ui.compare.reader import SourceReader
from desktop.ui.compare.source_pane import (
    MAX_VISIBLE_PANES,
    PANE_MIN_WIDTH,
    SourcePane,
    plain_label,
)
from desktop.ui.compare.strip import ComparisonStrip

PAGES = ("Side by side", "Coverage matrix", "Source reader")
SIDE_BY_SIDE, COVERAGE, READER = range(3)
EMPTY_TEXT = "Select an event to compare how its sources frame it."
STRIP_MIN_HEIGHT = 90  # tabs, the frames header and one row, over a scroll bar


class ComparePanel(QWidget):
    """Shows the comparison of ``workbench.selected_event``.

    ``code_highlighted(code_key)`` reports the highlighted code ("" when none);
    ``import_requested(source_key)`` is forwarded from the reader, ``identity_requested(key)``
    from a pane's colour chip.
    """

    code_highlighted = Signal(str)
    import_requested = Signal(str)
    identity_requested = Signal(str)

    def __init__(
        self, workbench: Workbench, signals: WorkbenchSignals, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ComparePanel")
        self.setMinimumHeight(140)  # at the window's smallest the strip and panes shrink
        self.workbench = workbench
        self.comparison: Comparison | None = None
        self.arrangement = Arrangement()
        self.highlighted: str | None = None
        self.panes: list[SourcePane] = []
        self._speechless: QWidget | None = None  # the container saying no source speaks
        self.strip = ComparisonStrip(self)
        self.strip.code_activated.connect(self.highlight_code)
        self.coverage = CoverageMatrixView(workbench, signals, self)
        self.reader = SourceReader(workbench, self)
        self.reader.import_requested.connect(self.import_requested)
        self._build_top_bar()
        self._build_pages()
        self.fill_after_highlight = NextTurn(self, self._on_selection)
        signals.selection_changed.connect(self.fill_after_highlight.schedule)
        signals.catalog_changed.connect(self._on_catalog)
        self.refresh()

    # --- layout -----------------------------------------------------------------------------

    def _build_top_bar(self) -> None:
        self.event_label = plain_label(EMPTY_TEXT, self)
        font = self.event_label.font()
        font.setBold(True)
        self.event_label.setFont(font)
        self.page_buttons = QButtonGroup(self)
        self.page_buttons.setExclusive(True)
        self.page_buttons.idClicked.connect(self.show_page)
        self.context_button = self._tool("Show in context", "widen each passage to its paragraph")
        self.context_button.setCheckable(True)
        self.context_button.toggled.connect(lambda _on: self._rebuild_panes())
        self.sources_button = self._tool("Sources", "choose which sources show and reset order")
        self.sources_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sources_menu = QMenu(self.sources_button)
        self.sources_menu.aboutToShow.connect(self._fill_sources_menu)
        self.sources_button.setMenu(self.sources_menu)
        self.hidden_label = plain_label("", self, secondary=True)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _build_pages(self) -> None:
        bar = QHBoxLayout()
        for page, name in enumerate(PAGES):
            button = self._tool(name, f"show the {name.lower()}")
            button.setCheckable(True)
            button.setChecked(page == SIDE_BY_SIDE)
            self.page_buttons.addButton(button, page)
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.event_label, 1)
        for widget in (self.hidden_label, self.sources_button, self.context_button):
            bar.addWidget(widget)
        self.pane_area = QScrollArea(self)
        self.pane_area.setObjectName("PaneArea")
        self.pane_area.setWidgetResizable(True)
        self.pane_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pane_area.setWidget(self.empty_label)
        self.summary_label = plain_label("", self)
        self.summary_label.setObjectName("DifferencesSummary")
        self.summary_label.setAccessibleName("What differs between the sources")
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(self.strip)
        self.split.addWidget(self.pane_area)
        self.split.setStretchFactor(1, 3)
        self.strip.setMinimumHeight(STRIP_MIN_HEIGHT)  # the passages get the height first
        self.split.setSizes([STRIP_MIN_HEIGHT, 500])
        side_by_side = QWidget(self)
        column = QVBoxLayout(side_by_side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.summary_label)
        column.addWidget(self.split, 1)
        self.pages = QStackedWidget(self)
        for page_widget in (side_by_side, self._coverage_page(), self.reader):
            self.pages.addWidget(page_widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

    def _coverage_page(self) -> QWidget:
        """The coverage matrix under its legend."""
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.coverage_legend = QLabel(page)
        self.coverage_legend.setObjectName("CoverageLegend")
        self.coverage_legend.setWordWrap(True)
        self.coverage_legend.setTextFormat(Qt.TextFormat.RichText)
        self.coverage.loaded.connect(self._fill_coverage_legend)
        self._fill_coverage_legend()
        column.addWidget(self.coverage_legend)
        column.addWidget(self.coverage, 1)
        return page

    def _fill_coverage_legend(self) -> None:
        swatches = " ".join(
            f'<span style="background-color:{escape(color)}">&nbsp;&nbsp;&nbsp;</span>'
            f"&nbsp;{escape(name)}"
            for name, color in self.coverage.legend_items()
        )
        self.coverage_legend.setText(
            "Rows: events; columns: sources by publication date. A number is how many of the "
            "source's passages speak of the event; an empty cell, that it is silent. The tint is "
            "the source's dominant frame for the event" + (f": {swatches}" if swatches else ".")
        )

    # --- what is shown ----------------------------------------------------------------------

    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        button = self.page_buttons.button(page)
        if button is not None:
            button.setChecked(True)

    def refresh(self) -> None:
        """Show the selected event's comparison (or the empty state) and its panes."""
        key, catalog = self.workbench.selected_event, self.workbench.catalog
        record = catalog.event(key) if key else None  # read once: the details panel shares it
        known = None
        if key and record:
            spoken = catalog.passage_counts.get(key, 0) > 0
            known = KnownRecords(record, catalog.sources, catalog.codes, spoken)
        self.comparison = (
            compare_event_key(self.workbench.library, key, self.workbench.coder_filter, known)
            if key and record
            else None
        )
        if self.comparison is None:
            self.event_label.setText(EMPTY_TEXT)
        else:
            event = self.comparison.event
            self.event_label.setText(f"{event.title} · {event.when}")
        self.strip.show_comparison(self.comparison)
        self._show_summary()
        self._rebuild_panes()

    def _show_summary(self) -> None:
        """One or two lines above the panes: the facts in dispute and who is silent."""
        if self.comparison is None:
            self.summary_label.setText("")
            self.summary_label.hide()
            return
        self.summary_label.setText(summary_line(self.comparison))
        self.summary_label.show()

    def _on_selection(self) -> None:
        """A new selection opens its comparison, whichever page was showing."""
        self.refresh()
        if self.comparison is not None:
            self.show_page(SIDE_BY_SIDE)

    def _on_catalog(self, changes: Changes) -> None:
        if not _concerns(changes, self.workbench.selected_event):
            return  # only other events changed: the panes already show the library as it is
        self.refresh()
        if self.reader.source is not None:
            self.reader.show_source(self.reader.source.key)

    def pane_keys(self) -> tuple[str, ...]:
        """The source keys of the panes shown, left to right."""
        return tuple(p.source_key for p in self.panes)

    def speaking_keys(self) -> tuple[str, ...]:
        """Sources with passages about the event, in publication order."""
        return tuple(p.source_key for p in self.comparison.panes) if self.comparison else ()

    def _pane_for(self, key: str) -> Pane | None:
        assert self.comparison is not None
        for pane in self.comparison.panes:
            if pane.source_key == key:
                return pane
        source = next((s for s in self.workbench.catalog.sources if s.key == key), None)
        event = self.workbench.catalog.event(self.comparison.event.key)
        if source is None or event is None:
            return None
        return Pane(pane_header(source, event), ())

    def _rebuild_panes(self) -> None:
        for pane in self.panes:
            pane.deleteLater()
        self.panes = []
        if self.comparison is None:
            self._set_pane_container(None)
            return
        shown_keys = list(self.arrangement.order(self.speaking_keys()))
        if not shown_keys and self._speechless is not None:
            self._show_hidden_count()  # it says so already: nothing to lay out again
            return
        colors = self.workbench.catalog.source_colors()
        texts = {s.key: s.full_text for s in self.workbench.catalog.sources}
        container = QWidget()
        row = QHBoxLayout(container)
        row.setContentsMargins(0, 0, 0, 0)
        for key in shown_keys:
            shown = self._pane_for(key)
            if shown is None:
                continue
            widget = SourcePane(
                shown,
                colors.get(key, "#9e9e9e"),
                full_text=texts.get(key),
                in_context=self.context_button.isChecked(),
                pinned=key in self.arrangement.pinned,
                parent=container,
            )
            self._connect_pane(widget)
            widget.set_highlight(self.highlighted)
            widget.show_frames(dominant_frames(self.comparison.frames, key))
            row.addWidget(widget, 1)
            self.panes.append(widget)
        if not self.panes:
            row.addWidget(QLabel("No source speaks of this event (or all are hidden)."))
        self._set_pane_container(container)
        self._speechless = container if not self.panes else None
        self._fit_pane_widths()
        self._show_hidden_count()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_pane_widths()

    def _fit_pane_widths(self) -> None:
        """Up to six panes share the width; more keep a sixth each and the row scrolls."""
        share = self.pane_area.viewport().width() // MAX_VISIBLE_PANES - 6
        wide = len(self.panes) > MAX_VISIBLE_PANES
        for pane in self.panes:
            pane.setMinimumWidth(max(PANE_MIN_WIDTH, share) if wide else PANE_MIN_WIDTH)

    def _set_pane_container(self, container: QWidget | None) -> None:
        self._speechless = None
        old = self.pane_area.takeWidget()
        if old is not None and old is not self.empty_label:
            old.deleteLater()
        self.pane_area.setWidget(container if container is not None else self._new_empty())

    def _new_empty(self) -> QLabel:
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return self.empty_label

    def _connect_pane(self, pane: SourcePane) -> None:
        pane.code_activated.connect(self.highlight_code)
        pane.move_requested.connect(self.move_pane)
        pane.pin_toggled.connect(self.toggle_pin)
        pane.hide_requested.connect(self.hide_pane)
        pane.reader_requested.connect(self.open_reader)
        pane.identity_requested.connect(self.identity_requested)

    def _show_hidden_count(self) -> None:
        hidden = [k for k in self.speaking_keys() if k in self.arrangement.hidden]
        self.hidden_label.setText(f"{len(hidden)} hidden" if hidden else "")

    # --- actions ----------------------------------------------------------------------------

    def highlight_code(self, code_key: str) -> None:
        """Highlight ``code_key`` in every pane and the frames matrix; again to clear it."""
        self.highlighted = None if code_key == self.highlighted or not code_key else code_key
        for pane in self.panes:
            pane.set_highlight(self.highlighted)
        self.strip.set_highlight(self.highlighted)
        self.code_highlighted.emit(self.highlighted or "")

    def move_pane(self, key: str, delta: int) -> None:
        self.arrangement = self.arrangement.move(key, delta, self.speaking_keys())
        self._rebuild_panes()

    def toggle_pin(self, key: str) -> None:
        self.arrangement = self.arrangement.toggle_pin(key)
        self._rebuild_panes()

    def hide_pane(self, key: str) -> None:
        self.arrangement = self.arrangement.hide(key)
        self._rebuild_panes()

    def show_pane(self, key: str) -> None:
        self.arrangement = self.arrangement.show(key)
        self._rebuild_panes()

    def reset_order(self) -> None:
        self.arrangement = self.arrangement.reset_order()
        self._rebuild_panes()

    def open_reader(self, source_key: str) -> None:
        self.reader.show_source(source_key)
        self.show_page(READER)

    def _fill_sources_menu(self) -> None:
        self.sources_menu.clear()
        labels = self.workbench.catalog.source_labels()
        for key in self.speaking_keys():
            action = QAction(labels.get(key, key), self.sources_menu)
            action.setCheckable(True)
            action.setChecked(key not in self.arrangement.hidden)
            action.toggled.connect(lambda on, k=key: self.show_pane(k) if on else self.hide_pane(k))
            self.sources_menu.addAction(action)
        self.sources_menu.addSeparator()
        self.sources_menu.addAction("Reset order (publication date)", self.reset_order)


def _concerns(changes: Changes, event_key: str | None) -> bool:
    """True when ``changes`` may alter what the comparison of ``event_key`` or the reader shows:
    anything but events, or the event itself."""
    others = replace(changes, events=frozenset())
    return not others.is_empty or (event_key is not None and event_key in changes.events)
