"""A preview of an image export: the real output painted at a reduced scale.

``preview_image`` plans the export exactly as ``render_timeline_image`` does (same size,
range, zoom, theme and options) and paints it into an image no larger than ``box``, keeping the
output's proportions; ``describe`` says what the file will be (mm, pixels, dpi).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.rendering.image_options import ImageRequest, mm_of
from desktop.rendering.image_scene import PreparedScene
from desktop.rendering.paint import paint_timeline
from desktop.rendering.timeline_image import ImagePlan, plan_image


def preview_image(
    prepared: PreparedScene, request: ImageRequest, box: tuple[int, int]
) -> tuple[QImage, ImagePlan]:
    """The export of ``request`` painted to fit ``box`` (width, height in pixels)."""
    plan = plan_image(prepared, request)
    geometry = plan.geometry
    factor = min(box[0] / geometry.width, box[1] / geometry.height)
    width = max(1, round(geometry.width * factor))
    height = max(1, round(geometry.height * factor))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.scale(factor, factor)
        rect = QRectF(0.0, 0.0, geometry.width, geometry.height)
        paint_timeline(painter, prepared.scene, plan.scale, rect, plan.theme, plan.options)
    finally:
        painter.end()
    return image, plan


def describe(plan: ImagePlan, request: ImageRequest) -> str:
    """ "174 x 98 mm · 2055 x 1157 px at 300 dpi" (pixels only for PNG)."""
    width, height = plan.geometry.physical_size
    text = f"{mm_of(width):.0f} × {mm_of(height):.0f} mm"
    if request.format == "png":
        w, h = plan.geometry.device_size
        text += f" · {w} × {h} px at {request.resolution} dpi"
    return text
