"""Noticing other clients' edits: poll the change log, keep only what others changed.

``ChangePoller.poll()`` returns the changes committed since the last poll by any other open
library (another window, process or person); this library's own changes (same ``client``) are
dropped. PostgreSQL hands out change ids when a transaction writes but makes them visible when
it commits, so a slow transaction can appear below ids already seen: each poll looks back
``lookback`` ids and reports every id once. Errors from the database propagate (the caller
shows them and polls again later); a failed poll loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from db.change_log import ChangeRecord, changes_since, latest_change_id
from db.library import Library
from desktop.model.changes import REMOTE, Changes

_FIELDS = {
    "event": "events",
    "source": "sources",
    "passage": "passages",
    "code": "codes",
    "note": "notes",
    "claim": "claims",
    "lane": "lanes",
    "relation": "relations",
}


@dataclass(frozen=True, slots=True)
class RemoteChanges:
    records: tuple[ChangeRecord, ...]

    @property
    def authors(self) -> tuple[str, ...]:
        return tuple(sorted({r.author for r in self.records}))

    def as_changes(self) -> Changes:
        return changes_of(self.records).from_origin(REMOTE)


def changes_of(records: Iterable[ChangeRecord]) -> Changes:
    """The ``Changes`` value of logged rows; a bulk row or an unknown kind means everything."""
    keys: dict[str, set[str]] = {}
    everything = False
    for record in records:
        name = _FIELDS.get(record.kind)
        if name is None:
            everything = True
        else:
            keys.setdefault(name, set()).add(record.key)
    return Changes.of(everything=everything, **keys)


class ChangePoller:
    def __init__(self, library: Library, lookback: int = 200) -> None:
        self.library = library
        self.lookback = lookback
        self.last_id = latest_change_id(library.engine)
        self._seen: set[int] = set()
        self._read()

    def _read(self) -> list[ChangeRecord]:
        rows = changes_since(self.library.engine, max(0, self.last_id - self.lookback), 5000)
        fresh = [r for r in rows if r.id not in self._seen]
        self._seen.update(r.id for r in fresh)
        if rows:
            self.last_id = max(self.last_id, rows[-1].id)
        floor = self.last_id - self.lookback
        self._seen = {i for i in self._seen if i > floor}
        return fresh

    def poll(self) -> RemoteChanges:
        """Changes by other clients since the last poll (empty when there are none)."""
        fresh = self._read()
        return RemoteChanges(tuple(r for r in fresh if r.client != self.library.client))
