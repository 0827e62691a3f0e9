"""An import as one step of the undo history: undo removes the sources it created (with their
suggestions), redo puts them back as they were.

The import itself runs before the step is recorded (on a worker thread, one transaction per
file), so the first ``do`` only records it.
"""

from __future__ import annotations

from db.records import SourceRecord, SuggestionRecord
from db.uow import UnitOfWork
from desktop.core.dates import HistDate
from desktop.core.editing.changes import Changes
from desktop.core.editing.command import EditError, UnitCommand


class ImportedSources(UnitCommand):
    """The sources ``keys`` that an import just created."""

    def __init__(self, keys: list[str], titles: list[str], author: str = "") -> None:
        super().__init__(author)
        if not keys:
            raise ValueError("An import step needs the sources it created.")
        self.keys = list(keys)
        self.label = (
            f"Import '{titles[0]}'" if len(titles) == 1 else f"Import {len(keys)} documents"
        )
        self._recorded = False
        self._sources: list[SourceRecord] = []
        self._suggestions: list[SuggestionRecord] = []

    def do(self, uow: UnitOfWork) -> Changes:
        if not self._recorded:  # the import has just written them
            self._recorded = True
            return Changes.of(sources=self.keys)
        for source in self._sources:
            published = HistDate.parse_edtf(source.published) if source.published else None
            uow.sources.add(source, published.first_day() if published else None)
        uow.suggestions.restore(self._suggestions)
        return Changes.of(sources=self.keys)

    def undo(self, uow: UnitOfWork) -> Changes:
        sources, suggestions = [], []
        for key in self.keys:
            if uow.passages.for_source(key):
                raise EditError(
                    f"Source {key} has passages now; undo their steps or delete them first."
                )
            sources.append(uow.sources.get(key))
            suggestions += uow.suggestions.for_source(key, status=None)
        for key in self.keys:
            uow.sources.delete(key)
        self._sources, self._suggestions = sources, suggestions
        return Changes.of(sources=self.keys)
