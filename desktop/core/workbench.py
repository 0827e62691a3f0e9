"""The state the window shares: the open library, its catalog, the selection and the filters.

Qt-free and observable through ``events``, a psygnal signal group: ``catalog(Changes)`` (the
library's content changed; the value says what was re-read), ``selection()`` and ``filters()``
(the event filters or ``coder_filter``, whose codings the comparison shows). Listeners get each
change set with its signal, never from a shared field, so none is lost when several arrive
close together. The Qt side (``desktop.ui.bridge``) merges them per event-loop turn.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from itertools import compress

import numpy as np
from numpy.typing import NDArray
from psygnal import Signal, SignalGroup

from db.library import Library
from db.repositories.event_texts import JoinedTexts
from desktop.core.catalog import WHOLE, Catalog
from desktop.core.collection_policy import collections_paused
from desktop.core.event_columns import EventColumns
from desktop.core.filter_index import Aliases, FilterIndex, actor_aliases
from desktop.core.filters import Filters
from desktop.core.in_steps import short_turns
from desktop.core.reads import warm_selection_reads
from desktop.core.team.coders import CoderFilter
from desktop.core.text_search import TextSearch
from desktop.model.changes import Changes

TOPICS = ("catalog", "selection", "filters")  # the order the Qt bridge delivers them in
# ``read_search_ahead`` from this many events: below, the search is built within about the
# typing delay of the first paint anyway (100k: 0.26-0.28 s), and reading ahead only took
# a core from the first frame (100k: +0-70 ms on two busy cores; at 1M none was measured)
READ_AHEAD_FROM = 200_000


class WorkbenchEvents(SignalGroup):
    """What a workbench announces; ``catalog`` carries the ``Changes`` it re-read."""

    catalog = Signal(Changes)
    selection = Signal()
    filters = Signal()


class Workbench:
    def __init__(self, library: Library, author: str = "") -> None:
        self.library = library
        self.author = author
        self.catalog = Catalog.load(library)
        self.selection: tuple[str, ...] = ()
        self.filters = Filters()
        self.coder_filter = CoderFilter()
        self._visible: frozenset[str] | None = None
        self._mask: NDArray[np.bool_] | None = None  # passes the filters, in catalog order
        self._index: FilterIndex | None = None  # the catalog's filter columns, once needed
        self._all: frozenset[str] | None = None  # every event's key, once needed
        # the catalog whose search texts a worker reads, the worker, and whether the columns'
        # texts are being read too (by it, or beside it)
        self._reader: tuple[Catalog, threading.Thread, bool] | None = None
        # a text search of a catalog's search texts and its actors' other names, built ahead
        self._search: tuple[Catalog, TextSearch, Aliases] | None = None
        # counts the catalogs rebuilt (``rebuilds_catalog``): a worker of an older one keeps
        # nothing and stops; the lock makes its check and its keeping one step
        self._generation = 0
        self._kept = threading.Lock()
        self._ahead: _JoinedAhead | None = None  # the library's join of the search texts
        self.events = WorkbenchEvents()

    def read_search_ahead(self) -> None:
        """Start the library's join of what the text filter searches (``joined_texts``) on a
        worker now, unless the texts are read or being read: on SQLite one statement that
        holds no Python lock while it runs (1.3-2.8 s at 1M), so it runs beside building and
        painting the window, and ``prepare_search`` then finds it done or under way. The
        Python work on it (casefolding, splitting) waits for ``prepare_search``. Only for
        ``READ_AHEAD_FROM`` events or more."""
        catalog = self.catalog
        ahead, reader = self._ahead, self._reader
        if catalog.library is None or catalog.search_texts_read or not catalog.count:
            return
        if catalog.count < READ_AHEAD_FROM:
            return
        if (ahead is not None and ahead.catalog is catalog) or (
            reader is not None and reader[0] is catalog
        ):
            return
        self._ahead = _JoinedAhead(catalog)

    def prepare_search(self) -> None:
        """Start reading what the text filter searches (``Catalog.search_texts``) and building
        its ``TextSearch`` on a worker thread, unless done or under way: ``prepare_texts`` does
        it once the first frame is painted, and the search field when the user starts typing,
        so applying the search (after the panel's typing delay) waits for no more than the
        rest of the work (or, asking ``search_ready`` first, for none of it). Nothing changes
        for listeners; a failed read is left to the search itself, which reads again and
        reports."""
        self._start_reader(with_columns=False)

    def prepare_texts(self) -> None:
        """Prepare the text search (``prepare_search``) on a worker thread, then read every
        title and date of the catalog's events there (``EventColumns.read_texts``), unless
        they are read: call it once the first frame is painted (which read only its labels'
        titles), so that a search, later frames or an export find them read. Nothing
        changes for listeners; a failed read is left to the next use of the texts, which
        reads again and reports."""
        self._start_reader(with_columns=True)

    def _start_reader(self, with_columns: bool) -> None:
        catalog = self.catalog
        searched = self._search is not None and self._search[0] is catalog
        if with_columns and catalog.columns.texts_read and searched:
            return
        reader = self._reader
        if reader is not None and reader[0] is catalog and reader[1].is_alive():
            if with_columns and not reader[2]:  # a search-only worker: the columns beside it
                self._reader = (catalog, reader[1], True)
                _start_columns_reader(catalog.columns)
            return
        if searched:
            if with_columns:  # only the columns' texts are left
                _start_columns_reader(catalog.columns)
            return
        worker = threading.Thread(
            target=self._prepare,
            args=(catalog, with_columns, self._generation),
            name="parallax-texts" if with_columns else "parallax-search-texts",
            daemon=True,
        )
        self._reader = (catalog, worker, with_columns)
        worker.start()

    def _prepare(self, catalog: Catalog, with_columns: bool, generation: int) -> None:
        with short_turns():  # the window's thread takes its turns meanwhile
            self._prepare_texts(catalog, with_columns, generation)

    def _prepare_texts(self, catalog: Catalog, with_columns: bool, generation: int) -> None:
        """On a worker: the search texts and their ``TextSearch``, kept for ``catalog``, then
        the columns' texts (``with_columns``); its errors are the next reader's to report.
        The search comes first: a keystroke waits for it, a frame does not wait for the
        titles (it reads the few it shows). Collections are paused meanwhile
        (``collections_paused``): each walked the millions of strings read so far, holding
        the GIL, and froze the window as long. Once the catalog is rebuilt (``generation``
        passed), it keeps nothing and does no more."""
        joined = self._joined_ahead(catalog)
        try:
            with collections_paused():
                search = TextSearch(catalog.search_texts(joined))
                aliases = actor_aliases(catalog)
            with self._kept:
                if generation != self._generation:
                    return
                self._search = (catalog, search, aliases)
        except Exception:  # the GUI thread's own read raises it where it is shown
            pass
        if generation != self._generation:
            return
        _warm_selection_reads(catalog)
        if with_columns and generation == self._generation:
            _read_columns_texts(catalog.columns)

    def _joined_ahead(self, catalog: Catalog) -> JoinedTexts | None:
        """The join ``read_search_ahead`` started for ``catalog``, once done (None when it was
        started for another catalog, failed or gave none); no longer kept after."""
        ahead = self._ahead
        if ahead is None or ahead.catalog is not catalog:
            return None
        self._ahead = None
        return ahead.result()

    def _prepared_search(self) -> TextSearch | None:
        """The ``TextSearch`` a worker built for the current catalog, if any."""
        prepared = self._prepared()
        return prepared[1] if prepared is not None else None

    def _prepared(self) -> tuple[Catalog, TextSearch, Aliases] | None:
        """The search built for the current catalog; after an edit, the last one built, with
        the texts the edit changed rewritten (``TextSearch.updated``: when the catalog has its
        texts, patched by ``Catalog.updated``), so a search active during edits is not
        built again."""
        prepared, catalog = self._search, self.catalog
        if prepared is None or prepared[0] is catalog:
            return prepared
        if not catalog.search_texts_read or not prepared[0].search_texts_read:
            return None
        search = prepared[1].updated(prepared[0].search_texts(), catalog.search_texts())
        self._search = (catalog, search, prepared[2])
        return self._search

    def search_ready(self) -> bool:
        """False while the worker ``prepare_search`` started still reads the current
        catalog's search texts: a text search applied now would wait for it."""
        reader, catalog = self._reader, self.catalog
        if reader is None or reader[0] is not catalog or self._prepared_search() is not None:
            return True
        return not reader[1].is_alive()

    def reload(self, changes: Changes | None = None) -> None:
        """Re-read the library after an edit, an import or another client's change: only what
        ``changes`` names, or everything when it is None. ``events.catalog`` then carries what
        was re-read (``everything`` set after a full load), so views refresh only that. A
        rebuilt catalog (``rebuilds_catalog``) drops the search built for the old one (its
        actors' other names may have changed) and a worker still preparing the old one keeps
        nothing: call ``prepare_texts`` again once the rebuilt catalog's first frame is
        painted."""
        if rebuilds_catalog(changes):
            with self._kept:
                self._generation += 1
                self._search = None
        self._ahead = None  # a join read ahead is of the catalog replaced now
        if changes is None or changes.everything:
            self.catalog = Catalog.load(self.library)
            changes = Changes(everything=True, origin=(changes or Changes()).origin)
        else:
            self.catalog = self.catalog.updated(self.library, changes)
        if changes.everything or not self._same_keys(changes.events):
            self._all = None
        self._visible = self._index = self._mask = None
        kept = tuple(key for key in self.selection if self.catalog.has(key))
        self.events.catalog.emit(changes)
        if kept != self.selection:
            self.selection = kept
            self.events.selection.emit()

    def select(self, keys: Iterable[str]) -> None:
        chosen = tuple(dict.fromkeys(keys))
        if chosen != self.selection:
            self.selection = chosen
            self.events.selection.emit()

    @property
    def selected_event(self) -> str | None:
        """The event the comparison shows: the last one selected."""
        return self.selection[-1] if self.selection else None

    def set_filters(self, filters: Filters) -> None:
        if filters != self.filters:
            self.filters = filters
            self._visible = self._mask = None
            self.events.filters.emit()

    def set_coder_filter(self, coder_filter: CoderFilter) -> None:
        """Show only some coders' codings (mine / theirs / both); views re-read on ``filters``."""
        if coder_filter != self.coder_filter:
            self.coder_filter = coder_filter
            self.events.filters.emit()

    def visible_keys(self) -> frozenset[str]:
        """Events that pass the filters (cached until the catalog or the filters change)."""
        if self._visible is None:
            if not self.filters.active:
                if self._all is None:
                    self._all = frozenset(self.catalog.keys)
                self._visible = self._all
            else:
                self._visible = frozenset(compress(self.catalog.keys, self.visible_mask().tolist()))
        return self._visible

    def visible_mask(self) -> NDArray[np.bool_]:
        """Per event in the order of ``catalog.keys``, whether it passes the filters (cached
        until the catalog or the filters change; the caller must not write to it)."""
        if self._mask is None:
            if not self.filters.active:
                self._mask = np.ones(self.catalog.count, np.bool_)
            else:
                if self._index is None:  # kept while the user types
                    prepared = self._prepared()
                    if prepared is None:
                        self._index = FilterIndex(self.catalog)
                    else:
                        self._index = FilterIndex(self.catalog, prepared[1], prepared[2])
                self._mask = self._index.matching_mask(self.filters)
        return self._mask

    def visible_count(self) -> int:
        """How many events pass the filters."""
        if not self.filters.active:
            return self.catalog.count
        return int(np.count_nonzero(self.visible_mask()))

    def _same_keys(self, changed: frozenset[str]) -> bool:
        """Whether the events named ``changed`` are in the new catalog exactly when they were
        among the keys kept so far (an edit, not an addition or a deletion)."""
        known = self._all
        if known is None:
            return False
        return all(self.catalog.has(key) == (key in known) for key in changed)


class _JoinedAhead:
    """``joined_texts`` of ``catalog``'s library, read on a worker thread of its own."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._joined: JoinedTexts | None = None
        self._done = threading.Event()
        threading.Thread(target=self._read, name="parallax-search-join", daemon=True).start()

    def _read(self) -> None:
        library = self.catalog.library
        try:
            if library is not None:
                with library.unit_of_work() as uow:
                    self._joined = uow.events.joined_texts()
        except Exception:  # the search's own read raises it where it is shown
            self._joined = None
        finally:
            self._done.set()

    def result(self) -> JoinedTexts | None:
        """The join once read (waits for it); None when it failed or gave none."""
        self._done.wait()
        return self._joined


def rebuilds_catalog(changes: Changes | None) -> bool:
    """Whether ``Workbench.reload(changes)`` reads the catalog afresh (``Catalog.load``): its
    titles, dates and search texts are then read again when first needed."""
    return changes is None or any(getattr(changes, name) for name in WHOLE)


def _warm_selection_reads(catalog: Catalog) -> None:
    """``warm_selection_reads`` on a worker thread, for an event sources speak of (whose
    passages and claims are read too), else the first (its errors are the first selection's
    to report)."""
    if catalog.library is None or not catalog.count:
        return
    spoken = (key for key, count in catalog.passage_counts.items() if count)
    try:
        warm_selection_reads(catalog.library, next(spoken, catalog.keys[0]))
    except Exception:  # the selection's own read raises it where it is shown
        return


def _start_columns_reader(columns: EventColumns) -> None:
    """``_read_columns_texts`` on a worker thread of its own."""
    threading.Thread(
        target=_read_columns_texts, args=(columns,), name="parallax-texts", daemon=True
    ).start()


def _read_columns_texts(columns: EventColumns) -> None:
    """``columns.read_texts()`` on a worker thread, then the key positions
    (``columns.positions()``, left unbuilt by opening), so that the first select or edit
    finds them built; collections paused, so that the million-entry dict goes to the oldest
    generation (or is frozen) at once, not walked by a young collection (~100 ms at 1M, in
    whichever thread allocated next: the first select's). Its errors are the next reader's."""
    with collections_paused(), short_turns():
        try:
            columns.read_texts()
        except Exception:  # the GUI thread's own read raises it where it is shown
            return
        columns.positions()
