"""Helpers the compare UI tests share: the workbench bundle and selecting an event."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals


@dataclass
class Bench:
    workbench: Workbench
    signals: WorkbenchSignals


def select(bench: Bench, qtbot, key: str) -> None:  # type: ignore[no-untyped-def]
    """Select an event the way the timeline does and wait for the coalesced signal."""
    with qtbot.waitSignal(bench.signals.selection_changed, timeout=2000):
        bench.workbench.select([key])
