"""Write the timeline as PNG, SVG or PDF through the one paint routine (``paint_timeline``).

What is exported is what the timeline paints: lanes, ticks, labels, clusters, coverage dots and
eras, plus the title, legend and footer options. SVG and PDF keep text as text and shapes as
vectors. The image is made in memory, checked, then written through Python (a temporary file
in the same folder, flushed, then ``os.replace``): the file appears complete or not at all and
the old file stays when writing fails. A failed write raises ``OSError`` (a full disk too: Qt's
own file writers do not report it) and a cancelled one ``ExportCancelledError``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.scene import TimelineScene
from desktop.io.formats.atomic import write_bytes_atomic
from desktop.rendering.image_options import (
    LOGICAL_DPI,
    ImageGeometry,
    ImageRequest,
    Sizing,
    geometry_for,
    sizing_for,
)
from desktop.rendering.image_scene import PreparedScene, time_scale_for
from desktop.rendering.image_themes import export_theme
from desktop.rendering.paint import PaintOptions, content_height, paint_timeline
from desktop.rendering.theme import TimelineTheme

PNG_QUALITY = 80  # Qt's PNG "quality": lighter zlib packing, about twice as fast as the default
Step = Callable[[str], None]
Paint = Callable[[QPainter, float], None]


class ExportCancelledError(Exception):
    """The user cancelled the export; no file was written."""


def _never() -> bool:
    return False


def render_timeline_image(
    scene: TimelineScene | PreparedScene,
    request: ImageRequest,
    step: Step | None = None,
    cancelled: Callable[[], bool] = _never,
) -> TimeScale:
    """Paint ``scene`` as ``request`` asks and write the file; returns the scale used.

    ``step(message)`` is called before each phase and ``cancelled()`` checked between them.
    Raises ValueError for impossible requests (unknown format, too large, empty range).
    """
    fmt = request.format
    prepared = scene if isinstance(scene, PreparedScene) else PreparedScene(scene, None)
    plan = plan_image(prepared, request)
    geometry, scale, theme, options = plan.geometry, plan.scale, plan.theme, plan.options
    rect = QRectF(0.0, 0.0, geometry.width, geometry.height)

    def paint(painter: QPainter, factor: float) -> None:
        painter.scale(factor, factor)
        paint_timeline(painter, prepared.scene, scale, rect, theme, options)

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


@dataclass(frozen=True)
class ImagePlan:
    """Everything one export paints with: size, scale, theme and options."""

    geometry: ImageGeometry
    scale: TimeScale
    theme: TimelineTheme
    options: PaintOptions


ZOOM_STEPS = 6
ZOOM_RANGE = (0.4, 2.0)  # a fixed page may scale its preset's zoom by this much to fill it


def plan_image(prepared: PreparedScene, request: ImageRequest) -> ImagePlan:
    """The size, scale, theme and options of ``request``: the width it asks for, the height of
    the content (or the page's: then the zoom is the largest, within ``ZOOM_RANGE`` of the
    preset's, whose content fits it). ValueError for impossible requests."""
    _ = request.format
    sizing = sizing_for(request)
    theme = export_theme(request.theme)
    options = PaintOptions(
        title=request.title,
        legend=request.legend,
        footer=request.footer,
        fit_content=True,
        footer_extra=_filtered(request),
        whole_titles=True,
    )

    def measure(zoom: float) -> tuple[TimeScale, float]:
        width = sizing.width / zoom
        scale = time_scale_for(prepared.scene, request.t0, request.t1, width, prepared.span)
        return scale, content_height(prepared.scene, scale, theme, options) * zoom

    zoom = sizing.zoom
    scale, content = measure(zoom)
    if sizing.height is not None:
        zoom = _filling_zoom(measure, sizing.zoom, sizing.height, content <= sizing.height)
        scale, content = measure(zoom)
    height = sizing.height if sizing.height is not None else content
    fixed = Sizing(sizing.width, height, zoom)
    geometry = geometry_for(request, fixed, height)
    if sizing.height is not None:
        options = replace(options, fit_content=content <= height)
    return ImagePlan(geometry, scale, theme, options)


def _filling_zoom(
    measure: Callable[[float], tuple[TimeScale, float]], zoom: float, height: float, fits: bool
) -> float:
    """The largest zoom within ``ZOOM_RANGE`` of ``zoom`` whose content fits ``height`` (a
    bisection: content grows with the zoom); the smallest when even that does not fit."""
    low, high = (zoom * k for k in ZOOM_RANGE)
    lo, hi = (zoom, high) if fits else (low, zoom)
    if measure(hi)[1] <= height:
        return hi
    for _ in range(ZOOM_STEPS):
        middle = math.sqrt(lo * hi)
        if measure(middle)[1] <= height:
            lo = middle
        else:
            hi = middle
    return lo


def _filtered(request: ImageRequest) -> str:
    """What the footer says about the filters (empty: none)."""
    notes = []
    if request.importance < 3:
        notes.append(f"importance ≤ {request.importance}")
    if request.sources:
        notes.append("sources: " + ", ".join(request.sources))
    if request.events:
        notes.append(f"{len(request.events)} chosen events")
    return " · ".join(notes)


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
    _set_dpi(image, request.resolution)  # what the file says about its resolution (pHYs)
    opaque = image.convertToFormat(QImage.Format.Format_RGB888)  # no alpha: a third less to pack
    if not opaque.save(out, "PNG", PNG_QUALITY):  # type: ignore[call-overload]
        raise OSError(f"could not write the PNG image {request.path}")


def _set_dpi(image: QImage, dpi: float) -> None:
    dots_per_meter = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)


def _write_svg(out: QBuffer, paint: Paint, geometry: ImageGeometry, request: ImageRequest) -> None:
    generator = QSvgGenerator()
    generator.setOutputDevice(out)
    physical = geometry.physical_size
    generator.setSize(QSize(round(physical[0]), round(physical[1])))
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


def _pdf_layout(geometry: ImageGeometry) -> QPageLayout:
    """A page of exactly the picture's physical size, without margins."""
    no_margins = QMarginsF(0.0, 0.0, 0.0, 0.0)
    width, height = geometry.physical_size
    points = QSizeF(width * 72.0 / LOGICAL_DPI, height * 72.0 / LOGICAL_DPI)
    size = QPageSize(points, QPageSize.Unit.Point, "Timeline", QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, no_margins, QPageLayout.Unit.Point)


def _write_pdf(out: QBuffer, paint: Paint, geometry: ImageGeometry, request: ImageRequest) -> None:
    writer = QPdfWriter(out)
    writer.setResolution(round(LOGICAL_DPI))  # vectors: 96 units per inch, like the other devices
    writer.setTitle(request.title or "Timeline")
    writer.setCreator("Parallax")
    writer.setPageLayout(_pdf_layout(geometry))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write the PDF {request.path}")
    try:
        paint(painter, writer.width() / geometry.width)
    finally:
        painter.end()


_WRITERS = {"png": _write_png, "svg": _write_svg, "pdf": _write_pdf}
