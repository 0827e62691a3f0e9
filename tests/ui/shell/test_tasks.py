"""run_with_progress: the event loop keeps running, cancel stops the job, errors come back."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from desktop.ui.shell.tasks import run_with_progress


def slow_job(report, cancelled):  # type: ignore[no-untyped-def]
    for step in range(20):
        if cancelled():
            return "stopped early"
        time.sleep(0.05)
        report(step + 1, 20, f"step {step + 1}")
    return "all done"


def test_the_event_loop_keeps_turning_while_the_job_runs(qtbot) -> None:  # type: ignore[no-untyped-def]
    turned = threading.Event()

    def waiting_job(report, cancelled):  # type: ignore[no-untyped-def]
        # Finishes only once a timer on the GUI thread has fired: a blocked loop never gets there.
        return "all done" if turned.wait(timeout=20) else "the event loop was blocked"

    handle = run_with_progress(None, "Working", waiting_job)
    QTimer.singleShot(20, turned.set)
    with qtbot.waitSignal(handle.succeeded, timeout=30000) as outcome:
        pass
    assert outcome.args == ["all done"]


def test_progress_reaches_the_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []
    handle = run_with_progress(None, "Working", slow_job)
    handle.dialog.setMinimumDuration(0)
    handle._emitter.progressed.connect(lambda done, _t, _m: seen.append(done))
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=30000)
    assert handle.dialog.maximum() == 20 and handle.dialog.value() >= 1
    qtbot.waitSignal(handle.succeeded, timeout=30000).wait()


def test_cancel_stops_the_job(qtbot) -> None:  # type: ignore[no-untyped-def]
    returned: list[object] = []
    steps: list[int] = []

    def cancellable_job(report, cancelled):  # type: ignore[no-untyped-def]
        for step in range(20):
            steps.append(step + 1)
            report(step + 1, 20, f"step {step + 1}")
            if step == 0:  # wait (bounded) for the user's cancel after the first step
                deadline = time.monotonic() + 20
                while not cancelled() and time.monotonic() < deadline:
                    time.sleep(0.01)
            if cancelled():
                return "stopped early"
        return "all done"

    handle = run_with_progress(None, "Working", cancellable_job)
    handle.succeeded.connect(returned.append)
    qtbot.waitUntil(lambda: bool(steps), timeout=10000)
    with qtbot.waitSignal(handle.cancelled, timeout=30000):
        handle.dialog.findChild(QPushButton).click()
    assert steps == [1]  # the job saw the cancel and stopped before its end
    assert handle.is_cancelled and handle.done and returned == []


def test_an_error_in_the_job_comes_back_as_a_signal(qtbot) -> None:  # type: ignore[no-untyped-def]
    def broken(_report, _cancelled):  # type: ignore[no-untyped-def]
        raise ValueError("bad input file")

    handle = run_with_progress(None, "Working", broken)
    with qtbot.waitSignal(handle.failed, timeout=30000) as outcome:
        pass
    error, details = outcome.args
    assert isinstance(error, ValueError) and "bad input file" in details
    assert "Traceback" in details


def test_closing_the_window_stops_its_job_quietly(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window that started a job is deleted: the job is told to stop, and its last
    emissions (to a handle deleted with the window) raise nothing."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    started, stopped = threading.Event(), threading.Event()

    def job(report, cancelled):  # type: ignore[no-untyped-def]
        started.set()
        while not cancelled():
            time.sleep(0.01)
        stopped.set()
        report(1, 1, "after the window closed")
        return "stopped"

    run_with_progress(window, "Working", job)
    assert started.wait(timeout=20)
    window.deleteLater()
    qtbot.waitUntil(stopped.is_set, timeout=20000)
    assert QThreadPool.globalInstance().waitForDone(20000)
    qtbot.wait(50)  # pytest-qt fails this test if the worker's emissions raised in the loop
