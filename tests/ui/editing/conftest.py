"""A main window filled by the composition root over the bundled dataset, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from db.library import Library
from desktop.core.sample import load_sample


@pytest.fixture
def window(qtbot: Any, sqlite_library: Library, tmp_path: Path) -> Iterator[Any]:
    from desktop.app import fill_window
    from desktop.core.workbench import Workbench
    from desktop.ui.bridge import WorkbenchSignals
    from desktop.ui.main_window import MainWindow

    load_sample(sqlite_library)
    bench = Workbench(sqlite_library, author="tester")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(bench, WorkbenchSignals(bench), settings)
    win.workbench.author = "tester"
    qtbot.addWidget(win)
    fill_window(win, win.workbench, win.signals)
    win.workbench_changed.connect(lambda b, s: fill_window(win, b, s))
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    win.session.editing.controller.warn = lambda title, message: pytest.fail(f"{title}: {message}")
    win.session.editing.controller.confirm = lambda title, message: True
    yield win


def installation(window: Any) -> Any:
    return window.session.editing


def event_row(library: Library, key: str) -> Any:
    """The event as stored, or None."""
    from db.errors import NotFoundError

    with library.unit_of_work() as uow:
        try:
            return uow.events.get(key)
        except NotFoundError:
            return None
