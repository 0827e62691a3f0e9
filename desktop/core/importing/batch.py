"""``import_batch``: many files, each in its own transaction, with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from db.library import Library
from desktop.core.importing.document import NearMatchPolicy, import_document
from desktop.core.importing.matching import SourceIndex
from desktop.core.importing.outcome import (
    ImportOutcome,
    ImportReport,
    ImportStatus,
    MetadataOverrides,
)
from desktop.core.importing.review import load_event_infos, review_suggestions
from desktop.core.suggest import EventInfo

Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]


def import_batch(
    library: Library,
    paths: Sequence[Path],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    overrides: MetadataOverrides | None = None,
    author: str = "",
    near_match: NearMatchPolicy = NearMatchPolicy.ATTACH,
    with_suggestions: bool = False,
) -> ImportReport:
    """Import ``paths`` in order; one file's failure never stops the others.

    ``progress(i, n, name)`` is called before file ``i`` (0-based) and ``progress(n, n, "")``
    at the end. ``cancelled()`` is checked before each file: when it returns true the batch
    stops there, the files already done stay imported, and the report says ``cancelled``.
    ``with_suggestions`` also counts each new or attached source's review suggestions.
    """
    total = len(paths)
    with library.unit_of_work(author) as uow:
        index = SourceIndex.load(uow)
    events = load_event_infos(library) if with_suggestions else None
    outcomes: list[ImportOutcome] = []
    for number, path in enumerate(paths):
        if cancelled is not None and cancelled():
            return ImportReport(tuple(outcomes), cancelled=True, total=total)
        if progress is not None:
            progress(number, total, path.name)
        outcome = import_document(
            library,
            path,
            overrides=overrides,
            author=author,
            near_match=near_match,
            index=index,
        )
        outcomes.append(_with_suggestion_count(library, outcome, events))
    if progress is not None:
        progress(total, total, "")
    return ImportReport(tuple(outcomes), cancelled=False, total=total)


def _with_suggestion_count(
    library: Library, outcome: ImportOutcome, events: tuple[EventInfo, ...] | None
) -> ImportOutcome:
    if events is None or outcome.source_key is None:
        return outcome
    if outcome.status not in (ImportStatus.IMPORTED, ImportStatus.ATTACHED):
        return outcome
    found = review_suggestions(library, outcome.source_key, events=events)
    return replace(outcome, suggestions=len(found))
