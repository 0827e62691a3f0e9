"""The pure part of importing a file: reading it, its near-duplicate sketch, its suggestions.

None of this touches the library, so a batch does it ahead of the writes in worker processes
(``prepared_in_order``) while the calling process writes one document per transaction and
reads files itself whenever the next one is not ready. A few dozen files, or a machine with one
core, are prepared in the calling process alone: starting a worker would cost more than it
saves. A worker imports this module and what it needs, nothing of the database.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from pathlib import Path
from types import ModuleType

from db.records import SuggestionRecord
from desktop.core.importing.finding import find_suggestions_in
from desktop.core.importing.matching import sketch
from desktop.core.importing.metadata import MetadataError, merged_metadata, propose_metadata
from desktop.core.importing.outcome import MetadataOverrides
from desktop.core.suggest import EventInfo, load_date_reader
from desktop.io.documents import DocumentError, ReadDocument, load_readers, read_document

POOL_MIN_FILES = 32  # fewer files are read here: a worker takes a second or two to start
MAX_WORKERS = 4
_AHEAD = 4  # files queued per worker: enough to keep it busy, few enough to stop soon
_STOLEN = 32  # at most this many files read here while the next is not ready, kept for their turn


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


def load_finders() -> None:
    """Load now what reading documents and finding their dates load at first use (the
    language model, the web page reader, dateparser's readers): a batch's start-up, done once
    before its workers are forked from this process."""
    load_readers()
    load_date_reader()


def prepared_in_order(paths: Sequence[Path], settings: PrepareSettings) -> Generator[Prepared]:
    """``prepare`` of each path, in the order given, computed ahead in worker processes.

    One worker per core but one (this process writes), and this process reads the next files
    itself whenever the file due is not ready yet (a worker starting, a slow file), so no core
    waits. Closing the iterator early (a cancelled batch) drops the files not started and
    waits for the few being read. A worker that dies is replaced by reading in this process.
    """
    workers = min(_cores() - 1, MAX_WORKERS)
    if len(paths) < POOL_MIN_FILES or workers < 1:
        yield from (prepare(path, settings) for path in paths)
        return
    context = _start_method()
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(settings,)
    )
    try:
        yield from _Ahead(pool, paths, settings, workers * _AHEAD).results()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _Ahead:
    """The files of a batch in order: most read by the pool, some here while waiting for it."""

    def __init__(
        self,
        pool: ProcessPoolExecutor,
        paths: Sequence[Path],
        settings: PrepareSettings,
        ahead: int,
    ) -> None:
        self._pool, self._settings, self._ahead = pool, settings, ahead
        self._waiting = iter(paths)
        self._queued: deque[tuple[Path, Future[Prepared], bool]] = deque()  # (…, by the pool)
        self._in_pool = 0

    def results(self) -> Generator[Prepared]:
        self._submit()
        while self._queued:
            path, future, pooled = self._queued[0]
            while not future.done() and self._steal():
                pass
            try:
                found = future.result()
            except BrokenProcessPool:
                yield from self._here_instead()
                return
            self._queued.popleft()
            self._in_pool -= pooled
            yield found
            self._submit()

    def _submit(self) -> None:
        while self._in_pool < self._ahead:
            path = next(self._waiting, None)
            if path is None:
                return
            with _without_main():
                future = self._pool.submit(_prepare_in_worker, path)
            self._queued.append((path, future, True))
            self._in_pool += 1

    def _steal(self) -> bool:
        """Read the next file not yet given to the pool here; False when there is none or
        enough are waiting for their turn."""
        if len(self._queued) - self._in_pool >= _STOLEN:
            return False
        path = next(self._waiting, None)
        if path is None:
            return False
        future: Future[Prepared] = Future()
        future.set_result(prepare(path, self._settings))
        self._queued.append((path, future, False))
        return True

    def _here_instead(self) -> Generator[Prepared]:
        """The pool broke (a worker died): what it finished, and the rest read here."""
        for path, future, _ in self._queued:
            done = future.done() and not future.cancelled() and future.exception() is None
            yield future.result() if done else prepare(path, self._settings)
        yield from (prepare(path, self._settings) for path in self._waiting)


def _start_method() -> BaseContext:
    """How workers start: forked from a process that runs nothing but this (the command line:
    the main thread alone, no Qt), after loading what reading needs (``load_finders``), so a
    worker starts with the language model, the web page reader and the finders this process
    has, instead of a couple of seconds of loading them again; spawned (a fresh Python)
    otherwise, since a fork would copy a GUI's threads and locks."""
    alone = threading.current_thread() is threading.main_thread()
    alone = alone and threading.active_count() == 1 and "PySide6" not in sys.modules
    if not (alone and sys.platform == "linux"):
        return multiprocessing.get_context("spawn")
    load_finders()
    return multiprocessing.get_context("fork")


@contextmanager
def _without_main() -> Iterator[None]:
    """Start workers as if the program had no main module.

    A spawned process first runs the parent's main script again (not a package's
    ``__main__``) so that what was defined there can be unpickled. Nothing a worker runs lives
    there, and the ``parallax`` script would import every command and the database in each
    worker: seconds of start-up for nothing. Processes start only inside ``submit``.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


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
