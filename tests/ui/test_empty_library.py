"""An empty library (a user who deleted everything, or started from a blank database) opens a
working window: the timeline paints, zooms and pans, the panels show their empty states."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt

from db.library import Library


@pytest.fixture
def empty_window(qtbot: Any, sqlite_library: Library, tmp_path: Path) -> Iterator[Any]:
    from desktop.app import fill_window
    from desktop.core.workbench import Workbench
    from desktop.ui.bridge import WorkbenchSignals
    from desktop.ui.main_window import MainWindow

    bench = Workbench(sqlite_library, author="tester")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(bench, WorkbenchSignals(bench), settings)
    qtbot.addWidget(win)
    fill_window(win, bench, win.signals)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win


def test_empty_library_paints_and_survives_zoom_and_pan(empty_window: Any, qtbot: Any) -> None:
    from desktop.ui.timeline.view import TimelineView

    view = empty_window.findChild(TimelineView)
    assert view is not None
    image = view.grab().toImage()
    assert not image.isNull() and image.width() > 0
    centre = QPointF(view.width() / 2, view.height() / 2)
    span = view.scale.span
    view.zoom_in()
    assert view.scale.span < span
    view.fit_all()  # nothing to fit: the window stays where it was
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert not view.grab().toImage().isNull()
