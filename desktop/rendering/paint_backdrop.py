"""The lanes' backdrop on raster devices: each lane's band and grid lines in one textured fill.

Drawn the plain way (the band's rectangle, then a one-pixel rectangle per grid line and lane),
Qt's raster engine fills every grid line one scanline at a time: some six hundred thin tall
rectangles per frame cost more than the rest of the backdrop together. Here one row of each
lane look (its band colour, the grid colour mixed over it at the grid's columns) is written
once per frame, copied down an opaque image as tall as the tallest lane (numpy), and each lane
is that image's top blitted: a ``memcpy`` per scanline. (A texture brush gives the same pixels,
but Qt splits such fills over its thread pool, and the frame then waits for threads that on a
busy machine are not scheduled at once: about twice the CPU time and a wait besides.)

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
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

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
    in ``grid[1]`` mixed over the lane's colour (the colour's alpha is its share). The pixels
    are those of ``fillRect`` of each lane's rectangle with the lane's row as a texture."""
    if not count:
        return
    xs, color = grid
    columns = np.floor(np.asarray(xs, np.float64)).astype(np.int64)
    pixels = max(1, math.ceil(width))
    columns = columns[(columns >= 0) & (columns < pixels)]
    shift = painter.worldTransform().dy()  # device rows are rounded after the painter's move
    spans = [_device_rows(metrics, lane, shift) for lane in range(count)]
    tallest = max(rows for _, rows in spans)
    if tallest <= 0:
        return
    bands = [
        _band((pixels, tallest, parity), columns, look, color)
        for parity, look in enumerate(looks[: min(2, count)])
    ]
    for lane, (top, rows) in enumerate(spans):
        if rows > 0:
            painter.drawImage(QPointF(0.0, top), bands[lane % 2], QRectF(0.0, 0.0, width, rows))


def _device_rows(metrics: LaneMetrics, lane: int, shift: float) -> tuple[float, int]:
    """(top, device rows) of ``lane``'s rectangle as the raster engine fills it, aliased: from
    the rounded top edge to the rounded bottom edge (Qt's ``qRound``, half up)."""
    top = metrics.lane_top(lane)
    first = math.floor(top + shift + 0.5)
    return top, math.floor(top + metrics.height_of(lane) + shift + 0.5) - first


_BANDS: dict[tuple[int, int], QImage] = {}  # by (width, parity); as tall as ever asked
KEPT_BANDS = 8


def _band(
    size: tuple[int, int, int], columns: NDArray[np.int64], band: QColor, grid: QColor
) -> QImage:
    """An opaque image ``size[0]`` wide whose top ``size[1]`` rows are each ``band`` with
    ``grid`` mixed over it at ``columns`` (it may be taller; ``size[2]`` tells the lane
    looks apart). The image of each width and look is kept and written over, and only made
    again when a taller one is asked for: allocating two such images per frame made malloc
    give their pages back and fault them in again (some 0.7 ms a frame)."""
    pixels, rows, parity = size
    image = _BANDS.get((pixels, parity))
    if image is None or image.height() < rows:
        if len(_BANDS) >= KEPT_BANDS:
            _BANDS.clear()
        image = _BANDS[(pixels, parity)] = QImage(pixels, rows, QImage.Format.Format_RGB32)
    stride = image.bytesPerLine() // 4
    memory = np.frombuffer(image.bits(), np.uint32, count=stride * rows).reshape(rows, stride)
    line = memory[0, :pixels]
    line[:] = band.rgba()
    line[columns] = mixed(grid, band, grid.alphaF()).rgba()
    memory[1:, :pixels] = line
    return image
