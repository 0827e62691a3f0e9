"""Which events pass the user's filters (lanes, sources, codes, tags, importance, text)."""

from __future__ import annotations

from dataclasses import dataclass

from db.records import EventRecord
from desktop.core.catalog import Catalog


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


def _matches_text(event: EventRecord, words: list[str]) -> bool:
    haystack = " ".join(
        (event.title, event.summary, " ".join(event.actors), " ".join(event.tags))
    ).casefold()
    return all(word in haystack for word in words)


def event_passes(event: EventRecord, filters: Filters, catalog: Catalog) -> bool:
    if filters.lanes and event.lane not in filters.lanes:
        return False
    if event.importance > filters.max_importance:
        return False
    if filters.tags and not filters.tags.intersection(event.tags):
        return False
    if filters.sources and not filters.sources.intersection(catalog.coverage.get(event.key, ())):
        return False
    if filters.codes and not filters.codes.intersection(
        catalog.event_codes.get(event.key, frozenset())
    ):
        return False
    words = filters.text.casefold().split()
    return not words or _matches_text(event, words)


def matching_keys(catalog: Catalog, filters: Filters) -> frozenset[str]:
    """Keys of the events that pass; every event when no filter is active."""
    if not filters.active:
        return frozenset(event.key for event in catalog.events)
    return frozenset(e.key for e in catalog.events if event_passes(e, filters, catalog))
