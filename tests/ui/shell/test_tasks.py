"""run_with_progress: the event loop keeps running, cancel stops the job, errors come back."""

from __future__ import annotations

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


def test_the_event_loop_stays_responsive_during_a_one_second_job(qtbot) -> None:  # type: ignore[no-untyped-def]
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    handle = run_with_progress(None, "Working", slow_job)
    with qtbot.waitSignal(handle.succeeded, timeout=5000) as outcome:
        pass
    timer.stop()
    assert outcome.args == ["all done"]
    assert len(ticks) >= 25  # about 50 in one second; a blocked loop would give one or two
    assert max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) < 0.5
    assert handle.dialog.maximum() == 20 or not handle.dialog.isVisible()


def test_progress_reaches_the_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []
    handle = run_with_progress(None, "Working", slow_job)
    handle.dialog.setMinimumDuration(0)
    handle._emitter.progressed.connect(lambda done, _t, _m: seen.append(done))
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=5000)
    assert handle.dialog.maximum() == 20 and handle.dialog.value() >= 1
    qtbot.waitSignal(handle.succeeded, timeout=5000).wait()


def test_cancel_stops_the_job(qtbot) -> None:  # type: ignore[no-untyped-def]
    returned: list[object] = []
    steps: list[int] = []

    def counted_job(report, cancelled):  # type: ignore[no-untyped-def]
        return slow_job(lambda done, total, text: (steps.append(done), report(done, total, text)),
                        cancelled)

    handle = run_with_progress(None, "Working", counted_job)
    handle.succeeded.connect(returned.append)
    with qtbot.waitSignal(handle.cancelled, timeout=5000):
        QTimer.singleShot(150, handle.dialog.findChild(QPushButton).click)
    assert steps and max(steps) < 20  # the job saw the cancel and stopped before its end
    assert handle.is_cancelled and handle.done and returned == []


def test_an_error_in_the_job_comes_back_as_a_signal(qtbot) -> None:  # type: ignore[no-untyped-def]
    def broken(_report, _cancelled):  # type: ignore[no-untyped-def]
        raise ValueError("bad input file")

    handle = run_with_progress(None, "Working", broken)
    with qtbot.waitSignal(handle.failed, timeout=5000) as outcome:
        pass
    error, details = outcome.args
    assert isinstance(error, ValueError) and "bad input file" in details
    assert "Traceback" in details
