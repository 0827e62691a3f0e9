"""An import as one step of the undo history: undo removes the sources it created (with their
suggestions), redo puts them back as they were; attaching a text to a known source is a step
whose undo gives the source back its old text, its passages their old anchors and its old
suggestions.

The import itself runs before the step is recorded (on a worker thread, one transaction per
file), so the first ``do`` only records it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from db.library import Library
from db.records import PassageRecord, SourceRecord, SuggestionRecord
from db.uow import UnitOfWork
from desktop.core.editing.command import EditError, UnitCommand
from desktop.model.changes import Changes
from desktop.model.dates import HistDate


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


@dataclass(frozen=True)
class TextState:
    """What attaching a text changes about a source: the source (its text), its passages'
    anchors and its suggestions."""

    source: SourceRecord
    passages: tuple[PassageRecord, ...]
    suggestions: tuple[SuggestionRecord, ...]


def text_state(library: Library, key: str) -> TextState:
    """The source ``key`` as an attach would change it, read now."""
    with library.unit_of_work() as uow:
        return TextState(
            uow.sources.get(key),
            tuple(uow.passages.for_source(key)),
            tuple(uow.suggestions.for_source(key, status=None)),
        )


class AttachedText(UnitCommand):
    """A text just attached to a known source: ``before`` and ``after`` the attach."""

    def __init__(self, before: TextState, after: TextState, author: str = "") -> None:
        super().__init__(author)
        if before.source.key != after.source.key:
            raise ValueError("An attach step is about one source.")
        self.before, self.after = before, after
        self.label = f"Attach text to '{after.source.title}'"
        self._recorded = False

    def do(self, uow: UnitOfWork) -> Changes:
        if not self._recorded:  # the attach has just written it
            self._recorded = True
            return self._changes()
        return self._write(uow, self.after)

    def undo(self, uow: UnitOfWork) -> Changes:
        return self._write(uow, self.before)

    def _write(self, uow: UnitOfWork, state: TextState) -> Changes:
        current = uow.sources.get(state.source.key)
        published = HistDate.parse_edtf(current.published) if current.published else None
        uow.sources.update(
            replace(state.source, stamp=current.stamp),
            published.first_day() if published else None,
        )
        for passage in state.passages:
            now = uow.passages.get(passage.key)
            uow.passages.update(replace(passage, stamp=now.stamp), children=False)
        uow.suggestions.clear(state.source.key)
        uow.suggestions.restore(state.suggestions)
        return self._changes()

    def _changes(self) -> Changes:
        return Changes.of(
            sources=[self.after.source.key], passages=[p.key for p in self.after.passages]
        )
