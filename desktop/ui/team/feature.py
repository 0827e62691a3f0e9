"""The team part of a library session: live updates (with the connection banner), the coder
switch, the agreement panel and File > Connect to a shared library.

Built by the composition root for one library; the window places the banner above the
panes and the coder switch on the toolbar, and ``close`` stops the live updates, so a library
switch never leaves an old poller running.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.shell.docks import Panel
from desktop.ui.team.agreement_panel import AgreementPanel
from desktop.ui.team.banner import ConnectionBanner
from desktop.ui.team.coder_switch import CoderSwitch
from desktop.ui.team.connection_dialog import ConnectionDialog
from desktop.ui.team.live import LiveUpdates

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class TeamFeature:
    """Team features for one library; ``refresh_codings`` redraws the views that show codings
    after the coder switch changed whose codings count."""

    def __init__(
        self,
        window: MainWindow,
        workbench: Workbench,
        signals: WorkbenchSignals,
        refresh_codings: Callable[[], None],
    ) -> None:
        self.window = window
        self.banner = ConnectionBanner()
        self.hub = LiveUpdates(workbench, self.banner, window)
        self.coder_switch = CoderSwitch(workbench, refresh_codings)
        self.agreement = AgreementPanel(workbench)
        signals.catalog_changed.connect(self.agreement.on_catalog)

    def panels(self) -> list[Panel]:
        return [Panel("agreement", "Coder agreement", self.agreement, hidden=True)]

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {"connect_shared": self.ask_and_connect}

    def ask_and_connect(self) -> None:
        dialog = ConnectionDialog(self.window.settings.store, self.window)
        if dialog.exec() == ConnectionDialog.DialogCode.Accepted:
            self.window.switch_library(dialog.chosen_url())

    def close(self) -> None:
        self.hub.stop()
        self.hub.deleteLater()
