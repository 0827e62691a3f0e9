"""Colours and fonts of the timeline, taken from a QPalette (light or dark alike)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette

Role = QPalette.ColorRole


@dataclass(frozen=True)
class TimelineTheme:
    """Everything colour- and font-related that ``paint_timeline`` uses."""

    background: QColor
    band: QColor
    text: QColor
    muted: QColor
    grid: QColor
    highlight: QColor
    font: QFont
    small_font: QFont
    dark: bool
    shapes: bool = False  # lanes told apart by marker shape and bar hatching (print)

    @classmethod
    def from_palette(cls, palette: QPalette, font: QFont | None = None) -> TimelineTheme:
        """A theme matching ``palette``; dark when its base is darker than its text."""
        base = palette.color(Role.Base)
        text = palette.color(Role.Text)
        dark = base.lightnessF() < text.lightnessF()
        muted = QColor(text)
        muted.setAlphaF(0.62)
        grid = QColor(text)
        grid.setAlphaF(0.10)
        band = QColor(text)
        band.setAlphaF(0.035)
        main = QFont(font) if font is not None else QFont()
        main.setPointSizeF(max(8.0, main.pointSizeF() * 0.95))
        small = QFont(main)
        small.setPointSizeF(main.pointSizeF() * 0.9)
        return cls(base, band, text, muted, grid, palette.color(Role.Highlight), main, small, dark)
