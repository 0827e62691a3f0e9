"""Which sources have passages still open for review (cheap: no model, no scikit-learn)."""

from __future__ import annotations

from db.library import Library

OPEN_KINDS = ("passage", "code")


def open_sources(library: Library) -> list[str]:
    """Sources with a pending passage or code suggestion, i.e. passages a model serves."""
    with library.unit_of_work() as uow:
        return [
            key
            for key in uow.suggestions.pending_counts()
            if uow.suggestions.for_source(key, kinds=OPEN_KINDS)
        ]
