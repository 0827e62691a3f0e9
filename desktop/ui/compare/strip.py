"""The comparison strip above the panes: frames matrix, facts, blind spots, distinctive words.

Every cell and item is set as plain text through Qt item views, which never interpret markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.core.compare.model import BlindSpots, Comparison, FactFinding, FrameMatrix, SourceTerms
from desktop.core.compare.quote_display import display_quote
from desktop.core.compare.record_check import statement_remarks
from desktop.core.compare.summary import fact_title, source_labels
from desktop.core.compare.words import describe_term
from desktop.ui.compare.safe_text import SOFT_ALPHA, STRONG_ALPHA, tinted

UNIQUE_MARK = "★"
CODE_ROLE = Qt.ItemDataRole.UserRole


def color_icon(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(tinted(color, 255)))
    return QIcon(pixmap)


def _read_only(view: QAbstractItemView) -> None:
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)


class FramesTable(QTableWidget):
    """Sources x codes; a ★ marks a code only that source uses. Clicking a cell or a column
    header emits ``code_activated`` with the column's code key."""

    code_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FramesTable")
        _read_only(self)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cellClicked.connect(lambda _row, column: self._activate(column))
        self.cellActivated.connect(lambda _row, column: self._activate(column))
        self.horizontalHeader().sectionClicked.connect(self._activate)
        self.frames = FrameMatrix((), (), ())
        self.highlighted: str | None = None

    def show_frames(self, frames: FrameMatrix, outlets: dict[str, str]) -> None:
        self.frames = frames
        self.clear()
        self.setRowCount(len(frames.sources))
        self.setColumnCount(len(frames.codes))
        for j, code in enumerate(frames.codes):
            head = QTableWidgetItem(color_icon(code.color), code.name)
            head.setData(CODE_ROLE, code.key)
            head.setToolTip(f"{code.name} ({code.group})")
            self.setHorizontalHeaderItem(j, head)
        for i, source_key in enumerate(frames.sources):
            self.setVerticalHeaderItem(i, QTableWidgetItem(outlets.get(source_key, source_key)))
            for j, code in enumerate(frames.codes):
                self.setItem(i, j, self._cell(frames, source_key, code.key, code.color))
        self.set_highlight(self.highlighted)

    def _cell(
        self, frames: FrameMatrix, source_key: str, code_key: str, color: str
    ) -> QTableWidgetItem:
        n = frames.count(source_key, code_key)
        unique = frames.unique_to.get(code_key) == source_key
        item = QTableWidgetItem(f"{n} {UNIQUE_MARK}" if unique else (str(n) if n else ""))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setData(CODE_ROLE, code_key)
        if n:
            item.setBackground(QBrush(tinted(color, SOFT_ALPHA)))
        if unique:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setToolTip("only this source uses this code for the event")
        return item

    def set_highlight(self, code_key: str | None) -> None:
        """Select the highlighted code's column and strengthen its tint."""
        self.highlighted = code_key
        self.clearSelection()
        for j, code in enumerate(self.frames.codes):
            strong = code.key == code_key
            for i in range(self.rowCount()):
                item = self.item(i, j)
                if item is not None and item.text():
                    alpha = STRONG_ALPHA if strong else SOFT_ALPHA
                    item.setBackground(QBrush(tinted(code.color, alpha)))
            head = self.horizontalHeaderItem(j)
            if head is not None:
                font = QFont(head.font())
                font.setBold(strong)
                head.setFont(font)
            if strong:
                self.selectColumn(j)

    def highlighted_column(self) -> int | None:
        for j, code in enumerate(self.frames.codes):
            if code.key == self.highlighted:
                return j
        return None

    def _activate(self, column: int) -> None:
        if 0 <= column < len(self.frames.codes):
            self.code_activated.emit(self.frames.codes[column].key)


class FactsTree(QTreeWidget):
    """One row per subject with its verdict; its statements (outlet, value, quote) below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FactsTree")
        self.setHeaderLabels(["Subject / source", "Value", "Passage"])
        self.labels: dict[str, str] = {}
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        for column in (0, 1):
            self.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_facts(self, facts: tuple[FactFinding, ...]) -> None:
        self.clear()
        if not facts:
            QTreeWidgetItem(self, ["No claims to compare for this event.", "", ""])
            return
        for finding in facts:
            title = fact_title(finding.subject, finding.kind)
            top = QTreeWidgetItem(self, [title, finding.verdict, "; ".join(finding.notes)])
            top.setToolTip(0, finding.subject)
            if finding.is_discrepancy:
                font = QFont(top.font(0))
                font.setBold(True)
                for column in range(3):
                    top.setFont(column, font)
                top.setText(1, "disagree ⚠")
            if finding.record:
                QTreeWidgetItem(top, ["The record", finding.record, ""])
            for s in finding.statements:
                remarks = statement_remarks(s.against_record, s.note)
                value = f"{s.value} — {remarks}" if remarks else s.value
                shown = display_quote(s.quote)
                who = self.labels.get(s.source_key, s.outlet or s.source_key)
                child = QTreeWidgetItem(top, [who, value, shown.text])
                child.setToolTip(1, value)
                child.setToolTip(2, shown.tooltip or s.quote)
                child.setData(0, CODE_ROLE, s.passage_key)
            top.setExpanded(True)


def _blind_items(view: QListWidget, blind: BlindSpots) -> None:
    view.clear()
    sections = (
        ("Published after the event, no passage about it", blind.after),
        ("Undated", blind.undated),
        ("Awaiting review: suggestions not yet read", blind.awaiting),
        ("Published before the event", blind.before),
    )
    for title, refs in sections:
        head = QListWidgetItem(f"{title} ({len(refs)})")
        font = QFont(head.font())
        font.setBold(True)
        head.setFont(font)
        head.setFlags(Qt.ItemFlag.ItemIsEnabled)
        view.addItem(head)
        for ref in refs:
            reason = blind.reason(ref.key)
            item = QListWidgetItem(
                f"    {ref.label or ref.outlet or ref.key}: {ref.title} ({ref.published_display})"
                + (f" — {reason}" if reason and title != "Published before the event" else "")
            )
            item.setToolTip(reason)
            item.setData(CODE_ROLE, ref.key)
            view.addItem(item)


def _word_rows(view: QTableWidget, words: tuple[SourceTerms, ...], outlets: dict[str, str]) -> None:
    view.clear()
    view.setColumnCount(2)
    view.setHorizontalHeaderLabels(["Source", "Distinctive terms (most distinctive first)"])
    view.setRowCount(len(words))
    for i, entry in enumerate(words):
        view.setItem(i, 0, QTableWidgetItem(outlets.get(entry.source_key, entry.source_key)))
        terms = ", ".join(t.term + ("*" if t.significant else "") for t in entry.terms) or "—"
        item = QTableWidgetItem(f"{terms} — {entry.note}" if entry.note else terms)
        lines = [describe_term(t) for t in entry.terms]
        item.setToolTip("\n".join(lines + ["* |z| ≥ 1.96 (95 %)", entry.note]).strip())
        view.setItem(i, 1, item)


class ComparisonStrip(QTabWidget):
    """Tabs: frames, facts, blind spots, words. ``code_activated`` comes from the frames tab."""

    code_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComparisonStrip")
        self.frames = FramesTable(self)
        self.frames.code_activated.connect(self.code_activated)
        self.facts = FactsTree(self)
        self.blind_spots = QListWidget(self)
        self.blind_spots.setObjectName("BlindSpots")
        self.words = QTableWidget(self)
        self.words.setObjectName("WordsTable")
        _read_only(self.words)
        self.words.horizontalHeader().setStretchLastSection(True)
        self.addTab(self.frames, "Frames")
        self.addTab(self.facts, "Facts")
        self.addTab(self.blind_spots, "Blind spots")
        self.addTab(self.words, "Words")
        legend = QLabel(f"{UNIQUE_MARK} only this source uses the code for this event", self)
        legend.setObjectName("UniqueLegend")
        legend.setToolTip("In the frames table, a star marks a code no other source applies here")
        legend.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setCornerWidget(legend, Qt.Corner.TopRightCorner)

    def show_comparison(self, comparison: Comparison | None) -> None:
        if comparison is None:
            self.frames.show_frames(FrameMatrix((), (), ()), {})
            self.facts.clear()
            self.blind_spots.clear()
            self.words.clear()
            self._retitle(1, "Facts")
            return
        outlets = source_labels(comparison)
        self.frames.show_frames(comparison.frames, outlets)
        self.facts.labels = outlets
        self.facts.show_facts(comparison.facts)
        n = len(comparison.discrepancies)
        self._retitle(1, f"Facts ({n} ⚠)" if n else "Facts")
        _blind_items(self.blind_spots, comparison.blind_spots)
        self._retitle(2, f"Blind spots ({len(comparison.blind_spots.after)})")
        _word_rows(self.words, comparison.words, outlets)
        self.words.resizeColumnToContents(0)

    def _retitle(self, index: int, text: str) -> None:
        """Set a tab's title only when it changes (a new title lays out the whole window)."""
        if self.tabText(index) != text:
            self.setTabText(index, text)

    def set_highlight(self, code_key: str | None) -> None:
        self.frames.set_highlight(code_key)
