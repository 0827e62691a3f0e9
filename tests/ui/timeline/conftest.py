"""A timeline view on the bundled dataset, offscreen at a fixed size."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.core.sample import load_sample
from desktop.core.workbench import Workbench


@pytest.fixture
def workbench(sqlite_library: Any) -> Workbench:
    load_sample(sqlite_library)
    return Workbench(sqlite_library)


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
