"""Going to a record from a search result or a note: select the event, open the reader at the
passage or source, show the code; and a short name for any record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor

from desktop.core import reads
from desktop.core.workbench import Workbench
from desktop.ui.compare import ComparePanel
from desktop.ui.timeline.panel import TimelinePanel


class Navigator:
    """Goes to records in one library session's timeline and comparison."""

    def __init__(
        self,
        workbench: Workbench,
        timeline: TimelinePanel,
        compare: ComparePanel,
        show_code: Callable[[str], None],
    ) -> None:
        self.timeline = timeline
        self.compare = compare
        self.workbench = workbench
        self.show_code = show_code

    def go(self, kind: str, key: str) -> None:
        if kind == "event":
            self._event(key)
        elif kind == "source":
            self._reader(key, None)
        elif kind == "passage":
            self._passage(key)
        elif kind == "code":
            self.show_code(key)
        elif kind == "note":
            note = reads.note(self.workbench.library, key)
            if note is not None:
                self.go(note.target_kind, note.target_key)

    def _event(self, key: str) -> None:
        self.workbench.select([key])
        view = self.timeline.view
        if key in view.scene.data.id_of_key:
            view.zoom_to_event(key)

    def _passage(self, key: str) -> None:
        passage = reads.passage(self.workbench.library, key)
        if passage is None:
            return
        self._reader(passage.source_key, key)

    def _reader(self, source_key: str, passage_key: str | None) -> None:
        compare = self.compare
        compare.open_reader(source_key)
        reader = compare.reader
        where = reader.positions.get(passage_key or "")
        if where is not None:
            cursor = QTextCursor(reader.text.document())
            cursor.setPosition(where[0])
            cursor.setPosition(where[1], QTextCursor.MoveMode.KeepAnchor)
            reader.text.setTextCursor(cursor)
            reader.text.ensureCursorVisible()
        reader.text.setFocus()

    def describe(self, kind: str, key: str) -> str:
        """ "event 'Title'", "passage “quote…”" and so on; the key if the record is gone."""
        catalog = self.workbench.catalog
        if kind == "event" and (event := catalog.event(key)) is not None:
            return f"event '{event.title}'"
        if kind == "source":
            source = next((s for s in catalog.sources if s.key == key), None)
            return f"source '{source.title}'" if source else f"source {key}"
        if kind == "code":
            code = next((c for c in catalog.codes if c.key == key), None)
            return f"code '{code.name}'" if code else f"code {key}"
        if kind == "passage":
            passage = reads.passage(self.workbench.library, key)
            if passage is None:
                return f"passage {key}"
            quote = passage.quote
            return f"passage “{quote[:40]}{'…' if len(quote) > 40 else ''}”"
        return f"{kind} {key}"
