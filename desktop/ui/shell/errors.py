"""Errors that reach the top: a readable dialog, a line in the log file, and no dead app.

``ErrorReporter.install()`` replaces ``sys.excepthook`` (PySide6 hands exceptions raised in
slots and event handlers to it); ``uninstall()`` puts the previous hook back. Each report
appends the time, a one-line summary and the traceback to the log file, then shows an
``ErrorDialog`` with a "Copy details" button. Messages of ``LibraryError``/``UserError`` are
meant for users and are shown as they are; anything else is presented as an unexpected error.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import LibraryError, UserError

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
LOG_FILE_NAME = "parallax.log"


def default_log_file() -> Path:
    """The log file in the user's log folder (created on first write)."""
    from platformdirs import user_log_path

    return user_log_path("Parallax", appauthor=False) / LOG_FILE_NAME


def readable_message(error: BaseException) -> str:
    """What to tell the user: their own message for expected errors, a plain note otherwise."""
    if isinstance(error, LibraryError | UserError):
        return str(error)
    detail = str(error) or type(error).__name__
    return (
        f"Something went wrong and the last action did not finish ({type(error).__name__}: "
        f"{detail}). Your library is safe: unfinished changes are never saved."
    )


class ErrorDialog(QDialog):
    """Shows a readable message; the details (traceback) can be copied for a bug report."""

    def __init__(
        self, message: str, details: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Parallax: an error occurred")
        self.setAccessibleName("Error")
        self.details = details
        layout = QVBoxLayout(self)
        text = QLabel(message, self)
        text.setWordWrap(True)
        text.setAccessibleName("Error message")
        layout.addWidget(text)
        if log_file is not None:
            where = QLabel(f"The details were written to {log_file}.", self)
            where.setWordWrap(True)
            layout.addWidget(where)
        box = QPlainTextEdit(details, self)
        box.setReadOnly(True)
        box.setAccessibleName("Error details")
        box.setMinimumHeight(140)
        layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("Copy details", self)
        self.copy_button.setAccessibleName("Copy details")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


class ErrorReporter:
    """Logs and shows uncaught errors; ``parent()`` gives the window to centre dialogs on."""

    def __init__(
        self, log_file: Path | None = None, parent: Callable[[], QWidget | None] = lambda: None
    ) -> None:
        self.log_file = log_file or default_log_file()
        self._parent = parent
        self._previous: ExceptHook | None = None
        self._reporting = False

    def install(self) -> None:
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self.excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt) or self._reporting:
            (self._previous or sys.__excepthook__)(kind, error, tb)
            return
        self._reporting = True
        try:
            self.report(error, "".join(traceback.format_exception(kind, error, tb)))
        finally:
            self._reporting = False

    def report(self, error: BaseException, details: str) -> None:
        """Log ``error`` and show it; never raises (a failing log write is only noted)."""
        message = readable_message(error)
        logged = self.write_log(message, details)
        self.show_dialog(message, details, self.log_file if logged else None)

    def write_log(self, message: str, details: str) -> bool:
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        try:
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
            with self.log_file.open("a", encoding="utf-8") as log:
                log.write(f"{stamp} ERROR {message}\n{details.rstrip()}\n")
        except OSError:
            return False
        return True

    def show_dialog(self, message: str, details: str, log_file: Path | None) -> None:
        ErrorDialog(message, details, log_file, self._parent()).exec()
