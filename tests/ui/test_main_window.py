"""The main window opens on a temporary library."""

from __future__ import annotations

from db.library import Library
from desktop.ui.main_window import MainWindow


def test_window_opens_on_a_temporary_library(qtbot, sqlite_library: Library) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(sqlite_library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Parallax" in window.windowTitle()
    assert "0 events" in window.statusBar().currentMessage()
