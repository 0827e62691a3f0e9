"""The pure part of importing a file: reading it, its near-duplicate sketch, its suggestions.

None of this touches the library, so a batch does it ahead of the writes in worker processes
(``prepared_in_order``) while the calling process writes one document per transaction. A
handful of files, or a machine with one core, is prepared in the calling process instead:
starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from db.records import SuggestionRecord
from desktop.core.importing.finding import find_suggestions_in
from desktop.core.importing.matching import sketch
from desktop.core.importing.metadata import MetadataError, merged_metadata, propose_metadata
from desktop.core.importing.outcome import MetadataOverrides
from desktop.core.suggest import EventInfo
from desktop.io.documents import DocumentError, ReadDocument, read_document

POOL_MIN_FILES = 8  # fewer files are read in-process: starting workers costs about a second
MAX_WORKERS = 4
_AHEAD = 4  # files queued per worker: enough to keep it busy, few enough to stop soon


@dataclass(frozen=True, slots=True)
class Prepared:
    """One file read, or why it could not be.

    ``sketch`` is the text's near-duplicate sketch. ``found`` holds the suggestions for the
    document taken as a new source published on ``published`` (source key left empty), or None
    when none were asked for or its metadata is refused; a document attached to a known source
    has that source's date, so its suggestions are found again at the write.
    """

    path: Path
    document: ReadDocument | None = None
    failure: str = ""
    sketch: frozenset[int] = frozenset()
    found: tuple[SuggestionRecord, ...] | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class PrepareSettings:
    """What every file of a batch is prepared with (sent once to each worker)."""

    overrides: MetadataOverrides | None = None
    events: tuple[EventInfo, ...] | None = None  # None: no suggestions


def prepare(path: Path, settings: PrepareSettings) -> Prepared:
    """Read ``path`` and find what the write will need (pure; any process)."""
    try:
        document = read_document(path)
    except DocumentError as error:
        return Prepared(path, failure=error.reason)
    found, published = None, None
    if settings.events is not None:
        overrides = settings.overrides or MetadataOverrides()
        try:
            published = merged_metadata(propose_metadata(document), overrides).published
        except MetadataError:
            return Prepared(path, document, sketch=sketch(document.text))
        found = tuple(find_suggestions_in("", document.text, published, settings.events))
    return Prepared(path, document, "", sketch(document.text), found, published)


def prepared_in_order(paths: Sequence[Path], settings: PrepareSettings) -> Generator[Prepared]:
    """``prepare`` of each path, in the order given, computed ahead in worker processes.

    Closing the iterator early (a cancelled batch) drops the files not started and waits for
    the few being read. A worker that dies is replaced by reading in this process.
    """
    workers = min(_cores(), MAX_WORKERS)
    if len(paths) < POOL_MIN_FILES or workers < 2:
        yield from (prepare(path, settings) for path in paths)
        return
    context = multiprocessing.get_context("spawn")  # fork would copy a GUI's threads and locks
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(settings,)
    )
    try:
        yield from _through(pool, paths, settings, workers * _AHEAD)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _through(
    pool: ProcessPoolExecutor, paths: Sequence[Path], settings: PrepareSettings, ahead: int
) -> Generator[Prepared]:
    queued: deque[tuple[Path, Future[Prepared]]] = deque()
    waiting = iter(paths)
    for path in waiting:
        queued.append((path, pool.submit(_prepare_in_worker, path)))
        if len(queued) >= ahead:
            break
    while queued:
        path, future = queued.popleft()
        try:
            yield future.result()
        except BrokenProcessPool:
            yield prepare(path, settings)
            yield from (prepare(p, settings) for p, _ in queued)
            yield from (prepare(p, settings) for p in waiting)
            return
        following = next(waiting, None)
        if following is not None:
            queued.append((following, pool.submit(_prepare_in_worker, following)))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_worker_settings = PrepareSettings()


def _start_worker(settings: PrepareSettings) -> None:
    global _worker_settings
    _worker_settings = settings


def _prepare_in_worker(path: Path) -> Prepared:
    return prepare(path, _worker_settings)
