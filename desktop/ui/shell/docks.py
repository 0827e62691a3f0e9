"""Dockable side panels, each with a toggle in View > Panels.

``PanelDocks.add`` wraps a widget in a ``QDockWidget`` named ``dock_<name>`` (the stable name
``QMainWindow.saveState`` needs), so panels can be moved, floated, closed and restored and the
layout survives a restart. A panel added after the saved layout was restored (a feature that
arrives late) still returns to its saved place and visibility. ``replace`` swaps a panel's
content (after a library switch) while keeping the dock, its place and its visibility.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from desktop.ui.shell.layout import restrain

Area = Qt.DockWidgetArea


class PanelDocks:
    def __init__(self, window: QMainWindow, on_change: Callable[[], None]) -> None:
        self._window = window
        self._on_change = on_change
        self.docks: dict[str, QDockWidget] = {}

    def add(
        self, name: str, title: str, widget: QWidget, area: Area = Area.RightDockWidgetArea
    ) -> QDockWidget:
        """Add a panel; ValueError if ``name`` is taken (names identify saved layouts)."""
        if name in self.docks:
            raise ValueError(f"a panel named {name!r} already exists")
        dock = QDockWidget(title, self._window)
        dock.setObjectName(f"dock_{name}")
        dock.setAccessibleName(f"{title} panel")
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        restrain(widget)
        dock.setWidget(widget)
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"action_panel_{name}")
        toggle.setStatusTip(f"Show or hide the {title} panel")
        if not self._window.restoreDockWidget(dock):  # a place saved in an earlier session
            self._window.addDockWidget(area, dock)
        self.docks[name] = dock
        self._on_change()
        return dock

    def replace(self, name: str, widget: QWidget) -> None:
        dock = self.docks[name]
        old = dock.widget()
        restrain(widget)
        dock.setWidget(widget)
        if old is not None:
            old.deleteLater()

    def toggles(self) -> list[QAction]:
        return [dock.toggleViewAction() for dock in self.docks.values()]

    def show(self, name: str) -> QDockWidget:
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        return dock
