"""Which events pass the filters, answered from columns built once per catalog.

``FilterIndex`` uses the catalog's columns (keys, lanes, importance as a numpy array), so the
Importance and lane filters are array operations instead of a loop over every record. The text
filter asks a ``TextSearch`` of the catalog's search texts (array operations too, narrowing as
the user types on); a workbench may hand one in that a worker built ahead. The answer is the one
``matching_keys`` gives, and more: a word of at least ``ALIAS_MIN`` characters found in an
actor's other names ("Грузия" of Georgia) also finds the events whose text holds that actor's
name, as a researcher who types a name in another language or script expects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import compress

import numpy as np
from numpy.typing import NDArray

from db.records import EventRecord
from desktop.core.catalog import Catalog
from desktop.core.filters import Filters, search_words
from desktop.core.text_search import TextSearch

ALIAS_MIN = 3  # characters a word needs to be looked for among the actors' other names
Aliases = Mapping[str, Sequence[str]]  # actor name -> its other names


def actor_aliases(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """The casefolded other names of the library's actors, by casefolded actor name (read from
    the library; none for a catalog without one)."""
    if catalog.library is None:
        return {}
    with catalog.library.unit_of_work() as uow:
        found = uow.actors.aliases()
    return {
        name.casefold(): tuple(alias.casefold() for alias in aliases)
        for name, aliases in found.items()
    }


class FilterIndex:
    """The filter columns of one catalog (never of a later one: build a new index then)."""

    def __init__(
        self, catalog: Catalog, search: TextSearch | None = None, aliases: Aliases | None = None
    ) -> None:
        """``search``: a ``TextSearch`` of ``catalog.search_texts()`` built ahead, if any;
        ``aliases``: the ``actor_aliases`` of its library read ahead, if any."""
        self.catalog = catalog
        self.keys = catalog.keys
        self.importance: NDArray[np.int64] = catalog.columns.importance
        self._texts: Sequence[str] | None = None
        self._search = search
        self._aliases = aliases

    @property
    def texts(self) -> Sequence[str]:
        """``search_text`` of every event (``Catalog.search_texts``: read on the first text
        search, in bulk and without the records, and kept by the catalog)."""
        if self._texts is None:
            self._texts = self.catalog.search_texts()
        return self._texts

    @property
    def search(self) -> TextSearch:
        """The text search over ``texts`` (built on the first text search unless given)."""
        if self._search is None:
            self._search = TextSearch(self.texts)
        return self._search

    def matching_keys(self, filters: Filters) -> frozenset[str]:
        """Keys of the events that pass ``filters`` (all of them when none is active)."""
        if not filters.active:
            return frozenset(self.keys)
        return frozenset(compress(self.keys, self.matching_mask(filters).tolist()))

    def matching_mask(self, filters: Filters) -> NDArray[np.bool_]:
        """Per event, in the order of ``catalog.keys``: whether it passes ``filters``.

        Only the text and tag filters read the events' records (``Catalog.events``)."""
        mask = self.importance <= filters.max_importance
        if filters.lanes:
            wanted = filters.lanes
            mask &= np.fromiter((lane in wanted for lane in self.catalog.columns.lanes), np.bool_)
        words = search_words(filters.text)
        if words:
            mask &= self._text_mask(words)
        if filters.tags or filters.sources or filters.codes:
            events = self.catalog.events if filters.tags else None
            for k in np.flatnonzero(mask).tolist():
                mask[k] = self._passes(k, filters, events)
        return mask

    def _passes(self, k: int, filters: Filters, events: tuple[EventRecord, ...] | None) -> bool:
        """The source, code and tag filters for the event at ``k``."""
        key, catalog = self.keys[k], self.catalog
        if events is not None and not filters.tags.intersection(events[k].tags):
            return False
        if filters.sources and not filters.sources.intersection(catalog.coverage.get(key, ())):
            return False
        return not filters.codes or bool(
            filters.codes.intersection(catalog.event_codes.get(key, frozenset()))
        )

    def _text_mask(self, words: list[str]) -> NDArray[np.bool_]:
        """Per event, whether its text holds every word (or the name of an actor the word
        names in another language)."""
        found = self._word_mask(words[0]).copy()
        for word in words[1:]:
            found &= self._word_mask(word)
        return found

    def _word_mask(self, word: str) -> NDArray[np.bool_]:
        found = self.search.holding(word)
        if len(word) < ALIAS_MIN:
            return found
        if self._aliases is None:
            self._aliases = actor_aliases(self.catalog)
        named = [name for name, other in self._aliases.items() if any(word in a for a in other)]
        if named:
            found = found.copy()
            for name in named:
                found |= self.search.holding(name)
        return found
