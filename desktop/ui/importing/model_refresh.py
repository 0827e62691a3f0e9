"""``CodingModelRefresher``: retrains the coding model off the GUI thread when codings change.

Only the scheduling lives here; training and refreshing are ``desktop.core.assist.refresh``.
A change set that touches passages or codes (a coding, a tone, an accepted code) restarts a
single-shot timer, so a burst of edits trains once, ``delay_ms`` after the last. Nothing is
trained while no source has passages open for review (pending passage or code suggestions):
the model only serves those. One job runs at a time on the global thread pool; the GUI thread
never waits for it. Each job carries the generation it started at: a result that arrives after
codings changed again is discarded (the job also stops before writing), and the next job runs.
A job whose codings are those of the current model skips training. After a current result,
the open passages' code suggestions are refreshed and ``refreshed`` fires.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from db.library import Library
from desktop.core.assist.pending import open_sources
from desktop.model.changes import Changes
from desktop.ui.bridge import WorkbenchSignals

DELAY_MS = 1500
Stale = Callable[[], bool]
Trainer = Callable[[Library, Any, Stale], Any]


def retrain(library: Library, current: Any, stale: Stale) -> Any:
    """The worker's job: train on the codings as they are (unless they are those of
    ``current``), then refresh the open passages' code suggestions unless ``stale()``."""
    from desktop.core.assist import refresh  # scikit-learn: only when used

    if current is not None and refresh.current_fingerprint(library) == current.fingerprint:
        return current
    trained = refresh.train_current(library)
    if not stale():
        refresh.refresh_codes(library, trained.model, open_sources(library), stale=stale)
    return trained


class _Emitter(QObject):
    """Parentless, kept alive by its job: the worker's emissions reach the GUI thread queued."""

    returned = Signal(int, object)
    raised = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, generation: int, work: Callable[[], Any], emitter: _Emitter) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.generation, self.work, self.emitter = generation, work, emitter

    def run(self) -> None:
        try:
            result = self.work()
        except Exception:  # shown in the panel; the next change retries
            self._emit(self.emitter.raised, traceback.format_exc(limit=3))
        else:
            self._emit(self.emitter.returned, result)

    def _emit(self, signal: Any, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody waits
            signal.emit(self.generation, value)


class CodingModelRefresher(QObject):
    """Keeps a coding model current for ``library``. ``trained`` is the current
    ``desktop.core.assist.refresh.Trained`` (None until the first job ends)."""

    started = Signal()
    refreshed = Signal()  # a current model; the open passages' code suggestions were refreshed
    failed = Signal(str)

    def __init__(
        self,
        library: Library,
        signals: WorkbenchSignals | None = None,
        *,
        delay_ms: int = DELAY_MS,
        trainer: Trainer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.trainer: Trainer = trainer or retrain
        self.trained: Any = None
        self.generation = 0
        self.running: int | None = None  # the generation of the job on the pool
        self.stopped = False
        self.discarded = 0  # stale results thrown away (for the curious and for tests)
        self._emitter = _Emitter()
        self._emitter.returned.connect(self._on_returned)
        self._emitter.raised.connect(self._on_raised)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        if signals is not None:
            signals.catalog_changed.connect(self.on_changes)

    @property
    def busy(self) -> bool:
        """A retrain is waiting for its timer or running."""
        return self._timer.isActive() or self.running is not None

    def on_changes(self, changes: Changes | None) -> None:
        if changes is None or changes.everything or changes.passages or changes.codes:
            self.codings_changed()

    def codings_changed(self) -> None:
        """Codings may have changed: (re)start the quiet period before one retrain."""
        if self.stopped or not self._wanted():
            return
        self.generation += 1
        self._timer.start()

    def adopt(self, trained: Any) -> None:
        """Use a model trained elsewhere (the import's) until codings change."""
        if trained is not None and not self.stopped:
            self.trained = trained

    def stop(self) -> None:
        """No more jobs; a running one stops before writing and its result is ignored."""
        self.stopped = True
        self.generation += 1
        self._timer.stop()

    def _wanted(self) -> bool:
        return bool(open_sources(self.library))

    def _start(self) -> None:
        if self.stopped or self.running is not None:
            return  # the running job's result will be stale: _on_returned starts the next
        generation = self.generation
        self.running = generation
        library, current, trainer = self.library, self.trained, self.trainer

        def stale() -> bool:  # read on the worker: an int compare, no Qt
            return self.generation != generation

        self.started.emit()
        work = lambda: trainer(library, current, stale)  # noqa: E731
        QThreadPool.globalInstance().start(_Job(generation, work, self._emitter))

    def _on_returned(self, generation: int, trained: Any) -> None:
        self.running = None
        if self.stopped:
            return
        if generation != self.generation:
            self.discarded += 1
            if not self._timer.isActive():
                self._start()
            return
        self.trained = trained
        self.refreshed.emit()

    def _on_raised(self, generation: int, details: str) -> None:
        self.running = None
        if self.stopped:
            return
        if generation != self.generation and not self._timer.isActive():
            self._start()
            return
        self.failed.emit(details)
