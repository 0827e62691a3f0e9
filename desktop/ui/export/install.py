"""Connect the window's File > Export/Import data actions to the export dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.core.exchange.report import load_comparison
from desktop.core.timeline.scale import TimeScale
from desktop.ui.exchange.data_actions import export_data, import_data, save_comparison_report
from desktop.ui.export.image_dialog import export_timeline_image
from desktop.ui.main_window import MainWindow
from desktop.ui.shell.actions import available
from desktop.ui.timeline.panel import TimelinePanel


def _current_view(window: MainWindow) -> TimeScale | None:
    widget = window.timeline_widget
    return widget.view.scale if isinstance(widget, TimelinePanel) else None


def _export_report(window: MainWindow) -> None:
    key = window.workbench.selected_event
    if key is None:
        QMessageBox.information(
            window,
            "Export comparison report",
            "Select an event first: the report shows its comparison.",
        )
        return
    library = window.workbench.library
    save_comparison_report(window, library, load_comparison(library, key))


def _export_image(window: MainWindow) -> None:
    preferences = window.preferences
    export_timeline_image(
        window,
        window.workbench.library,
        _current_view(window),
        store=window.settings.store,
        preferences=(preferences.export_width, preferences.export_theme),
        catalog=lambda: window.workbench.catalog,
    )


def install_export(window: MainWindow) -> None:
    """Enable and connect the export and data-import actions (once per window)."""
    actions = window.menu_actions
    if actions.export_image.property("export_installed"):
        return
    actions.export_image.setProperty("export_installed", True)
    actions.export_image.triggered.connect(lambda: _export_image(window))
    actions.export_data.triggered.connect(lambda: export_data(window, window.workbench.library))
    actions.export_report.triggered.connect(lambda: _export_report(window))
    actions.import_data.triggered.connect(
        lambda: import_data(
            window, window.workbench.library, lambda _outcome: window.workbench.reload()
        )
    )
    for action in (
        actions.export_image,
        actions.export_data,
        actions.export_report,
        actions.import_data,
    ):
        available(action)
