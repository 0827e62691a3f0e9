"""The data and figure exchange part of a library session: File > Import data, Export data,
Export image and Export comparison report, on the library the window shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from desktop.core.exchange.report import load_comparison
from desktop.core.workbench import Workbench
from desktop.ui.exchange.data_actions import export_data, import_data, save_comparison_report
from desktop.ui.export.image_dialog import export_timeline_image
from desktop.ui.timeline.panel import TimelinePanel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class ExchangeFeature:
    """Import and export for ``workbench``; dialogs open over ``window``."""

    def __init__(self, window: MainWindow, workbench: Workbench, timeline: TimelinePanel) -> None:
        self.window = window
        self.workbench = workbench
        self.timeline = timeline

    def handlers(self) -> dict[str, Callable[[], object]]:
        library = self.workbench.library
        return {
            "export_image": self.export_image,
            "export_data": lambda: export_data(self.window, library),
            "export_report": self.export_report,
            "import_data": lambda: import_data(
                self.window, library, lambda _outcome: self.workbench.reload()
            ),
        }

    def export_image(self) -> None:
        preferences = self.window.preferences
        export_timeline_image(
            self.window,
            self.workbench.library,
            self.timeline.view.scale,
            store=self.window.settings.store,
            preferences=(preferences.export_width, preferences.export_theme),
            catalog=lambda: self.workbench.catalog,
        )

    def export_report(self) -> None:
        key = self.workbench.selected_event
        if key is None:
            QMessageBox.information(
                self.window,
                "Export comparison report",
                "Select an event first: the report shows its comparison.",
            )
            return
        library = self.workbench.library
        save_comparison_report(self.window, library, load_comparison(library, key))

    def close(self) -> None:
        """Nothing runs on its own; the dialogs it opened belong to the window."""
