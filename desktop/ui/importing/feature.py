"""The importing part of a library session: File > Import documents, files dropped on the
window, the Import review panel and the coding model that learns from codings.

Built by the composition root for one library; ``close`` stops the model's retraining, so a
library switch never trains or writes a model for the library left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.importing.outcome import ImportReport, ImportStatus
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.compare import ComparePanel
from desktop.ui.editing.controller import EditingController
from desktop.ui.importing.controller import ImportController
from desktop.ui.importing.model_refresh import CodingModelRefresher
from desktop.ui.importing.review_panel import ReviewPanel
from desktop.ui.shell.docks import Panel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

PANEL = "import-review"


class ImportingFeature:
    """Document import for one library; accepting and rejecting suggestions are steps of
    ``editing``'s history."""

    def __init__(
        self,
        window: MainWindow,
        workbench: Workbench,
        signals: WorkbenchSignals,
        compare: ComparePanel,
        editing: EditingController,
    ) -> None:
        self.window = window
        self.controller = ImportController(workbench, signals, window, editing=editing)
        self.refresher = CodingModelRefresher(workbench.library, signals, parent=self.controller)
        self.controller.refresher = self.refresher
        self.controller.model_trained.connect(self.refresher.adopt)
        self.review = ReviewPanel(
            workbench, signals, history=editing.history, refresher=self.refresher
        )
        self.refresher.codings_changed()  # passages left open by an earlier session get a model
        self.review.recorded.connect(editing.history_changed)
        editing.changed.connect(self.review.on_changes)  # an undo brings them back
        self.controller.finished.connect(self._review_after)
        compare.import_requested.connect(lambda _key: self.controller.choose_and_import())

    def panels(self) -> list[Panel]:
        return [Panel(PANEL, "Import review", self.review)]

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "import_documents": self.controller.choose_and_import,
            "import_folder": self.controller.choose_folder_and_import,
        }

    def import_paths(self, paths: list[Path]) -> None:
        """Files dropped on the window."""
        self.controller.import_paths(paths)

    def _review_after(self, report: ImportReport) -> None:
        """Open the review panel on the last source that has suggestions to look at."""
        done = (ImportStatus.IMPORTED, ImportStatus.ATTACHED)
        candidates = [o for o in report.outcomes if o.status in done and o.suggestions]
        self.review.reload_sources()
        if candidates and candidates[-1].source_key:
            self.review.show_source(candidates[-1].source_key)
            self.window.panels.show(PANEL)

    def close(self) -> None:
        self.refresher.stop()  # the window switched library: the old model is not wanted
