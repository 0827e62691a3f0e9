"""File > Export image…: choose range, size, theme and extras; the export runs with progress.

The dialog only collects an ``ImageRequest`` (prefilled with the timeline's current view);
``export_timeline_image`` runs the export on a worker thread through ``run_with_progress`` so a
16k-pixel PNG or an A0 page can be cancelled, and reports a failed write in a message box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from db.library import Library
from desktop.core.timeline.scale import TimeScale
from desktop.ui.export.image_options import MAX_RASTER_PX, PAGES_MM, THEMES, ImageRequest
from desktop.ui.export.image_scene import day_range, library_scene
from desktop.ui.export.timeline_image import render_timeline_image
from desktop.ui.shell.tasks import IsCancelled, Report, TaskHandle, run_with_progress

RANGES = ("Current view", "Whole library", "Dates")
SIZE_BY_WIDTH = "Width in pixels"


class ImageExportDialog(QDialog):
    """Options of one image export; ``request(path)`` turns them into an ``ImageRequest``."""

    def __init__(self, parent: QWidget | None, view: TimeScale | None, title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Export image")
        self.view = view
        form = QFormLayout(self)
        self.range_box = QComboBox()
        self.range_box.addItems(RANGES if view is not None else RANGES[1:])
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        self.date_from.setPlaceholderText("e.g. 1991 or Aug 2008")
        self.date_to.setPlaceholderText("e.g. 2024")
        self.size_box = QComboBox()
        self.size_box.addItems([SIZE_BY_WIDTH, *PAGES_MM])
        self.width_box = QSpinBox()
        self.width_box.setRange(200, MAX_RASTER_PX)
        self.width_box.setValue(round(view.width_px) if view is not None else 2400)
        self.dpi_box = QSpinBox()
        self.dpi_box.setRange(48, 600)
        self.dpi_box.setValue(96)
        self.title_edit = QLineEdit(title)
        self.theme_box = QComboBox()
        self.theme_box.addItems(THEMES)
        self.legend_box, self.footer_box = QCheckBox("Legend"), QCheckBox("Footer")
        self.legend_box.setChecked(True)
        self.footer_box.setChecked(True)
        for label, widget in (
            ("Range", self.range_box),
            ("From", self.date_from),
            ("To", self.date_to),
            ("Size", self.size_box),
            ("Width", self.width_box),
            ("Resolution (dpi)", self.dpi_box),
            ("Title", self.title_edit),
            ("Theme", self.theme_box),
            ("", self.legend_box),
            ("", self.footer_box),
        ):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def request(self, path: Path) -> ImageRequest:
        """The export these options describe; ValueError for unreadable dates."""
        t0: float | None = None
        t1: float | None = None
        choice = self.range_box.currentText()
        if choice == "Current view" and self.view is not None:
            t0, t1 = self.view.t0, self.view.t1
        elif choice == "Dates":
            t0, t1 = day_range(self.date_from.text().strip(), self.date_to.text().strip())
        size = self.size_box.currentText()
        return ImageRequest(
            path=path,
            t0=t0,
            t1=t1,
            width=self.width_box.value(),
            page=None if size == SIZE_BY_WIDTH else size,
            dpi=self.dpi_box.value(),
            title=self.title_edit.text().strip(),
            theme=self.theme_box.currentText(),
            legend=self.legend_box.isChecked(),
            footer=self.footer_box.isChecked(),
        )


def image_job(library: Library, request: ImageRequest) -> object:
    """The worker-thread job of ``run_with_progress`` for ``request``."""

    def job(report: Report, cancelled: IsCancelled) -> Path:
        report(0, 3, "Reading the library…")
        library.refuse_output(request.path)
        scene = library_scene(library, request.lanes, request.sources)
        report(1, 3, "Drawing the timeline…")
        render_timeline_image(scene, request, lambda message: report(2, 3, message), cancelled)
        return request.path

    return job


def export_timeline_image(
    parent: QWidget, library: Library, view: TimeScale | None, title: str = ""
) -> TaskHandle | None:
    """Ask for options and a file, then export with progress; None when the user cancels."""
    dialog = ImageExportDialog(parent, view, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export image", "timeline.png", "PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)"
    )
    if not name:
        return None
    try:
        request = dialog.request(Path(name))
        _ = request.format
    except ValueError as error:
        QMessageBox.warning(parent, "Export image", str(error))
        return None
    handle = run_with_progress(parent, "Exporting image", image_job(library, request))  # type: ignore[arg-type]
    handle.failed.connect(lambda error, _details: _show_failure(parent, error))
    return handle


def _show_failure(parent: QWidget, error: object) -> None:
    from desktop.core.exchange.failures import failure_message

    message = failure_message(error) if isinstance(error, Exception) else str(error)
    QMessageBox.warning(parent, "Export image", message)
