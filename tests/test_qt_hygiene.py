"""The suite's own guard: a modal dialog nobody closes is closed and named, not waited on."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests import qt_hygiene


def test_a_forgotten_modal_dialog_is_closed_and_named(qtbot: QtBot) -> None:
    watchdog = qt_hygiene.ModalWatchdog(grace_ms=600)
    watchdog.start()
    try:
        box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open", "The file is not a library.")
        qtbot.addWidget(box)
        box.exec()  # returns only because the watchdog rejects it
    finally:
        watchdog.stop()
    assert watchdog.closed == ["QMessageBox 'Cannot open' 'The file is not a library.'"]


def test_a_dialog_left_open_by_a_test_is_closed_when_it_ends(qtbot: QtBot) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "Report", "Imported 1 file.")
    qtbot.addWidget(box)
    box.open()  # window-modal, not waited on
    qtbot.waitUntil(box.isVisible)
    watchdog = qt_hygiene.ModalWatchdog(grace_ms=200)
    assert watchdog.closed == []
    watchdog.start()
    qtbot.wait(800)  # a dialog from before the watchdog started is not its business
    watchdog.stop()
    assert watchdog.closed == [] and box.isVisible()
    qt_hygiene.close_open_dialogs()
    assert not box.isVisible()


def test_a_stray_quit_is_seen_and_repaired(qtbot: QtBot) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    app = QCoreApplication.instance()
    assert app is not None and qt_hygiene.event_loops_run()
    QCoreApplication.postEvent(app, QEvent(QEvent.Type.Quit))  # as closing a last window does
    QCoreApplication.processEvents()
    assert not qt_hygiene.event_loops_run()  # every wait of every later test would end at once
    qt_hygiene.repair_quitting()
    assert qt_hygiene.event_loops_run()
