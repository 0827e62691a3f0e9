"""Pre-rendered glyphs blitted in one call: discs (markers, source dots) and digits (counts).

On a raster device Qt draws a wide round point by stroking a path, several microseconds each;
blitting a cached pixmap of the same disc with ``drawPixmapFragments`` costs a fraction of that,
and all glyphs of one look go in one call. The fragments are written into a numpy buffer laid
out like a C array of ``QPainter.PixmapFragment`` (ten doubles each), so there is no Python
object per glyph either.

Sprites are rendered at the device scale (the painter's scale times the device pixel ratio), so
a blit lands pixel for pixel: what is drawn matches the vector path. Vector devices (SVG, PDF)
and painters that rotate or shear get no sprites: callers draw there with ordinary QPainter
calls (``can_blit`` tells which), so exported files keep real shapes and text.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import shiboken6
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintEngine,
    QPainter,
    QPixmap,
    QTransform,
)

MAX_SPRITES = 512  # cached pixmaps, per kind; a theme or zoom change rarely adds more than a few
DIGITS = "0123456789"
_PAD = 2  # device pixels of transparent border around each sprite (antialiased edges)

SHEET_COLUMNS = 16  # disc cells per row of a sprite sheet
_DISCS: dict[tuple[Hashable, float], tuple[QPixmap, float, NDArray[np.float64]]] = {}
_DIGITS: dict[tuple[tuple[int, ...], str, float], tuple[QPixmap, tuple[float, ...], float]] = {}


_FIXED: list[tuple[QPainter, float | None, bool]] = []  # (painter, device scale, only moved)


@contextmanager
def fixed_transform(painter: QPainter) -> Iterator[None]:
    """Inside, ``device_scale`` and ``only_moved`` of ``painter`` are those at entry, asked of
    Qt once (each costs some 15-25 microseconds of binding calls, and a frame asks a dozen
    times). For a span in which nobody changes the painter's transform."""
    moved = painter.worldTransform().type().value <= QTransform.TransformationType.TxTranslate.value
    _FIXED.append((painter, _device_scale(painter), moved))
    try:
        yield
    finally:
        _FIXED.pop()


def only_moved(painter: QPainter) -> bool:
    """True when ``painter``'s transform moves but does not scale."""
    if _FIXED and _FIXED[-1][0] is painter:
        return _FIXED[-1][2]
    return painter.worldTransform().type().value <= QTransform.TransformationType.TxTranslate.value


def device_scale(painter: QPainter) -> float | None:
    """Device pixels per painter unit when sprites can be blitted (a raster device, and a
    transform that only moves and scales evenly); None otherwise."""
    if _FIXED and _FIXED[-1][0] is painter:
        return _FIXED[-1][1]
    return _device_scale(painter)


def address_of(array: NDArray[Any]) -> int:
    """The address of the first element of a C-contiguous ``array`` (``ndarray.ctypes.data``
    builds a ctypes object each time: ten times slower)."""
    if array.flags.writeable:
        return ctypes.addressof(ctypes.c_char.from_buffer(array))
    address: int = array.ctypes.data
    return address


def _device_scale(painter: QPainter) -> float | None:
    engine = painter.paintEngine()
    if engine is None or engine.type() != QPaintEngine.Type.Raster:
        return None
    transform = painter.worldTransform()
    if transform.type().value > QTransform.TransformationType.TxScale.value:
        return None
    if not math.isclose(transform.m11(), transform.m22()) or transform.m11() <= 0:
        return None
    device = painter.device()
    ratio = device.devicePixelRatioF() if device is not None else 1.0
    return float(transform.m11() * ratio)


def can_blit(painter: QPainter) -> bool:
    """True when ``draw_discs`` and ``draw_digits`` can be used on ``painter``."""
    return device_scale(painter) is not None


@dataclass(frozen=True)
class DiscLooks:
    """The disc looks (fill colour, diameter) a painter may blit, all kept in one sprite sheet;
    ``key`` identifies the looks (the sheet is cached under it)."""

    key: Hashable
    looks: tuple[tuple[QColor, float], ...]


def draw_discs(
    painter: QPainter,
    at: tuple[NDArray[np.float64], NDArray[np.float64]],
    look: NDArray[np.int64],
    looks: DiscLooks,
) -> None:
    """Antialiased filled discs centred at ``at``, disc k in ``looks.looks[look[k]]``, in one
    blit (drawn in order). The caller checked ``can_blit``; the painter's state is kept."""
    scale = device_scale(painter)
    if not len(look) or scale is None:
        return
    key = (looks.key, scale)
    found = _DISCS.get(key)
    if found is None:
        if len(_DISCS) > MAX_SPRITES:
            _DISCS.clear()
        found = _DISCS[key] = _disc_sheet(looks.looks, scale)
    sheet, cell, sides = found
    row, column = np.divmod(look, SHEET_COLUMNS)
    side = sides[look]
    _blit(painter, sheet, at, (column * cell, row * cell), (side, side), scale)


def draw_digits(
    painter: QPainter,
    lefts: NDArray[np.float64],
    tops: NDArray[np.float64],
    numbers: NDArray[np.int64],
    font: QFont,
    colors: tuple[list[QColor], NDArray[np.int64]],
) -> None:
    """Non-negative ``numbers`` drawn as text whose top-left corners are (lefts, tops), like
    ``drawStaticText`` there would, in one blit; number ``k`` is in ``palette[shade[k]]`` for
    ``colors = (palette, shade)``. The caller checked ``can_blit``."""
    scale = device_scale(painter)
    if not len(numbers) or scale is None:
        return
    palette, shade = colors
    atlas, advances, line = _digit_atlas(font, tuple(c.rgba() for c in palette), scale)
    digits, owner, offset = _digit_layout(numbers, advances)
    cell = float(atlas.width()) / len(DIGITS)  # device pixels per atlas cell
    pad = _PAD / scale
    xs = lefts[owner] + offset + cell / scale / 2 - pad
    ys = tops[owner] + line / scale / 2
    source = (digits * cell, np.asarray(shade, np.float64)[owner] * line)
    _blit(painter, atlas, (xs, ys), source, (cell, line), scale)


def _digit_layout(
    numbers: NDArray[np.int64], advances: tuple[float, ...]
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """(each digit of all ``numbers`` written out, left to right; the number it belongs to;
    its x from the number's left edge)."""
    values = np.maximum(np.asarray(numbers, np.int64), 0)
    lengths = np.floor(np.log10(np.maximum(values, 1))).astype(np.int64) + 1
    owner = np.repeat(np.arange(len(values)), lengths)
    first = np.repeat(np.cumsum(lengths) - lengths, lengths)
    place = lengths[owner] - 1 - (np.arange(len(owner)) - first)  # power of ten of each digit
    digits = (values[owner] // 10**place) % 10
    steps = np.asarray(advances, np.float64)[digits]
    before = np.cumsum(steps) - steps
    return digits, owner, before - before[first]


_Column = NDArray[np.floating] | float  # one value per sprite, or one for all


def _blit(
    painter: QPainter,
    sprite: QPixmap,
    at: tuple[NDArray[np.float64], NDArray[np.float64]],
    source: tuple[_Column, _Column],
    size: tuple[_Column, _Column],
    scale: float,
) -> None:
    """``drawPixmapFragments`` of the ``size`` (device pixels) rectangles of ``sprite`` whose
    top-left corners are ``source``, centred at ``at``, shrunk by ``scale``."""
    xs, ys = at
    count = len(xs)
    buffer = np.empty((count, 10), np.float64)
    buffer[:, 0], buffer[:, 1] = xs, ys  # centre of the target
    buffer[:, 2], buffer[:, 3] = source
    buffer[:, 4], buffer[:, 5] = size
    buffer[:, 6] = buffer[:, 7] = 1.0 / scale
    buffer[:, 8], buffer[:, 9] = 0.0, 1.0  # rotation, opacity
    first = shiboken6.wrapInstance(address_of(buffer), QPainter.PixmapFragment)
    assert isinstance(first, QPainter.PixmapFragment)  # a view: buffer must outlive it
    painter.drawPixmapFragments(first, count, sprite)
    del first


def _disc_sheet(
    looks: tuple[tuple[QColor, float], ...], scale: float
) -> tuple[QPixmap, float, NDArray[np.float64]]:
    """(sheet of one disc per look, each at the top left of its square cell, ``SHEET_COLUMNS``
    cells a row; the cell side and each disc sprite's side, in device pixels)."""
    sides = np.array([_disc_side(diameter, scale) for _, diameter in looks], np.float64)
    cell = int(sides.max()) if len(sides) else 1
    rows = max(1, math.ceil(len(looks) / SHEET_COLUMNS))
    sheet = QPixmap(cell * min(max(1, len(looks)), SHEET_COLUMNS), cell * rows)
    sheet.fill(Qt.GlobalColor.transparent)
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    for k, (color, diameter) in enumerate(looks):
        row, column = divmod(k, SHEET_COLUMNS)
        middle = sides[k] / 2
        painter.setBrush(color)
        radius = diameter * scale / 2
        painter.drawEllipse(QPointF(column * cell + middle, row * cell + middle), radius, radius)
    painter.end()
    return sheet, float(cell), sides


def _disc_side(diameter: float, scale: float) -> int:
    side = math.ceil(diameter * scale) + 2 * _PAD
    return side + side % 2  # even: the centre falls on a pixel corner, like a point at .0


def _digit_atlas(
    font: QFont, colors: tuple[int, ...], scale: float
) -> tuple[QPixmap, tuple[float, ...], float]:
    """(atlas of the ten digits in equal cells, one line of device pixels high per colour of
    ``colors``, stacked; each digit's advance; the line height in device pixels), cached."""
    key = (colors, font.key(), scale)
    found = _DIGITS.get(key)
    if found is not None:
        return found
    if len(_DIGITS) > MAX_SPRITES:
        _DIGITS.clear()
    advances = _advances(font)
    height = QFontMetricsF(font).height()
    cell = math.ceil(max(advances) * scale) + 2 * _PAD
    line = math.ceil(height * scale)
    atlas = QPixmap(cell * len(DIGITS), line * max(1, len(colors)))
    atlas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(atlas)
    painter.scale(scale, scale)
    painter.setFont(font)
    for row, rgba in enumerate(colors):
        painter.setPen(QColor.fromRgba(rgba))
        for k, digit in enumerate(DIGITS):
            box = QRectF((k * cell + _PAD) / scale, row * line / scale, max(advances) + 1.0, height)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, digit)
    painter.end()
    found = _DIGITS[key] = (atlas, advances, float(line))
    return found


def number_widths(font: QFont, numbers: NDArray[np.int64]) -> NDArray[np.float64]:
    """Advance widths of non-negative ``numbers`` written out in ``font`` (digit by digit)."""
    advances = np.asarray(_advances(font), np.float64)
    widths = np.zeros(len(numbers), np.float64)
    rest = np.asarray(numbers, np.int64).copy()
    while True:
        widths += np.where((rest > 0) | (widths == 0), advances[rest % 10], 0.0)
        rest //= 10
        if not rest.any():
            return widths


_ADVANCES: dict[str, tuple[float, ...]] = {}


def _advances(font: QFont) -> tuple[float, ...]:
    key = font.key()
    found = _ADVANCES.get(key)
    if found is None:
        metrics = QFontMetricsF(font)
        found = _ADVANCES[key] = tuple(metrics.horizontalAdvance(d) for d in DIGITS)
    return found
