"""Commands on sources: add one that has no file (a TV report, an interview), change how one
is shown (its short label and colour). Each is one unit of work and undoable."""

from __future__ import annotations

from dataclasses import replace

from db.records import SOURCE_KINDS, SourceRecord
from db.uow import UnitOfWork
from desktop.core.editing.command import UnitCommand
from desktop.core.editing.keys import new_key
from desktop.model.changes import Changes
from desktop.model.dates import HistDate
from desktop.model.source_identity import is_color, label_from_outlet, next_free_color


def _published_day(published: str | None) -> float | None:
    return HistDate.parse_edtf(published).first_day() if published else None


class CreateSource(UnitCommand):
    """Add a source without a file. ``ValueError`` (nothing written) for an empty title, an
    unknown kind, a date that is not EDTF or a colour that is not ``#rrggbb``; an empty label
    or colour is chosen as for an imported source."""

    def __init__(self, source: SourceRecord, author: str = "") -> None:
        super().__init__(author)
        if not source.title.strip():
            raise ValueError("A source needs a title.")
        if source.kind not in SOURCE_KINDS:
            raise ValueError(f"Unknown kind {source.kind!r}.")
        if source.color and not is_color(source.color):
            raise ValueError(f"Colour {source.color!r} is not of the form #rrggbb.")
        _published_day(source.published)  # DateParseError (a ValueError) when unreadable
        key = source.key or new_key(source.title, "source")
        label = source.label.strip() or label_from_outlet(source.outlet, source.title)
        self.source = replace(source, key=key, label=label, full_text=None)
        self.label = f"Add source '{label}'"
        self._version = 0

    def do(self, uow: UnitOfWork) -> Changes:
        source = self.source
        if not source.color:
            source = replace(source, color=next_free_color(uow.sources.colors()))
            self.source = source
        self._version = uow.sources.add(source, _published_day(source.published)).stamp.version
        return Changes.of(sources=[self.source.key])

    def undo(self, uow: UnitOfWork) -> Changes:
        uow.sources.delete(self.source.key)
        return Changes.of(sources=[self.source.key])


class EditSourceIdentity(UnitCommand):
    """Give a source another short label or colour; undo puts the old ones back."""

    def __init__(self, before: SourceRecord, label: str, color: str, author: str = "") -> None:
        super().__init__(author)
        if not label.strip():
            raise ValueError("A source needs a label.")
        if not is_color(color):
            raise ValueError(f"Colour {color!r} is not of the form #rrggbb.")
        self.before = before
        self.after = replace(before, label=label.strip(), color=color)
        self.label = f"Relabel source '{label.strip()}'"

    def _write(self, uow: UnitOfWork, record: SourceRecord) -> Changes:
        current = uow.sources.get(record.key)
        updated = replace(current, label=record.label, color=record.color)
        uow.sources.update(updated, _published_day(current.published))
        return Changes.of(sources=[record.key])

    def do(self, uow: UnitOfWork) -> Changes:
        return self._write(uow, self.after)

    def undo(self, uow: UnitOfWork) -> Changes:
        return self._write(uow, self.before)
