"""The source reader: a source's whole text with its passages highlighted and linked to events.

The text and quotes are inserted literally (``safe_text``); a highlight is an anchor whose target
is only an index into this reader's own passage list, so no source-derived string becomes a URL.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from db.records import PassageRecord, SourceRecord
from desktop.core.compare.from_library import source_passages
from desktop.core.workbench import Workbench
from desktop.ui.compare.safe_text import (
    FALLBACK_COLOR,
    SOFT_ALPHA,
    SafeTextBrowser,
    highlight_format,
    insert_plain,
)
from desktop.ui.compare.source_pane import plain_label

HREF_PREFIX = "passage:"


def utf16_offset(text: str, index: int) -> int:
    """Qt documents count UTF-16 code units; Python strings count code points."""
    return len(text[:index].encode("utf-16-le")) // 2


def placed(passage: PassageRecord, text: str) -> tuple[int, int] | None:
    """Where the passage lies in ``text``: its offsets when they hold the quote, else the first
    exact occurrence of the quote, else None (listed as not placed)."""
    within = 0 <= passage.start < passage.end <= len(text)
    if within and text[passage.start : passage.end] == passage.quote:
        return passage.start, passage.end
    found = text.find(passage.quote) if passage.quote else -1
    return (found, found + len(passage.quote)) if found >= 0 else None


def python_offset(text: str, utf16: int) -> int:
    """Inverse of ``utf16_offset``: the code-point index at ``utf16`` code units into ``text``."""
    return len(text.encode("utf-16-le")[: 2 * utf16].decode("utf-16-le", errors="ignore"))


class SourceReader(QWidget):
    """Reads one source. Clicking a highlight selects the passage's events on the workbench.

    ``import_requested(source_key)`` asks for the original file to be imported when the full text
    is missing; ``passage_activated(passage_key)`` follows a click on a highlight.
    """

    import_requested = Signal(str)
    passage_activated = Signal(str)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.setObjectName("SourceReader")
        self.source: SourceRecord | None = None
        self.passages: tuple[PassageRecord, ...] = ()
        self.unplaced: tuple[PassageRecord, ...] = ()
        self.positions: dict[str, tuple[int, int]] = {}
        self.title = plain_label("Choose a source to read (the Read button of a pane).", self)
        self.meta = plain_label("", self, secondary=True)
        self.note = plain_label("", self, secondary=True)
        self.import_button = QPushButton("Import file…", self)
        self.import_button.setToolTip("attach the full text by importing the original file")
        self.import_button.clicked.connect(self._ask_import)
        self.import_button.hide()
        self.text = SafeTextBrowser(self)
        self.text.setObjectName("ReaderText")
        self.text.anchorClicked.connect(self._follow)
        self._lay_out()

    def _lay_out(self) -> None:
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addLayout(note_row)
        layout.addWidget(self.text, 1)

    def show_source(self, source_key: str) -> None:
        """Show the source with this key from the workbench's catalog (nothing if unknown)."""
        source = next((s for s in self.workbench.catalog.sources if s.key == source_key), None)
        self.source = source
        if source is None:
            self.passages = ()
            self.text.clear()
            return
        self.passages = source_passages(self.workbench.library, source_key)
        self.title.setText(f"{source.outlet or source.key}: {source.title}")
        self.meta.setText(
            " · ".join(
                p
                for p in (", ".join(source.authors), source.published or "undated", source.kind)
                if p
            )
        )
        if source.full_text:
            self._show_full_text(source.full_text)
        else:
            self._show_passages_only()

    def _color(self, passage: PassageRecord) -> str:
        codes = {c.key: c.color for c in self.workbench.catalog.codes}
        for coding in passage.codings:
            if coding.code_key in codes:
                return codes[coding.code_key]
        return FALLBACK_COLOR

    def _events_of(self, passage: PassageRecord) -> str:
        titles = []
        for link in passage.links:
            event = self.workbench.catalog.event(link.event_key)
            titles.append(event.title if event is not None else link.event_key)
        return "; ".join(titles)

    def _show_full_text(self, text: str) -> None:
        self.import_button.hide()
        self.text.clear()
        cursor = QTextCursor(self.text.document())
        insert_plain(cursor, text)
        self.positions = {}
        unplaced = []
        for index, passage in enumerate(self.passages):
            where = placed(passage, text)
            if where is None:
                unplaced.append(passage)
                continue
            lo, hi = utf16_offset(text, where[0]), utf16_offset(text, where[1])
            self.positions[passage.key] = (lo, hi)
            cursor.setPosition(lo)
            cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            fmt = highlight_format(self._color(passage), SOFT_ALPHA, f"{HREF_PREFIX}{index}")
            fmt.setToolTip(self._events_of(passage) or "not linked to an event")
            cursor.mergeCharFormat(fmt)
        self.unplaced = tuple(unplaced)
        count = len(self.passages) - len(unplaced)
        missing = f"; {len(unplaced)} could not be placed in the text" if unplaced else ""
        self.note.setText(f"{count} passage(s) highlighted; click one to open its event{missing}.")
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _show_passages_only(self) -> None:
        self.import_button.show()
        self.note.setText(
            "The full text of this source is not stored, so its passages are listed in order. "
            "Attach the full text by importing the original file."
        )
        self.text.clear()
        self.positions = {}
        cursor = QTextCursor(self.text.document())
        for index, passage in enumerate(self.passages):
            if index:
                cursor.insertBlock()
            insert_plain(cursor, f"[{passage.start}–{passage.end}] ")
            lo = cursor.position()
            fmt = highlight_format(self._color(passage), SOFT_ALPHA, f"{HREF_PREFIX}{index}")
            insert_plain(cursor, passage.quote, fmt)
            self.positions[passage.key] = (lo, cursor.position())
            events = self._events_of(passage)
            insert_plain(cursor, f"  → {events}" if events else "")
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def selected_range(self) -> tuple[int, int] | None:
        """The selected text as offsets into the source's full text (editing hook), or None
        when nothing is selected or the full text is not shown."""
        cursor = self.text.textCursor()
        text = self.source.full_text if self.source is not None else None
        if not text or not cursor.hasSelection():
            return None
        lo = python_offset(text, cursor.selectionStart())
        hi = python_offset(text, cursor.selectionEnd())
        return (lo, hi) if lo < hi else None

    def passage_at_cursor(self) -> PassageRecord | None:
        """The passage whose highlight holds the text cursor (editing hook), or None."""
        cursor = self.text.textCursor()
        at = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        for passage in self.passages:
            lo, hi = self.positions.get(passage.key, (-1, -1))
            if lo <= at < hi or (cursor.hasSelection() and lo < cursor.selectionEnd() <= hi):
                return passage
        return None

    def activate_passage(self, passage_key: str) -> None:
        """Select the events the passage speaks of (as a click on its highlight does)."""
        passage = next((p for p in self.passages if p.key == passage_key), None)
        if passage is None:
            return
        self.passage_activated.emit(passage.key)
        if passage.links:
            self.workbench.select(link.event_key for link in passage.links)

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if not target.startswith(HREF_PREFIX):
            return
        index = target.removeprefix(HREF_PREFIX)
        if index.isdigit() and int(index) < len(self.passages):
            self.activate_passage(self.passages[int(index)].key)

    def _ask_import(self) -> None:
        if self.source is not None:
            self.import_requested.emit(self.source.key)
