"""The lanes' backdrop on raster devices: each lane's band and grid lines in one textured fill.

Drawn the plain way (the band's rectangle, then a one-pixel rectangle per grid line and lane),
Qt's raster engine fills every grid line one scanline at a time: some six hundred thin tall
rectangles per frame cost more than the rest of the backdrop together. Here one row of the
lane's look (its band colour, the grid colour mixed over it at the grid's columns) is written
once per frame, and each lane is filled with it as a texture: a copy per scanline.

The pixels are those of the plain way at a device scale of 1 (``textured`` says when this path
applies), but for a lane's top row, where the translucent separator lies over the grid pixels
too, and the row below it left of the lane's name: the plain way starts the grid lines there
below the name (a vector file should hold no line under it), here they reach the separator and
the name's backing covers them from the row after.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QPainter

from desktop.core.timeline.frame import LaneMetrics
from desktop.rendering.paint_items import mixed
from desktop.rendering.sprites import device_scale


def textured(painter: QPainter) -> bool:
    """True when ``fill_lanes`` can draw on ``painter``: a raster device at device scale 1."""
    return device_scale(painter) == 1.0


def fill_lanes(
    painter: QPainter,
    metrics: LaneMetrics,
    count: int,
    grid: tuple[NDArray[np.float64], QColor],
    looks: tuple[QColor, QColor],
    width: float,
) -> None:
    """Fill the ``count`` lanes of ``metrics`` across ``width``: even lanes in ``looks[0]``, odd
    ones in ``looks[1]``, with one-pixel grid columns at ``floor(x)`` for each x of ``grid[0]``
    in ``grid[1]`` mixed over the lane's colour (the colour's alpha is its share)."""
    if not count:
        return
    xs, color = grid
    columns = np.floor(np.asarray(xs, np.float64)).astype(np.int64)
    pixels = max(1, math.ceil(width))
    columns = columns[(columns >= 0) & (columns < pixels)]
    rows = [_row(pixels, columns, band, color) for band in looks]
    brushes = [QBrush(row) for row in rows]
    for lane in range(count):
        top = metrics.lane_top(lane)
        painter.fillRect(QRectF(0.0, top, width, metrics.height_of(lane)), brushes[lane % 2])
    del rows  # the brushes hold their own copies; kept alive until the fills are done


def _row(pixels: int, columns: NDArray[np.int64], band: QColor, grid: QColor) -> QImage:
    """One opaque row of ``pixels``: ``band``, and ``grid`` mixed over it at ``columns``."""
    row = QImage(pixels, 1, QImage.Format.Format_RGB32)
    memory = np.frombuffer(row.bits(), np.uint32, count=pixels)
    memory[:] = band.rgba()
    memory[columns] = mixed(grid, band, grid.alphaF()).rgba()
    return row
