"""Fixtures: a filled temporary library, its workbench and signals, and the compare panel."""

from __future__ import annotations

import pytest

from db.library import Library
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.compare import ComparePanel
from tests.ui.compare.library_kit import fill_library
from tests.ui.compare.support import Bench


@pytest.fixture
def bench(sqlite_library: Library, qtbot) -> Bench:  # type: ignore[no-untyped-def]
    fill_library(sqlite_library)
    workbench = Workbench(sqlite_library)
    return Bench(workbench, WorkbenchSignals(workbench))


@pytest.fixture
def panel(bench: Bench, qtbot) -> ComparePanel:  # type: ignore[no-untyped-def]
    widget = ComparePanel(bench.workbench, bench.signals)
    qtbot.addWidget(widget)
    widget.resize(1600, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
