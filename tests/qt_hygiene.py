"""Keeping Qt tests independent of their order: no worker left running into the next test, and
no modal dialog left waiting for a click that never comes.

A job still running on the global thread pool when its test ends would hold the pool's threads
(there are as many as cores) and its library, so a later test's job could wait behind it. A
modal dialog no test closes would block its test until the time limit, with nothing said; the
watchdog closes any modal dialog the test opened that stays open for ``MODAL_GRACE_MS`` and fails
the test, naming it. Dialogs a test opened without waiting on them (``open()``) are closed when
it ends, so none is still on screen, modal, in the next test. A test that leaves the application
quitting (a ``Quit`` delivered outside ``QApplication.exec``) would make every later event loop
return at once, so every later wait in the process fail: that is repaired and reported.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

MODAL_GRACE_MS = 60_000
POOL_DRAIN_MS = 60_000


def _describe(widget: QDialog) -> str:
    text = widget.text() if isinstance(widget, QMessageBox) else ""
    return f"{type(widget).__name__} {widget.windowTitle()!r} {text[:120]!r}".strip()


class ModalWatchdog:
    """Closes a modal dialog that stays open too long and remembers what it was."""

    def __init__(self, grace_ms: int = MODAL_GRACE_MS) -> None:
        self.closed: list[str] = []
        self.quitting = False  # the test left the application quitting (see qt_hygiene)
        self._grace_s = grace_ms / 1000
        # Widgets, not ids: a wrapper's id is reused once it is collected.
        self._before = list(QApplication.topLevelWidgets())  # not this test's
        self._seen: tuple[QDialog, float] | None = None
        self._timer = QTimer()
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._check)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _check(self) -> None:
        modal = QApplication.activeModalWidget()
        if (
            not isinstance(modal, QDialog)
            or isinstance(modal, QProgressDialog)
            or any(modal is widget for widget in self._before)
        ):
            self._seen = None
            return
        now = time.monotonic()
        if self._seen is None or self._seen[0] is not modal:
            self._seen = (modal, now)
        elif now - self._seen[1] >= self._grace_s:
            self.closed.append(_describe(modal))
            self._seen = None
            modal.reject()


@contextmanager
def qt_hygiene() -> Iterator[ModalWatchdog | None]:
    """Around one test: watch for forgotten modal dialogs, drain the thread pool afterwards."""
    if QApplication.instance() is None:
        yield None
        return
    watchdog = ModalWatchdog()
    watchdog.start()
    try:
        yield watchdog
    finally:
        watchdog.stop()
        QThreadPool.globalInstance().waitForDone(POOL_DRAIN_MS)
        close_open_dialogs()
        if not event_loops_run():
            repair_quitting()
            watchdog.quitting = True


def close_open_dialogs() -> None:
    """Close every dialog still on screen (a test that opened one and moved on)."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()


def event_loops_run() -> bool:
    """A new event loop waits for its own quit; after a stray ``Quit`` it returns -1 at once."""
    QCoreApplication.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    return loop.exec() == 0


def repair_quitting() -> None:
    """Only ``QApplication.exec`` clears the quitting state: run it for one turn."""
    QTimer.singleShot(0, QCoreApplication.quit)
    QCoreApplication.exec()
