"""Titles blitted from cached images on raster devices instead of drawn glyph by glyph.

``drawStaticText`` costs about 10-15 microseconds per title on the raster engine (each glyph
is looked up and blended on its own); blitting an image of the same title, rendered once with
``drawStaticText`` itself, costs about one. A frame draws a hundred or more titles (labels,
axis ticks, lane names) and most of them again in the next frame, so the images are kept, the
least recently used dropped beyond ``MAX_SPRITES`` (rendering one costs several blits).

Sprites are rendered at the device scale (``sprites.device_scale``) and blitted at whole device
pixels, so the text lands on the pixel grid as the glyph path would put it (at most half a
device pixel apart). Callers check ``can_blit_text`` first: vector devices (SVG, PDF) keep
real text, and so do painters that scale (a figure at some dpi), where a blit at whole device
pixels would move each title by a fraction of a pixel the glyph path keeps.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.rendering.sprites import device_scale, only_moved
from desktop.rendering.text import TextCache

MAX_SPRITES = 1500  # about 10 kB each: a title of ~150 x 17 device pixels
_PAD = 2  # device pixels of transparent border (glyphs may overhang their advance)

_SpriteKey = tuple[str, int, float, str]  # font key, colour, device scale, text
_SPRITES: OrderedDict[_SpriteKey, QImage] = OrderedDict()


def can_blit_text(painter: QPainter) -> bool:
    """True when titles may be blitted on ``painter``: a raster device, moved but not scaled."""
    return only_moved(painter) and device_scale(painter) is not None


class TextBlitter:
    """Draws titles of one font on one painter from cached sprites: ``draw(x, y, text,
    color)`` puts ``text`` where ``painter.drawStaticText(QPointF(x, y), ...)`` in ``color``
    would. Made only when ``can_blit_text(painter)``; the painter's pen and font are not used."""

    def __init__(self, painter: QPainter, text: TextCache) -> None:
        scale = device_scale(painter)
        assert scale is not None, "check can_blit_text(painter) first"
        self.painter = painter
        self.text = text
        self.scale = scale
        self._font = text.key

    def draw(self, x: float, y: float, title: str, color: QColor) -> None:
        """Blit ``title`` with its top-left corner at (x, y), in ``color``."""
        if not title:
            return
        key = (self._font, color.rgba(), self.scale, title)
        sprite = _SPRITES.get(key)
        if sprite is None:
            sprite = _SPRITES[key] = self._render(title, color)
            if len(_SPRITES) > MAX_SPRITES:
                _SPRITES.popitem(last=False)
        else:
            _SPRITES.move_to_end(key)
        scale = self.scale
        if scale == 1.0:  # whole pixels: a plain blit
            self.painter.drawImage(round(x) - _PAD, round(y) - _PAD, sprite)
            return
        left = (round(x * scale) - _PAD) / scale  # whole device pixels
        top = (round(y * scale) - _PAD) / scale
        self.painter.drawImage(QPointF(left, top), sprite)

    def draw_all(self, titles: Iterable[tuple[float, float, str, QColor]]) -> None:
        """``draw(x, y, title, color)`` for each of ``titles`` in order (the same blits, with
        the per-title lookups of ``draw`` done once for all)."""
        if self.scale != 1.0:
            for x, y, title, color in titles:
                self.draw(x, y, title, color)
            return
        blit, font, render = self.painter.drawImage, self._font, self._render
        known, recent = _SPRITES.get, _SPRITES.move_to_end
        for x, y, title, color in titles:
            if not title:
                continue
            key = (font, color.rgba(), 1.0, title)
            sprite = known(key)
            if sprite is None:
                sprite = _SPRITES[key] = render(title, color)
                if len(_SPRITES) > MAX_SPRITES:
                    _SPRITES.popitem(last=False)
            else:
                recent(key)
            blit(round(x) - _PAD, round(y) - _PAD, sprite)

    def _render(self, title: str, color: QColor) -> QImage:
        scale, text = self.scale, self.text
        width = math.ceil(text.width(title) * scale) + 2 * _PAD + 2  # +2: italic overhang
        height = math.ceil(text.height * scale) + 2 * _PAD
        sprite = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        sprite.setDevicePixelRatio(scale)
        sprite.fill(Qt.GlobalColor.transparent)
        painter = QPainter(sprite)
        painter.setFont(text.font)
        painter.setPen(color)
        pad = _PAD / scale  # drawText: a QStaticText would be laid out and kept for nothing
        painter.drawText(QPointF(pad, pad + text.metrics.ascent()), title)
        painter.end()
        return sprite


def forget_text_sprites() -> None:
    """Drop every cached title sprite (tests and benchmarks start from nothing with it)."""
    _SPRITES.clear()
