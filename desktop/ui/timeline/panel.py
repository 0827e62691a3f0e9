"""The timeline with its overview strip below: what the main window puts in its top slot."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.timeline.overview import OverviewStrip
from desktop.ui.timeline.view import TimelineView


class TimelinePanel(QWidget):
    """``TimelineView`` plus ``OverviewStrip``; forwards the view's public actions."""

    def __init__(
        self, workbench: Workbench, signals: WorkbenchSignals, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.view = TimelineView(workbench, signals, self)
        self.overview = OverviewStrip(self.view, self)
        # the view takes the new events first (connected before): the strip then redraws them
        signals.filters_changed.connect(self.overview.update)
        signals.catalog_changed.connect(self.overview.update)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.overview)

    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def fit_all(self) -> None:
        self.view.fit_all()

    def go_home(self) -> None:
        self.view.go_home()

    def show_range(self, t0: float, t1: float) -> None:
        self.view.show_range(t0, t1)

    def state(self) -> dict[str, Any]:
        return self.view.state()

    def restore(self, state: dict[str, Any]) -> None:
        self.view.restore(state)
