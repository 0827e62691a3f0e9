"""Connect document import to the window: File > Import documents, drops, the review panel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from desktop.core.importing.outcome import ImportReport, ImportStatus
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.compare import ComparePanel
from desktop.ui.importing.controller import ImportController
from desktop.ui.importing.drops import accepts_drop, paths_from_drop
from desktop.ui.importing.model_refresh import CodingModelRefresher
from desktop.ui.importing.review_panel import ReviewPanel
from desktop.ui.main_window import MainWindow
from desktop.ui.shell.actions import available

PANEL = "import-review"


class DocumentDrops(QObject):
    """Files dropped on the window are imported through the window's current controller."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent) and accepts_drop(event.mimeData()):
            event.acceptProposedAction()
            return True
        if isinstance(event, QDropEvent) and accepts_drop(event.mimeData()):
            event.acceptProposedAction()
            self.window.import_controller.import_paths(paths_from_drop(event.mimeData()))
            return True
        return False


def _review_after(window: MainWindow, review: ReviewPanel, report: ImportReport) -> None:
    """Open the review panel on the last source that has suggestions to look at."""
    done = (ImportStatus.IMPORTED, ImportStatus.ATTACHED)
    candidates = [o for o in report.outcomes if o.status in done and o.suggestions]
    review.reload_sources()
    if candidates and candidates[-1].source_key:
        review.show_source(candidates[-1].source_key)
        window.panels.show(PANEL)


def install_importing(window: MainWindow, workbench: Workbench, signals: WorkbenchSignals) -> None:
    """Give the window an import controller and review panel for ``workbench``."""
    previous = getattr(window, "import_controller", None)
    if isinstance(previous, ImportController) and previous.refresher is not None:
        previous.refresher.stop()  # the window switched library: the old model is not wanted
    controller = ImportController(workbench, signals, window)
    window.import_controller = controller
    refresher = CodingModelRefresher(workbench.library, signals, parent=controller)
    controller.refresher = refresher
    controller.model_trained.connect(refresher.adopt)
    editing = getattr(window, "editing", None)  # accepting and rejecting are History steps
    history = getattr(editing, "history", None)
    review = ReviewPanel(workbench, signals, history=history, refresher=refresher)
    refresher.codings_changed()  # passages left open by an earlier session get a model
    if editing is not None:
        review.recorded.connect(editing.history_changed)
        editing.history_changed.connect(review.follow_history)  # an undo brings them back
    if PANEL in window.panels.docks:
        window.panels.replace(PANEL, review)
    else:
        window.add_panel(PANEL, "Import review", review)
    controller.finished.connect(lambda report: _review_after(window, review, report))
    if isinstance(window.compare_widget, ComparePanel):
        window.compare_widget.import_requested.connect(lambda _key: controller.choose_and_import())
    action = window.menu_actions.import_documents
    if not action.property("import_installed"):
        action.setProperty("import_installed", True)
        action.triggered.connect(lambda: window.import_controller.choose_and_import())
        window.setAcceptDrops(True)
        window.installEventFilter(DocumentDrops(window))
        available(action)
