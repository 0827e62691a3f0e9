"""The legend under the lanes: lane swatches, then source dots, in aligned columns.

Every entry of a legend has the same column width (the widest name, at most
``LEGEND_NAME_PX``), so lanes and sources line up as a table and wrap onto as many rows as the
width needs; sources start a row of their own. Names are the scene's (an export puts the
sources' short labels there); only a name wider than a whole column is elided.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter

from desktop.core.timeline.scene import TimelineScene
from desktop.rendering.paint_shapes import draw_shape
from desktop.rendering.text import text_cache
from desktop.rendering.theme import TimelineTheme

LEGEND_PX = 22.0
LEGEND_NAME_PX = 220.0  # longer legend names are elided
LEGEND_GAP_PX = 18.0  # between legend columns
SWATCH_PX = 14.0  # the swatch and the space after it
MARGIN_PX = 8.0


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One legend swatch: its column, row, name (elided to its column), colour and dot size;
    ``shape`` is the lane's marker shape (-1 for a source dot)."""

    column: int
    row: int
    name: str
    color: QColor
    size: float
    shape: int


@dataclass(frozen=True, slots=True)
class Legend:
    """The laid-out legend: entries, the number of rows and the width of one column."""

    entries: tuple[LegendEntry, ...]
    rows: int
    column_px: float


NO_LEGEND = Legend((), 0, 0.0)


def legend_layout(model: TimelineScene, theme: TimelineTheme, width: float) -> Legend:
    """Lane swatches, then source dots, in columns of one width that fill ``width``."""
    small = text_cache(theme.small_font)
    lanes = [(lane.name, QColor(lane.color), 9.0, k) for k, lane in enumerate(model.data.lanes)]
    sources = [(source.name, QColor(source.color), 5.0, -1) for source in model.data.sources]
    if not lanes and not sources:
        return NO_LEGEND
    usable = max(8.0, width - 2 * MARGIN_PX)
    widest = max(small.width(name) for name, *_ in [*lanes, *sources])
    name_px = min(widest, LEGEND_NAME_PX, usable - SWATCH_PX)
    column_px = SWATCH_PX + name_px + LEGEND_GAP_PX
    columns = max(1, int((usable + LEGEND_GAP_PX) // column_px))
    entries: list[LegendEntry] = []
    row = 0
    for group in (lanes, sources):
        for k, (name, color, size, shape) in enumerate(group):
            column = k % columns
            if k and not column:
                row += 1
            shown = small.elided(name, max(8.0, name_px))
            entries.append(LegendEntry(column, row, shown, color, size, shape))
        if group:
            row += 1
    return Legend(tuple(entries), row, column_px)


def draw_legend(painter: QPainter, legend: Legend, theme: TimelineTheme, top: float) -> None:
    """The legend laid out by ``legend_layout``, one ``LEGEND_PX`` row each from ``top``."""
    small = text_cache(theme.small_font)
    painter.setFont(small.font)
    for entry in legend.entries:
        x = MARGIN_PX + entry.column * legend.column_px
        middle = top + entry.row * LEGEND_PX + LEGEND_PX / 2
        centre = QPointF(x + 5.0, middle)
        if theme.shapes and entry.shape >= 0:
            draw_shape(painter, centre, entry.shape, entry.size, entry.color)
        else:
            painter.setBrush(entry.color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(centre, entry.size / 2, entry.size / 2)
        painter.setPen(theme.text)
        painter.drawStaticText(
            QPointF(x + SWATCH_PX, middle - small.height / 2), small.static(entry.name)
        )
