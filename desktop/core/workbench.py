"""The state the window shares: the open library, its catalog, the selection and the filters.

Qt-free and observable: views subscribe to a topic and are called after each change. The Qt
side (``desktop.ui.bridge``) turns these calls into signals, coalesced per event-loop turn.
Topics: ``catalog`` (the library's content changed), ``selection``, ``filters`` (the event
filters or ``coder_filter``, whose codings the comparison shows).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from db.library import Library
from desktop.core.catalog import Catalog
from desktop.core.editing.changes import Changes
from desktop.core.filters import Filters, matching_keys, search_texts
from desktop.core.team.coders import CoderFilter

Listener = Callable[[], None]
TOPICS = ("catalog", "selection", "filters")


class Workbench:
    def __init__(self, library: Library, author: str = "") -> None:
        self.library = library
        self.author = author
        self.catalog = Catalog.load(library)
        self.selection: tuple[str, ...] = ()
        self.filters = Filters()
        self.coder_filter = CoderFilter()
        self._visible: frozenset[str] | None = None
        self._texts: tuple[str, ...] | None = None  # the catalog's search texts, once needed
        self.last_changes: Changes | None = None  # what the last reload re-read (None: all)
        self._listeners: dict[str, list[Listener]] = defaultdict(list)

    def subscribe(self, topic: str, listener: Listener) -> None:
        if topic not in TOPICS:
            raise ValueError(f"unknown topic {topic!r}; topics are {TOPICS}")
        self._listeners[topic].append(listener)

    def _emit(self, topic: str) -> None:
        for listener in list(self._listeners[topic]):
            listener()

    def reload(self, changes: Changes | None = None) -> None:
        """Re-read the library after an edit, an import or another client's change: only what
        ``changes`` names, or everything when it is None. Views may read ``last_changes`` to
        refresh only what concerns them."""
        if changes is None or changes.everything:
            self.catalog = Catalog.load(self.library)
        else:
            self.catalog = self.catalog.updated(self.library, changes)
        self.last_changes = None if changes is None or changes.everything else changes
        self._visible = self._texts = None
        known = {event.key for event in self.catalog.events}
        kept = tuple(key for key in self.selection if key in known)
        self._emit("catalog")
        if kept != self.selection:
            self.selection = kept
            self._emit("selection")

    def select(self, keys: Iterable[str]) -> None:
        chosen = tuple(dict.fromkeys(keys))
        if chosen != self.selection:
            self.selection = chosen
            self._emit("selection")

    @property
    def selected_event(self) -> str | None:
        """The event the comparison shows: the last one selected."""
        return self.selection[-1] if self.selection else None

    def set_filters(self, filters: Filters) -> None:
        if filters != self.filters:
            self.filters = filters
            self._visible = None
            self._emit("filters")

    def set_coder_filter(self, coder_filter: CoderFilter) -> None:
        """Show only some coders' codings (mine / theirs / both); views re-read on ``filters``."""
        if coder_filter != self.coder_filter:
            self.coder_filter = coder_filter
            self._emit("filters")

    def visible_keys(self) -> frozenset[str]:
        """Events that pass the filters (cached until the catalog or the filters change)."""
        if self._visible is None:
            if self.filters.text.strip() and self._texts is None:
                self._texts = search_texts(self.catalog)  # kept while the user types
            self._visible = matching_keys(self.catalog, self.filters, self._texts)
        return self._visible
