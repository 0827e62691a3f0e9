"""One open library as the window shows it: a ``LibrarySession``.

It holds the library's workbench and signals, the timeline and comparison widgets, and the
features built on them (team, editing, importing, exchange), each of which brings panels
and handlers for the window's actions. The composition root (``desktop.app.open_session``)
builds one for each library; ``MainWindow.show_session`` swaps it in and closes the previous
one, which stops its timers and threads. The window builds its actions once and dispatches
each to the current session's handler, so nothing is wired twice and nothing of an old
library stays connected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.compare import ComparePanel
from desktop.ui.editing.feature import EditingFeature
from desktop.ui.exchange.feature import ExchangeFeature
from desktop.ui.importing.feature import ImportingFeature
from desktop.ui.shell.docks import Panel
from desktop.ui.team.feature import TeamFeature
from desktop.ui.timeline.panel import TimelinePanel


@dataclass(eq=False)
class LibrarySession:
    """Everything the window shows of one library; ``close`` takes it down (once)."""

    workbench: Workbench
    signals: WorkbenchSignals
    timeline: TimelinePanel
    compare: ComparePanel
    team: TeamFeature
    editing: EditingFeature
    importing: ImportingFeature
    exchange: ExchangeFeature
    closed: bool = False

    def panels(self) -> list[Panel]:
        """The session's dock panels, in the order they are first added."""
        return self.team.panels() + self.editing.panels() + self.importing.panels()

    def handlers(self) -> dict[str, Callable[[], object]]:
        """What each of the window's library actions does here, by action name."""
        return {
            **self.team.handlers(),
            **self.editing.handlers(),
            **self.importing.handlers(),
            **self.exchange.handlers(),
        }

    def banner(self) -> QWidget:
        """The strip shown above the panes (hidden while all is well)."""
        return self.team.banner

    def toolbar_widgets(self) -> list[QWidget]:
        return [self.team.coder_switch]

    def shown(self) -> None:
        """Called by the window once it shows this session."""
        self.editing.shown()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        for feature in (self.exchange, self.importing, self.editing, self.team):
            feature.close()
        self.team.coder_switch.deleteLater()
        self.team.banner.deleteLater()
