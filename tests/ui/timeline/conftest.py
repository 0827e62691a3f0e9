"""A timeline view on the bundled dataset, offscreen at a fixed size.

The bundled dataset is loaded into a SQLite library once per session; each test opens its own
copy of that file, so tests stay independent without paying for the import every time.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.sample import load_sample
from desktop.core.workbench import Workbench


@pytest.fixture(scope="session")
def sample_library_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite library file holding the bundled dataset (never opened by a test directly)."""
    from db.library import open_library

    path = tmp_path_factory.mktemp("sample") / "sample.sqlite"
    library = open_library(f"sqlite:///{path}")
    try:
        load_sample(library)
    finally:
        library.dispose()
    return path


@pytest.fixture
def workbench(sample_library_file: Path, tmp_path: Path) -> Iterator[Workbench]:
    from db.library import open_library

    copy = tmp_path / "library.sqlite"
    shutil.copyfile(sample_library_file, copy)
    library = open_library(f"sqlite:///{copy}")
    try:
        yield Workbench(library)
    finally:
        library.dispose()


@pytest.fixture
def panel(qtbot: Any, workbench: Workbench) -> Iterator[Any]:
    from desktop.ui.bridge import WorkbenchSignals
    from desktop.ui.timeline.panel import TimelinePanel

    signals = WorkbenchSignals(workbench)
    widget = TimelinePanel(workbench, signals)
    widget.signals = signals
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.view.go_home()
    yield widget
