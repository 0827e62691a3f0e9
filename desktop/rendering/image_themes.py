"""The export themes (light, print, dark) as ``TimelineTheme`` values.

Every export device is painted at 96 dots per inch (logical pixels) and scaled by the painter,
so text has the same size relative to the picture in a 300-dpi PNG, in an SVG and on a PDF page.
Export fonts are set in whole pixels: Qt measures a font of 11.4 px with the glyphs of 11 px, so
a fractional size made labels 4 % wider in an SVG viewer than the room the layout gave them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette

from desktop.rendering.image_options import LOGICAL_DPI
from desktop.rendering.theme import TimelineTheme

_COLOURS = {  # base, text, highlight
    "light": ("#ffffff", "#202124", "#1a73e8"),
    "print": ("#ffffff", "#000000", "#000000"),
    "dark": ("#1e1f22", "#e8eaed", "#8ab4f8"),
}


FONT_FAMILY = "DejaVu Sans"  # named in SVG and PDF, so other renderers measure the same glyphs


def _named_font() -> QFont | None:
    """The export font when installed (else None: the application's)."""
    if FONT_FAMILY not in QFontDatabase.families():
        return None
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(QFont().pointSizeF())
    return font


def export_theme(name: str, font: QFont | None = None) -> TimelineTheme:
    """The theme called ``name`` (see ``image_options.THEMES``); ValueError if unknown."""
    try:
        base, text, highlight = _COLOURS[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r} (use light, print or dark)") from None
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
    theme = _whole_pixels(TimelineTheme.from_palette(palette, font or _named_font()))
    if name == "print":  # paper: no tinted bands, a firmer grid, a marker shape per lane
        theme = replace(theme, band=QColor(0, 0, 0, 6), grid=QColor(0, 0, 0, 56), shapes=True)
    return theme


def _whole_pixels(theme: TimelineTheme) -> TimelineTheme:
    """``theme`` with its fonts set to the nearest whole pixel size at 96 dpi."""
    return replace(theme, font=_pixel_font(theme.font), small_font=_pixel_font(theme.small_font))


def _pixel_font(font: QFont) -> QFont:
    if font.pixelSize() > 0:
        return font
    sized = QFont(font)
    sized.setPixelSize(max(1, round(font.pointSizeF() * LOGICAL_DPI / 72.0)))
    return sized
