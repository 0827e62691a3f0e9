"""Errors that reach the top: a readable dialog with copyable details and a log line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from db.errors import LibraryError
from desktop.ui.shell.errors import ErrorDialog, ErrorReporter, readable_message


class RecordingReporter(ErrorReporter):
    """Shows nothing modal: records what the dialog would have said."""

    def __init__(self, log_file: Path) -> None:
        super().__init__(log_file)
        self.shown: list[tuple[str, str, Path | None]] = []

    def show_dialog(self, message: str, details: str, log_file: Path | None) -> None:
        self.shown.append((message, details, log_file))


def broken_slot() -> None:
    raise RuntimeError("the slot broke")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_and_logs(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log = tmp_path / "logs" / "parallax.log"
    reporter = RecordingReporter(log)
    previous = sys.excepthook
    reporter.install()
    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(reporter.shown), timeout=3000)
    finally:
        reporter.uninstall()
    assert sys.excepthook is previous
    message, details, where = reporter.shown[0]
    assert "RuntimeError: the slot broke" in message and "did not finish" in message
    assert "Traceback" in details and "broken_slot" in details
    assert where == log
    lines = log.read_text(encoding="utf-8").splitlines()
    assert " ERROR " in lines[0] and "the slot broke" in lines[0]
    assert any("broken_slot" in line for line in lines[1:])


def test_user_errors_are_shown_as_written() -> None:
    assert readable_message(LibraryError("The file is not a library.")) == (
        "The file is not a library."
    )


def test_an_unwritable_log_still_shows_the_dialog(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    reporter = RecordingReporter(blocker / "parallax.log")  # a folder that cannot exist
    reporter.report(ValueError("oops"), "details")
    assert reporter.shown == [(readable_message(ValueError("oops")), "details", None)]


def test_copy_details_puts_the_traceback_on_the_clipboard(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ErrorDialog("Something failed.", "Traceback: line 1", tmp_path / "x.log")
    qtbot.addWidget(dialog)
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    buttons["Copy details"].click()
    assert QGuiApplication.clipboard().text() == "Traceback: line 1"
