"""Dockable side panels, each with a toggle in View > Panels.

``PanelDocks.add`` wraps a widget in a ``QDockWidget`` named ``dock_<name>`` (the stable name
``QMainWindow.saveState`` needs), so panels can be moved, floated, closed and restored and the
layout survives a restart. A panel added after the saved layout was restored (a feature that
arrives late) still returns to its saved place and visibility. ``replace`` swaps a panel's
content (after a library switch) while keeping the dock, its place and its visibility.
``show_panels`` does either for each ``Panel`` a library session brings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from desktop.ui.shell.layout import restrain

Area = Qt.DockWidgetArea


@dataclass(frozen=True)
class Panel:
    """A panel a library session shows. Panels of one ``group`` share a tabbed dock (the first
    in front) when they first appear and no saved layout places them; a ``hidden`` one starts
    closed when it first appears in the window."""

    name: str
    title: str
    widget: QWidget
    area: Area = Area.RightDockWidgetArea
    group: str = ""
    hidden: bool = False


def _placed_in(state: QByteArray | None, dock: QDockWidget) -> bool:
    """True if a saved ``QMainWindow.saveState`` places this dock (names are UTF-16 there)."""
    return state is not None and dock.objectName().encode("utf-16-be") in bytes(state.data())


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

    def show_panels(self, panels: Sequence[Panel], saved_layout: QByteArray | None) -> None:
        """Put each panel in its dock: the same dock as before for a name already shown (after
        a library switch), else a new one, grouped and hidden as the panel asks."""
        groups: dict[str, list[QDockWidget]] = {}
        for panel in panels:
            if panel.name in self.docks:
                self.replace(panel.name, panel.widget)
                continue
            dock = self.add(panel.name, panel.title, panel.widget, panel.area)
            if panel.hidden:
                dock.hide()
            if panel.group:
                groups.setdefault(panel.group, []).append(dock)
        for first, *others in groups.values():
            if others and not _placed_in(saved_layout, first):
                for dock in others:
                    self._window.tabifyDockWidget(first, dock)
                first.raise_()

    def toggles(self) -> list[QAction]:
        return [dock.toggleViewAction() for dock in self.docks.values()]

    def show(self, name: str) -> QDockWidget:
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        return dock
