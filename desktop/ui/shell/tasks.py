"""Long work off the GUI thread, with a progress dialog and a cancel button.

``run_with_progress(parent, title, job)`` starts ``job(report, cancelled)`` on the global
``QThreadPool`` and returns a ``TaskHandle`` at once; the event loop keeps running. The job
calls ``report(done, total, message)`` as it goes (``total <= 0`` means "unknown") and checks
``cancelled()`` at convenient points, returning early when it is true. Exactly one of the
handle's signals fires, on the GUI thread, when the job ends:

- ``succeeded(result)`` if it returned and the user did not cancel,
- ``cancelled()`` if the user cancelled (whatever the job then returned or raised),
- ``failed(error, details)`` if it raised; ``details`` is the formatted traceback.

The job must not touch widgets or the workbench: it runs on another thread. Give it plain data
and a library (each unit of work opens its own session) and apply its result in a slot.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Report = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]
Job = Callable[[Report, IsCancelled], Any]


class _Emitter(QObject):
    """Lives on the GUI thread; the worker's emissions reach it queued."""

    progressed = Signal(int, int, str)
    returned = Signal(object)
    raised = Signal(object, str)


class _Worker(QRunnable):
    def __init__(self, job: Job, emitter: _Emitter, cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job
        self._emitter = emitter
        self._cancel = cancel

    def run(self) -> None:
        def report(done: int, total: int, message: str = "") -> None:
            _tell(self._emitter.progressed, int(done), int(total), str(message))

        try:
            result = self._job(report, self._cancel.is_set)
        except BaseException as error:
            _tell(self._emitter.raised, error, traceback.format_exc())
        else:
            _tell(self._emitter.returned, result)


def _tell(signal: Any, *args: object) -> None:
    """Emit to the GUI thread; nothing when the window that asked is gone (its handle and
    emitter were deleted with it, and the job was told to stop)."""
    with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
        signal.emit(*args)


class TaskHandle(QObject):
    """One running job: its progress dialog, its cancel flag and its outcome signals."""

    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()
    _running: ClassVar[set[TaskHandle]] = set()  # keeps parentless handles alive until done

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        if parent is not None:  # a window closing stops the jobs it started
            parent.destroyed.connect(self._cancel.set)
        self.done = False
        self.dialog = _progress_dialog(parent, title)
        self.dialog.canceled.connect(self.cancel)
        self._emitter = _Emitter(self)
        self._emitter.progressed.connect(self._show_progress)
        self._emitter.returned.connect(self._on_returned)
        self._emitter.raised.connect(self._on_raised)

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop; it ends when it next checks ``cancelled()``."""
        self._cancel.set()
        self.dialog.setLabelText("Cancelling…")

    def start(self, job: Job) -> None:
        TaskHandle._running.add(self)
        QThreadPool.globalInstance().start(_Worker(job, self._emitter, self._cancel))

    def _show_progress(self, done: int, total: int, message: str) -> None:
        if self.done:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total > 0 else 0)
        if message and not self.is_cancelled:
            self.dialog.setLabelText(message)

    def _finish(self) -> bool:
        """Close the dialog; True if the outcome is 'cancelled'."""
        self.done = True
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.close()
        TaskHandle._running.discard(self)
        if self.is_cancelled:
            self.cancelled.emit()
            return True
        return False

    def _on_returned(self, result: object) -> None:
        if not self._finish():
            self.succeeded.emit(result)

    def _on_raised(self, error: object, details: str) -> None:
        if not self._finish():
            self.failed.emit(error, details)


def _progress_dialog(parent: QWidget | None, title: str) -> QProgressDialog:
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(f"Progress: {title}")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick jobs finish without a flashing dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return dialog


def run_with_progress(parent: QWidget | None, title: str, job: Job) -> TaskHandle:
    """Run ``job`` on a worker thread; return its handle at once (see the module docstring)."""
    handle = TaskHandle(parent, title)
    handle.start(job)
    return handle
