"""Which events pass the user's filters (lanes, sources, codes, tags, importance, text)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.records import EventRecord
from desktop.core.catalog import Catalog
from desktop.core.search_texts import search_text


@dataclass(frozen=True)
class Filters:
    """Empty sets mean 'no restriction'. ``hidden_lanes`` hides lanes entirely."""

    lanes: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    max_importance: int = 3
    text: str = ""
    dim_instead_of_hide: bool = False

    @property
    def active(self) -> bool:
        return bool(
            self.lanes
            or self.sources
            or self.codes
            or self.tags
            or self.text.strip()
            or self.max_importance < 3
        )


def search_texts(catalog: Catalog) -> tuple[str, ...]:
    """``search_text`` of every event of ``catalog``, in order, from its records."""
    return tuple(search_text(e) for e in catalog.events)


def event_passes(event: EventRecord, filters: Filters, catalog: Catalog) -> bool:
    """True when ``event`` passes every filter but the text (``matching_keys`` checks that)."""
    if filters.lanes and event.lane not in filters.lanes:
        return False
    if event.importance > filters.max_importance:
        return False
    if filters.tags and not filters.tags.intersection(event.tags):
        return False
    if filters.sources and not filters.sources.intersection(catalog.coverage.get(event.key, ())):
        return False
    return not filters.codes or bool(
        filters.codes.intersection(catalog.event_codes.get(event.key, frozenset()))
    )


MAX_SEARCH_WORDS = 32


def search_words(text: str) -> list[str]:
    """The distinct words of a search, casefolded, at most ``MAX_SEARCH_WORDS`` (a pasted page
    of text must not make filtering cost words x events x length)."""
    return list(dict.fromkeys(text.casefold().split()))[:MAX_SEARCH_WORDS]


def matching_keys(
    catalog: Catalog, filters: Filters, texts: Sequence[str] | None = None
) -> frozenset[str]:
    """Keys of the events that pass; every event when no filter is active. ``texts``, the
    catalog's ``search_texts`` when the caller keeps them, saves building them again."""
    if not filters.active:
        return frozenset(catalog.keys)
    words = search_words(filters.text)
    if words:
        pairs = zip(catalog.events, texts or search_texts(catalog), strict=True)
        found = [e for e, text in pairs if all(word in text for word in words)]
    else:
        found = list(catalog.events)
    return frozenset(e.key for e in found if event_passes(e, filters, catalog))
