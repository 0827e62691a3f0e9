"""What an image export asks for, and the sizes that follow from it.

Sizes are worked out in *logical pixels* (CSS pixels: 96 per inch), the units the timeline is
painted in. A raster (PNG) is ``logical * dpi / 96`` device pixels; a page (``--page``) is
landscape and its logical size is its physical size at 96 per inch; a PDF or SVG without a page
is ``width`` logical pixels wide. The height follows from the lanes unless a page fixes it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

IMAGE_FORMATS = ("png", "svg", "pdf")
THEMES = ("light", "print", "dark")
PAGES_MM = {
    "A4": (297.0, 210.0),
    "A3": (420.0, 297.0),
    "A0": (1189.0, 841.0),
    "letter": (279.4, 215.9),
}
LOGICAL_DPI = 96.0
MAX_RASTER_PX = 16384
MAX_RASTER_PIXELS = 16384 * 8192
DEFAULT_WIDTH = 2400
LANE_PX = 26.0 + 4 * 17.0  # a lane's marker strip and four bar rows (see paint.lane_metrics)
CHROME_PX = 28.0 + 36.0 + 22.0 + 20.0 + 8.0  # title, axis, legend, footer, spare


@dataclass(frozen=True, slots=True)
class ImageRequest:
    """One export. ``t0``/``t1``: the day numbers shown (None: every shown event, with margins).

    ``lanes``/``sources``: keys to keep (empty: all). ``width`` is logical pixels; ``page`` a
    key of ``PAGES_MM`` (then ``width`` is ignored). ``title`` empty means no title band.
    """

    path: Path
    t0: float | None = None
    t1: float | None = None
    lanes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    width: int = DEFAULT_WIDTH
    page: str | None = None
    dpi: int = 96
    title: str = ""
    theme: str = "light"
    legend: bool = True
    footer: bool = True

    @property
    def format(self) -> str:
        """ "png", "svg" or "pdf" from the file name; ValueError for anything else."""
        suffix = self.path.suffix.lower().lstrip(".")
        if suffix not in IMAGE_FORMATS:
            raise ValueError(f"{self.path.name}: an image is written as .png, .svg or .pdf")
        return suffix


@dataclass(frozen=True, slots=True)
class ImageGeometry:
    """Logical size (what the timeline is laid out in) and the device scale (device/logical)."""

    width: float
    height: float
    scale: float

    @property
    def device_size(self) -> tuple[int, int]:
        return (math.ceil(self.width * self.scale), math.ceil(self.height * self.scale))


def natural_height(lane_count: int) -> float:
    """Height that gives every lane its strip and four bar rows, plus the bands around them."""
    return CHROME_PX + max(lane_count, 1) * LANE_PX


def page_logical_size(page: str) -> tuple[float, float]:
    """A landscape page's size in logical pixels; ValueError for an unknown page."""
    try:
        width_mm, height_mm = PAGES_MM[page]
    except KeyError:
        raise ValueError(f"unknown page {page!r} (use {', '.join(PAGES_MM)})") from None
    return width_mm / 25.4 * LOGICAL_DPI, height_mm / 25.4 * LOGICAL_DPI


def geometry_for(request: ImageRequest, lane_count: int) -> ImageGeometry:
    """The logical size and device scale of ``request``; ValueError if a raster is too big."""
    if request.dpi <= 0:
        raise ValueError("the resolution (dpi) must be positive")
    if request.page is not None:
        width, height = page_logical_size(request.page)
    else:
        if request.width < 16:
            raise ValueError("the width must be at least 16 pixels")
        width, height = float(request.width), natural_height(lane_count)
    scale = request.dpi / LOGICAL_DPI if request.format == "png" or request.page else 1.0
    geometry = ImageGeometry(width, height, scale)
    if request.format == "png":
        w, h = geometry.device_size
        if max(w, h) > MAX_RASTER_PX or w * h > MAX_RASTER_PIXELS:
            raise ValueError(
                f"a {w} x {h} pixel image is too large (at most {MAX_RASTER_PX} pixels a side); "
                "lower the width or the dpi, or export SVG or PDF"
            )
    return geometry
