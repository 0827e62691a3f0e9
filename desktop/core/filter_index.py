"""Which events pass the filters, answered from columns built once per catalog.

``FilterIndex`` uses the catalog's columns (keys, lanes, importance as a numpy array), so the
Importance and lane filters are array operations instead of a loop over every record, and
keeps the search texts once built. The text filter narrows as the user types: when every word
of the previous search is part of a word of the new one, only the events the previous search
matched can match, so only those are looked at. The answer is the one ``matching_keys`` gives.
"""

from __future__ import annotations

from itertools import compress

import numpy as np
from numpy.typing import NDArray

from db.records import EventRecord
from desktop.core.catalog import Catalog
from desktop.core.filters import Filters, search_words


def refines(new: list[str], old: list[str]) -> bool:
    """Whether every event matching the words ``new`` also matches the words ``old``."""
    return all(any(word in longer for longer in new) for word in old)


class FilterIndex:
    """The filter columns of one catalog (never of a later one: build a new index then)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.keys = catalog.keys
        self.importance: NDArray[np.int64] = catalog.columns.importance
        self._texts: tuple[str, ...] | None = None
        self._searched: tuple[list[str], list[int]] | None = None  # last words, their matches
        self._mask: NDArray[np.bool_] | None = None  # of the matches of the last words

    @property
    def texts(self) -> tuple[str, ...]:
        """``search_text`` of every event (``Catalog.search_texts``: read on the first text
        search, in bulk and without the records, and kept by the catalog)."""
        if self._texts is None:
            self._texts = self.catalog.search_texts()
        return self._texts

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
        """Per event, whether its text holds every word: the last search's mask again when
        narrowing kept every match it had (typing on in a word all matches share)."""
        kept = self._searched[1] if self._searched is not None else None
        found = self._text_matches(words)
        if found is kept and self._mask is not None:
            return self._mask
        mask = np.zeros(len(self.keys), np.bool_)
        mask[np.fromiter(found, np.intp, len(found))] = True
        self._mask = mask
        return mask

    def _text_matches(self, words: list[str]) -> list[int]:
        """Positions of the events whose text holds every word (narrowed from the last search
        when it can only have fewer matches: then only the words it did not have are looked
        for, each in one pass over the remaining candidates)."""
        texts = self.texts
        searched = self._searched
        if searched is not None and refines(words, searched[0]):
            found: list[int] = searched[1]
            wanted = [word for word in words if word not in searched[0]]
        else:
            found, wanted = list(range(len(texts))), words
        for word in wanted:
            narrowed = [k for k in found if word in texts[k]]
            found = found if len(narrowed) == len(found) else narrowed  # the same matches
        self._searched = (words, found)
        return found
