"""``import_batch``: many files, each in its own transaction, with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from db.library import Library
from desktop.core.importing.document import NearMatchPolicy, import_prepared
from desktop.core.importing.matching import SourceIndex
from desktop.core.importing.outcome import (
    ImportOutcome,
    ImportReport,
    MetadataOverrides,
)
from desktop.core.importing.prepare import PrepareSettings, prepared_in_order
from desktop.core.importing.review import load_event_infos

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
    ``with_suggestions`` also finds and stores each new or attached source's suggestions (in
    that document's transaction) and counts them. Files are read and their suggestions
    found ahead, in worker processes (``prepare``); the writes stay in this process.
    """
    total = len(paths)
    with library.unit_of_work(author) as uow:
        index = SourceIndex.load(uow)
    events = load_event_infos(library) if with_suggestions else None
    outcomes: list[ImportOutcome] = []
    prepared = prepared_in_order(paths, PrepareSettings(overrides, events))
    try:
        for number, path in enumerate(paths):
            if cancelled is not None and cancelled():
                return ImportReport(tuple(outcomes), cancelled=True, total=total)
            if progress is not None:
                progress(number, total, path.name)
            outcome = import_prepared(
                library,
                next(prepared),
                overrides=overrides,
                author=author,
                near_match=near_match,
                index=index,
                suggest=with_suggestions,
                events=events,
            )
            outcomes.append(outcome)
    finally:
        prepared.close()
    if progress is not None:
        progress(total, total, "")
    return ImportReport(tuple(outcomes), cancelled=False, total=total)
