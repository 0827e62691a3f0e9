"""Marker shapes that tell lanes apart without colour (the print theme): lane ``k`` gets shape
``k % len(SHAPES)`` for its markers and legend swatch, and hatch ``k % len(HATCHES)`` over its
bars, so a greyscale page still shows which lane an event belongs to."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "hexagon")
HATCHES = (
    Qt.BrushStyle.NoBrush,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.Dense6Pattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.HorPattern,
    Qt.BrushStyle.DiagCrossPattern,
)


def _outline(shape: int, size: float) -> QPolygonF | None:
    """The polygon of ``shape`` centred at 0 and about ``size`` across (None: a circle)."""
    name = SHAPES[shape % len(SHAPES)]
    r = size / 2
    if name == "circle":
        return None
    if name == "square":
        s = r * 0.9
        return QPolygonF([QPointF(-s, -s), QPointF(s, -s), QPointF(s, s), QPointF(-s, s)])
    if name in ("triangle", "triangle-down"):
        sign = 1.0 if name == "triangle" else -1.0
        t = r * 1.15
        return QPolygonF(
            [
                QPointF(0, -t * sign),
                QPointF(t * 0.95, t * 0.7 * sign),
                QPointF(-t * 0.95, t * 0.7 * sign),
            ]
        )
    if name == "diamond":
        d = r * 1.2
        return QPolygonF([QPointF(0, -d), QPointF(d, 0), QPointF(0, d), QPointF(-d, 0)])
    return QPolygonF(
        [QPointF(r * math.cos(a), r * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 7)[:-1]]
    )


def shapes_path(
    xs: NDArray[np.float64], ys: NDArray[np.float64], shape: int, size: float
) -> QPainterPath:
    """One path holding ``shape`` at every (xs[k], ys[k])."""
    path = QPainterPath()
    outline = _outline(shape, size)
    for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
        if outline is None:
            path.addEllipse(QPointF(x, y), size / 2, size / 2)
        else:
            path.addPolygon(outline.translated(x, y))
            path.closeSubpath()
    return path


def draw_shapes(
    painter: QPainter,
    xs: NDArray[np.float64],
    ys: NDArray[np.float64],
    shape: int,
    size: float,
    colors: tuple[QColor, QColor],
) -> None:
    """``shape`` at every point, filled with ``colors[0]`` and outlined in ``colors[1]``."""
    pen = QPen(colors[1], 0.8)
    painter.setPen(pen)
    painter.setBrush(colors[0])
    painter.drawPath(shapes_path(xs, ys, shape, size))


def draw_shape(painter: QPainter, centre: QPointF, shape: int, size: float, color: QColor) -> None:
    """One ``shape`` (a legend swatch), filled with ``color`` and outlined darker."""
    xs, ys = np.array([centre.x()]), np.array([centre.y()])
    draw_shapes(painter, xs, ys, shape, size, (color, color.darker(160)))


def hatch_bars(painter: QPainter, rects: list[QRectF], lane: int, color: QColor) -> None:
    """The lane's hatch over its bars ``rects`` (lane 0 has none)."""
    style = HATCHES[lane % len(HATCHES)]
    if style == Qt.BrushStyle.NoBrush or not rects:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color, style))
    painter.drawRects(rects)
