"""File > Export image…: choose range, size, theme and extras, see the output, then save.

The dialog starts from Preferences (export width and theme) the first time and from the last
export's choices after that (``image_memory``); the save dialog opens in the last folder. A
preview paints the real output (same size, range and zoom) at a reduced scale and says its
size in mm and pixels. ``export_timeline_image`` runs the export on a worker thread through
``run_with_progress``, so a 16k-pixel PNG or an A0 page can be cancelled; the citations and
caption, when asked for, are written next to the image.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, SignalInstance
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.library import Library
from desktop.core.catalog import Catalog
from desktop.core.timeline.scale import TimeScale
from desktop.rendering.figure_extras import write_extras
from desktop.rendering.image_options import PAGES_MM, PALETTES, PRESETS, THEMES, ImageRequest
from desktop.rendering.image_scene import day_range, prepare_scene
from desktop.rendering.timeline_image import render_timeline_image
from desktop.ui.export.image_memory import (
    ImageChoices,
    defaults_from_preferences,
    load_choices,
    save_choices,
    start_path,
)
from desktop.ui.export.image_preview import describe, preview_image
from desktop.ui.shell.tasks import IsCancelled, Job, Report, TaskHandle, run_with_progress

RANGES = ("Current view", "Whole library", "Dates")
SIZE_BY_WIDTH = "Width"
PREVIEW_BOX = (560, 300)
Catalogue = Callable[[], Catalog | None]


class ImageExportDialog(QDialog):
    """Options of one image export; ``request(path)`` turns them into an ``ImageRequest``.

    ``catalog`` (optional) gives the library for the preview; without it there is none."""

    def __init__(
        self,
        parent: QWidget | None,
        view: TimeScale | None,
        title: str = "",
        choices: ImageChoices | None = None,
        catalog: Catalogue | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export image")
        self.view = view
        self.catalog = catalog
        start = choices or ImageChoices()
        outer = QHBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self._build_fields(form, start, title)
        self.preview = QLabel("Preview")
        self.preview.setMinimumSize(*PREVIEW_BOX)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.size_note = QLabel("")
        side = QVBoxLayout()
        side.addWidget(self.preview, 1)
        side.addWidget(self.size_note)
        outer.addLayout(side, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh_preview)
        for signal in self._changes():
            signal.connect(self._timer.start)
        self._timer.start()

    def _build_fields(self, form: QFormLayout, start: ImageChoices, title: str) -> None:
        self.range_box = QComboBox()
        self.range_box.addItems(RANGES if self.view is not None else RANGES[1:])
        self.range_box.setCurrentText(start.range)
        self.date_from, self.date_to = QLineEdit(start.date_from), QLineEdit(start.date_to)
        self.date_from.setPlaceholderText("e.g. 1991 or Aug 2008")
        self.date_to.setPlaceholderText("e.g. 2024")
        self.context_box = QCheckBox("Include context events in the range")
        self.context_box.setChecked(start.include_context)
        self.size_box = QComboBox()
        self.size_box.addItems([SIZE_BY_WIDTH, *PRESETS, *PAGES_MM])
        self.size_box.setCurrentText(start.size)
        self.width_edit = QLineEdit(start.width)
        self.width_edit.setPlaceholderText("1600px, 174mm or 6.85in")
        self.dpi_box = QSpinBox()
        self.dpi_box.setRange(48, 1200)
        self.dpi_box.setValue(start.dpi)
        self.title_edit = QLineEdit(title or start.title)
        self.theme_box, self.palette_box = QComboBox(), QComboBox()
        self.theme_box.addItems(THEMES)
        self.theme_box.setCurrentText(start.theme)
        self.palette_box.addItems(PALETTES)
        self.palette_box.setCurrentText(start.palette)
        self.importance_box = QComboBox()
        self.importance_box.addItems(["1 (key events)", "1-2", "all"])
        self.importance_box.setCurrentIndex(start.importance - 1)
        self.legend_box, self.footer_box = QCheckBox("Legend"), QCheckBox("Footer")
        self.legend_box.setChecked(start.legend)
        self.footer_box.setChecked(start.footer)
        self.bib_box = QCheckBox("Citations of the sources drawn (.bib)")
        self.caption_box = QCheckBox("Caption draft (.txt)")
        self.bib_box.setChecked(start.bib)
        self.caption_box.setChecked(start.caption)
        for label, widget in (
            ("Range", self.range_box),
            ("From", self.date_from),
            ("To", self.date_to),
            ("", self.context_box),
            ("Size", self.size_box),
            ("Width", self.width_edit),
            ("Resolution (dpi)", self.dpi_box),
            ("Title", self.title_edit),
            ("Theme", self.theme_box),
            ("Lane colours", self.palette_box),
            ("Importance", self.importance_box),
            ("", self.legend_box),
            ("", self.footer_box),
            ("Also write", self.bib_box),
            ("", self.caption_box),
        ):
            form.addRow(label, widget)

    def _changes(self) -> list[SignalInstance]:
        return [
            self.range_box.currentTextChanged,
            self.date_from.editingFinished,
            self.date_to.editingFinished,
            self.context_box.toggled,
            self.size_box.currentTextChanged,
            self.width_edit.editingFinished,
            self.dpi_box.valueChanged,
            self.title_edit.editingFinished,
            self.theme_box.currentTextChanged,
            self.palette_box.currentTextChanged,
            self.importance_box.currentIndexChanged,
            self.legend_box.toggled,
            self.footer_box.toggled,
        ]

    def choices(self) -> ImageChoices:
        """The fields as they are now (to remember them)."""
        return ImageChoices(
            range=self.range_box.currentText(),
            date_from=self.date_from.text().strip(),
            date_to=self.date_to.text().strip(),
            size=self.size_box.currentText(),
            width=self.width_edit.text().strip(),
            dpi=self.dpi_box.value(),
            theme=self.theme_box.currentText(),
            title=self.title_edit.text().strip(),
            legend=self.legend_box.isChecked(),
            footer=self.footer_box.isChecked(),
            include_context=self.context_box.isChecked(),
            importance=self.importance_box.currentIndex() + 1,
            palette=self.palette_box.currentText(),
            bib=self.bib_box.isChecked(),
            caption=self.caption_box.isChecked(),
        )

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
            width=self.width_edit.text().strip() or "1600px",
            page=size if size in PAGES_MM else None,
            preset=size if size in PRESETS else None,
            dpi=self.dpi_box.value(),
            title=self.title_edit.text().strip(),
            theme=self.theme_box.currentText(),
            legend=self.legend_box.isChecked(),
            footer=self.footer_box.isChecked(),
            include_context=self.context_box.isChecked(),
            importance=self.importance_box.currentIndex() + 1,
            palette=self.palette_box.currentText(),
        )

    def refresh_preview(self) -> None:
        """Paint the output as it would be written (a message instead when it cannot be)."""
        self.width_edit.setEnabled(self.size_box.currentText() == SIZE_BY_WIDTH)
        catalog = self.catalog() if self.catalog is not None else None
        if catalog is None:
            self.preview.setText("No preview")
            return
        try:
            request = self.request(Path("preview.png"))
            image, plan = preview_image(prepare_scene(catalog, request), request, PREVIEW_BOX)
        except ValueError as error:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(str(error))
            self.size_note.setText("")
            return
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.size_note.setText(describe(plan, request))


def image_job(
    library: Library, request: ImageRequest, extras: tuple[str | None, str | None] = (None, None)
) -> Job:
    """The worker-thread job of ``run_with_progress`` for ``request`` (and the citation and
    caption files ``extras`` names)."""

    def job(report: Report, cancelled: IsCancelled) -> Path:
        report(0, 3, "Reading the library…")
        written: list[str | Path] = [request.path, *(extra for extra in extras if extra)]
        for path in written:
            library.refuse_output(path)
        catalog = Catalog.load(library)
        prepared = prepare_scene(catalog, request)
        report(1, 3, "Drawing the timeline…")
        scale = render_timeline_image(
            prepared, request, lambda message: report(2, 3, message), cancelled
        )
        write_extras(catalog, prepared.scene, scale, *extras)
        return request.path

    return job


def _extras(choices: ImageChoices, path: Path) -> tuple[str | None, str | None]:
    bib = str(path.with_suffix(".bib")) if choices.bib else None
    caption = str(path.with_name(path.stem + "-caption.txt")) if choices.caption else None
    return bib, caption


def export_timeline_image(
    parent: QWidget,
    library: Library,
    view: TimeScale | None,
    title: str = "",
    store: QSettings | None = None,
    preferences: tuple[int, str] = (1600, "light"),
    catalog: Catalogue | None = None,
) -> TaskHandle | None:
    """Ask for options and a file, then export with progress; None when the user cancels.
    ``store`` remembers the choices and folder; ``preferences``: (export width, theme)."""
    remembered = load_choices(store, defaults_from_preferences(*preferences))
    dialog = ImageExportDialog(parent, view, title, remembered, catalog)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choices = replace(dialog.choices(), folder=remembered.folder, file_name=remembered.file_name)
    name, _ = QFileDialog.getSaveFileName(
        parent,
        "Export image",
        start_path(choices),
        "PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)",
    )
    if not name:
        save_choices(store, choices)
        return None
    path = Path(name)
    save_choices(store, replace(choices, folder=str(path.parent), file_name=path.name))
    try:
        request = dialog.request(path)
        _ = request.format
    except ValueError as error:
        QMessageBox.warning(parent, "Export image", str(error))
        return None
    job = image_job(library, request, _extras(choices, path))
    handle = run_with_progress(parent, "Exporting image", job)
    handle.failed.connect(lambda error, _details: _show_failure(parent, error))
    return handle


def _show_failure(parent: QWidget, error: object) -> None:
    from desktop.core.exchange.failures import failure_message

    message = failure_message(error) if isinstance(error, Exception) else str(error)
    QMessageBox.warning(parent, "Export image", message)
