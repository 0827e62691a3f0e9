"""Write the timeline as PNG, SVG or PDF through the one paint routine (``paint_timeline``).

What is exported is what the timeline paints: lanes, ticks, labels, clusters, coverage dots and
eras, plus the title, legend and footer options. SVG and PDF keep text as text and shapes as
vectors. The image is made in memory, checked, then written through Python (a temporary file
in the same folder, flushed, then ``os.replace``): the file appears complete or not at all and
the old file stays when writing fails. A failed write raises ``OSError`` (a full disk too: Qt's
own file writers do not report it) and a cancelled one ``ExportCancelledError``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.scene import TimelineScene
from desktop.io.formats.atomic import write_bytes_atomic
from desktop.ui.export.image_options import (
    LOGICAL_DPI,
    ImageGeometry,
    ImageRequest,
    geometry_for,
)
from desktop.ui.export.image_scene import time_scale_for
from desktop.ui.export.image_themes import export_theme
from desktop.ui.export.report_pdf import page_size_id
from desktop.ui.timeline.paint import PaintOptions, paint_timeline

Step = Callable[[str], None]
Paint = Callable[[QPainter, float], None]


class ExportCancelledError(Exception):
    """The user cancelled the export; no file was written."""


def _never() -> bool:
    return False


def render_timeline_image(
    scene: TimelineScene,
    request: ImageRequest,
    step: Step | None = None,
    cancelled: Callable[[], bool] = _never,
) -> TimeScale:
    """Paint ``scene`` as ``request`` asks and write the file; returns the scale used.

    ``step(message)`` is called before each phase and ``cancelled()`` checked between them.
    Raises ValueError for impossible requests (unknown format, too large, empty range).
    """
    fmt = request.format
    geometry = geometry_for(request, len(scene.data.lanes))
    scale = time_scale_for(scene, request.t0, request.t1, geometry.width)
    theme = export_theme(request.theme)
    options = PaintOptions(title=request.title, legend=request.legend, footer=request.footer)
    rect = QRectF(0.0, 0.0, geometry.width, geometry.height)

    def paint(painter: QPainter, factor: float) -> None:
        painter.scale(factor, factor)
        paint_timeline(painter, scene, scale, rect, theme, options)

    _report(step, "Drawing the timeline…")
    if cancelled():
        raise ExportCancelledError
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    _WRITERS[fmt](buffer, paint, geometry, request)
    buffer.close()
    data = bytes(buffer.data().data())
    if not data:
        raise OSError(f"could not make the {fmt.upper()} image for {request.path}")
    _report(step, "Writing the file…")
    if cancelled():
        raise ExportCancelledError
    write_bytes_atomic(request.path, data)
    return scale


def _report(step: Step | None, message: str) -> None:
    if step is not None:
        step(message)


def _write_png(out: QBuffer, paint: Paint, geometry: ImageGeometry, request: ImageRequest) -> None:
    width, height = geometry.device_size
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise MemoryError(f"cannot make a {width} x {height} pixel image")
    image.fill(QColor("white"))
    _set_dpi(image, LOGICAL_DPI)  # fonts resolve at 96 dpi; the painter scales to the dpi
    painter = QPainter(image)
    try:
        paint(painter, geometry.scale)
    finally:
        painter.end()
    _set_dpi(image, request.dpi)  # what the file says about its resolution
    if not image.save(out, "PNG"):  # type: ignore[call-overload]  # stub wants bytes
        raise OSError(f"could not write the PNG image {request.path}")


def _set_dpi(image: QImage, dpi: float) -> None:
    dots_per_meter = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)


def _write_svg(out: QBuffer, paint: Paint, geometry: ImageGeometry, request: ImageRequest) -> None:
    generator = QSvgGenerator()
    generator.setOutputDevice(out)
    width, height = round(geometry.width), round(geometry.height)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0.0, 0.0, geometry.width, geometry.height))
    generator.setResolution(96)
    generator.setTitle(request.title or "Timeline")
    generator.setDescription("Exported from Parallax")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write the SVG image {request.path}")
    try:
        paint(painter, 1.0)
    finally:
        painter.end()


def _pdf_layout(geometry: ImageGeometry, request: ImageRequest) -> QPageLayout:
    no_margins = QMarginsF(0.0, 0.0, 0.0, 0.0)
    if request.page is not None:
        size = QPageSize(page_size_id(request.page))
        orientation = QPageLayout.Orientation.Landscape
    else:
        points = QSizeF(geometry.width * 72.0 / 96.0, geometry.height * 72.0 / 96.0)
        size = QPageSize(
            points, QPageSize.Unit.Point, "Timeline", QPageSize.SizeMatchPolicy.ExactMatch
        )
        orientation = QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, no_margins, QPageLayout.Unit.Point)


def _write_pdf(out: QBuffer, paint: Paint, geometry: ImageGeometry, request: ImageRequest) -> None:
    writer = QPdfWriter(out)
    writer.setResolution(round(LOGICAL_DPI))  # vectors: 96 units per inch, like the other devices
    writer.setTitle(request.title or "Timeline")
    writer.setCreator("Parallax")
    writer.setPageLayout(_pdf_layout(geometry, request))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write the PDF {request.path}")
    try:
        paint(painter, writer.width() / geometry.width)
    finally:
        painter.end()


_WRITERS = {"png": _write_png, "svg": _write_svg, "pdf": _write_pdf}
