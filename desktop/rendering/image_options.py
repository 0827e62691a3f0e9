"""What an image export asks for, and the sizes that follow from it.

Sizes are physical. A width is given in pixels (``2400``, ``2400px``: pixels of the PNG at the
chosen dpi), millimetres (``174mm``), centimetres or inches (``6.85in``); a preset names a size
people submit. Everything is laid out in *logical pixels* (96 per inch, the units the timeline is
painted in) divided by the preset's ``zoom``: a poster is painted at a larger zoom, so its text
reads from a distance, a journal column at a smaller one. A raster (PNG) is
``physical inches * dpi`` device pixels and carries its dpi (pHYs); a PDF page has the exact
physical size; an SVG is sized in CSS pixels. Without a height the picture is as tall as its
content (``paint.content_height``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

IMAGE_FORMATS = ("png", "svg", "pdf")
THEMES = ("light", "print", "dark")
PALETTES = ("safe", "library")
PAGES_MM = {
    "A4": (297.0, 210.0),
    "A3": (420.0, 297.0),
    "A0": (1189.0, 841.0),
    "letter": (279.4, 215.9),
}
LOGICAL_DPI = 96.0
MM_PER_INCH = 25.4
MAX_RASTER_PX = 16384
MAX_RASTER_PIXELS = 16384 * 8192
DEFAULT_DPI = 300
DEFAULT_WIDTH = "3000px"  # ten inches at the default 300 dpi


@dataclass(frozen=True, slots=True)
class Preset:
    """A named size: width and (optional) height in mm, the zoom text and glyphs are drawn at,
    and the dpi used when none is asked for."""

    width_mm: float
    height_mm: float | None
    zoom: float
    dpi: int = DEFAULT_DPI
    about: str = ""


PRESETS = {
    "journal-column": Preset(85.0, None, 0.72, about="one journal column, 85 mm"),
    "journal-page": Preset(174.0, None, 0.8, about="a full journal page width, 174 mm"),
    "slide": Preset(254.0, 142.875, 1.0, dpi=192, about="a 16:9 slide, 1920 x 1080 px"),
    "a4-landscape": Preset(297.0, 210.0, 1.0, about="an A4 page, landscape"),
    "poster-a0": Preset(1189.0, 841.0, 2.4, dpi=150, about="an A0 poster, landscape, 150 dpi"),
}
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(px|mm|cm|in|)\s*$", re.IGNORECASE)
_PER_INCH = {"mm": MM_PER_INCH, "cm": MM_PER_INCH / 10, "in": 1.0}


def length_px(text: str | float, dpi: float) -> float:
    """A length in logical pixels (96 per inch): a number or ``N px`` is pixels at ``dpi``,
    ``N mm``/``cm``/``in`` a physical length. ValueError names what is accepted."""
    if isinstance(text, int | float):
        value, unit = float(text), "px"
    else:
        found = _LENGTH.match(text)
        if found is None:
            raise ValueError(f"cannot read the size {text!r} (e.g. 2400, 2400px, 174mm, 6.85in)")
        value, unit = float(found.group(1)), (found.group(2).lower() or "px")
    if value <= 0:
        raise ValueError(f"the size {text!r} must be positive")
    inches = value / dpi if unit == "px" else value / _PER_INCH[unit]
    return inches * LOGICAL_DPI


@dataclass(frozen=True, slots=True)
class ImageRequest:
    """One export. ``t0``/``t1``: the day numbers shown (None: the library's main span, padded;
    context events too with ``include_context``).

    ``lanes``/``sources``/``events``: keys to keep (empty: all); ``importance``: the least
    important level drawn (1 only the key events, 3 all); ``highlight``: events drawn
    emphasised and always labelled; ``eras``: era names drawn (None: all, empty: none).
    Size: ``preset``, else ``page`` (a landscape page of ``PAGES_MM``), else ``width`` (and
    ``height``; None: follows the content) as ``length_px`` reads them. ``dpi`` None: the
    preset's, else ``DEFAULT_DPI``. ``palette`` "safe" draws lanes in colour-blind-safe colours,
    "library" in the library's own.
    """

    path: Path
    t0: float | None = None
    t1: float | None = None
    lanes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    width: str | float = DEFAULT_WIDTH
    height: str | float | None = None
    page: str | None = None
    preset: str | None = None
    dpi: int | None = None
    title: str = ""
    theme: str = "light"
    legend: bool = True
    footer: bool = True
    include_context: bool = False
    importance: int = 3
    events: tuple[str, ...] = ()
    highlight: tuple[str, ...] = ()
    eras: tuple[str, ...] | None = None
    palette: str = "safe"

    @property
    def format(self) -> str:
        """ "png", "svg" or "pdf" from the file name; ValueError for anything else."""
        suffix = self.path.suffix.lower().lstrip(".")
        if suffix not in IMAGE_FORMATS:
            raise ValueError(f"{self.path.name}: an image is written as .png, .svg or .pdf")
        return suffix

    @property
    def resolution(self) -> int:
        """The dpi asked for, else the preset's, else ``DEFAULT_DPI``."""
        if self.dpi is not None:
            return self.dpi
        preset = PRESETS.get(self.preset or "")
        return preset.dpi if preset is not None else DEFAULT_DPI


@dataclass(frozen=True, slots=True)
class ImageGeometry:
    """``width`` x ``height``: the logical size the timeline is laid out in; ``zoom``: physical
    (96-per-inch) units per logical pixel; ``scale``: device pixels per logical pixel."""

    width: float
    height: float
    scale: float
    zoom: float = 1.0

    @property
    def device_size(self) -> tuple[int, int]:
        return (round(self.width * self.scale), round(self.height * self.scale))

    @property
    def physical_size(self) -> tuple[float, float]:
        """The size in 96-per-inch units (CSS pixels; points are 3/4 of them)."""
        return self.width * self.zoom, self.height * self.zoom

    def with_height(self, height: float) -> ImageGeometry:
        return ImageGeometry(self.width, height, self.scale, self.zoom)


@dataclass(frozen=True, slots=True)
class Sizing:
    """What the request fixes: physical width, physical height (None: follows the content) and
    the zoom."""

    width: float
    height: float | None
    zoom: float


def page_logical_size(page: str) -> tuple[float, float]:
    """A landscape page's size in logical pixels; ValueError for an unknown page."""
    try:
        width_mm, height_mm = PAGES_MM[page]
    except KeyError:
        raise ValueError(f"unknown page {page!r} (use {', '.join(PAGES_MM)})") from None
    return width_mm / MM_PER_INCH * LOGICAL_DPI, height_mm / MM_PER_INCH * LOGICAL_DPI


def sizing_for(request: ImageRequest) -> Sizing:
    """The physical size and zoom ``request`` asks for; ValueError for unknown names."""
    if request.resolution <= 0:
        raise ValueError("the resolution (dpi) must be positive")
    if request.preset is not None:
        preset = PRESETS.get(request.preset)
        if preset is None:
            raise ValueError(f"unknown preset {request.preset!r} (use {', '.join(PRESETS)})")
        height = preset.height_mm / MM_PER_INCH * LOGICAL_DPI if preset.height_mm else None
        if request.height is not None:
            height = length_px(request.height, request.resolution)
        return Sizing(preset.width_mm / MM_PER_INCH * LOGICAL_DPI, height, preset.zoom)
    if request.page is not None:
        width, height = page_logical_size(request.page)
        return Sizing(width, height, 1.0)
    width = length_px(request.width, request.resolution)
    if width * request.resolution / LOGICAL_DPI < 16:
        raise ValueError("the width must be at least 16 pixels")
    tall = None if request.height is None else length_px(request.height, request.resolution)
    return Sizing(width, tall, 1.0)


def geometry_for(request: ImageRequest, sizing: Sizing, height: float) -> ImageGeometry:
    """The geometry of ``request`` at ``sizing`` with a physical ``height``; ValueError when a
    raster would be too big."""
    zoom = sizing.zoom
    raster = request.format == "png"
    scale = zoom * request.resolution / LOGICAL_DPI if raster else zoom
    geometry = ImageGeometry(sizing.width / zoom, height / zoom, scale, zoom)
    if raster:
        w, h = geometry.device_size
        if max(w, h) > MAX_RASTER_PX or w * h > MAX_RASTER_PIXELS:
            raise ValueError(
                f"a {w} x {h} pixel image is too large (at most {MAX_RASTER_PX} pixels a side); "
                "lower the width or the dpi, or export SVG or PDF"
            )
    return geometry


def mm_of(px: float) -> float:
    """Logical (96-per-inch) pixels as millimetres."""
    return px / LOGICAL_DPI * MM_PER_INCH
