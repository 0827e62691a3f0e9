"""Wire the team features into a window for one workbench (called by ``app.fill_window``).

Safe to call again after a library switch: the previous live updates stop, the banner, coder
switch, menu action and agreement panel are reused and pointed at the new workbench.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout

from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.team.agreement_panel import AgreementPanel
from desktop.ui.team.banner import ConnectionBanner
from desktop.ui.team.coder_switch import CoderSwitch
from desktop.ui.team.connection_dialog import ConnectionDialog
from desktop.ui.team.live import LiveUpdates


def team_hub(window: Any) -> LiveUpdates | None:
    """The window's live-updates hub (its ``send`` keeps edits while offline), if installed."""
    found = window.findChild(LiveUpdates, "TeamHub")
    return found if isinstance(found, LiveUpdates) else None


def install_team(window: Any, workbench: Workbench, signals: WorkbenchSignals) -> LiveUpdates:
    old = team_hub(window)
    if old is not None:
        old.stop()
        old.setParent(None)
        old.deleteLater()
    hub = LiveUpdates(workbench, _banner(window), window)
    _coder_switch(window, workbench)
    _connect_action(window)
    panel = AgreementPanel(workbench)
    signals.catalog_changed.connect(panel.refresh_coders)
    if "agreement" in window.panels.docks:
        window.panels.replace("agreement", panel)
    else:
        window.add_panel("agreement", "Coder agreement", panel)
        window.panels.docks["agreement"].hide()
    return hub


def _banner(window: Any) -> ConnectionBanner:
    banner = window.findChild(ConnectionBanner, "ConnectionBanner")
    if isinstance(banner, ConnectionBanner):
        banner.clear()
        return banner
    banner = ConnectionBanner(window.centralWidget())
    layout = window.centralWidget().layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, banner)
    return banner


def _coder_switch(window: Any, workbench: Workbench) -> None:
    old = window.findChild(CoderSwitch, "CoderSwitch")
    if isinstance(old, CoderSwitch):
        for action in window.toolbar.actions():
            if window.toolbar.widgetForAction(action) is old:
                window.toolbar.removeAction(action)
        old.deleteLater()

    def refresh_comparison() -> None:
        compare = window.compare_widget
        if compare is not None and hasattr(compare, "refresh"):
            compare.refresh()

    window.toolbar.addWidget(CoderSwitch(workbench, refresh_comparison))


def _connect_action(window: Any) -> None:
    if window.findChild(QAction, "ConnectSharedLibrary") is not None:
        return
    action = QAction("Connect to a shared library…", window)
    action.setObjectName("ConnectSharedLibrary")
    action.triggered.connect(lambda: _ask_and_connect(window))
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    if menus:  # File menu, just above Quit
        menus[0].insertAction(window.menu_actions.quit, action)
        menus[0].insertSeparator(window.menu_actions.quit)
    else:
        window.toolbar.addAction(action)


def _ask_and_connect(window: Any) -> None:
    dialog = ConnectionDialog(window.settings.store, window)
    if dialog.exec() == ConnectionDialog.DialogCode.Accepted:
        window.switch_library(dialog.chosen_url())
