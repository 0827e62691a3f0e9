"""The raster shortcuts of the paint routine draw what the plain QPainter calls draw: the lanes'
textured backdrop (bands and grid lines) and titles blitted from cached sprites."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QTransform

import desktop.rendering.paint as paint
import desktop.rendering.paint_items as paint_items
from desktop.core.timeline.frame import LaneMetrics
from desktop.core.timeline.from_catalog import scene_data_from_catalog
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.scale import TimeScale
from desktop.core.workbench import Workbench
from desktop.model.dates import day_number
from desktop.rendering import paint_backdrop, sprites, text_sprites
from desktop.rendering.text import TextCache, text_cache
from desktop.rendering.text_sprites import TextBlitter, can_blit_text
from desktop.rendering.theme import TimelineTheme
from desktop.ui.theme import theme_palette

WIDTH, HEIGHT = 1200, 700


def _render(workbench: Workbench, palette: str) -> tuple[np.ndarray, Any]:
    scene = scene_data_from_catalog(workbench.catalog, LaneState()).scene()
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    theme = TimelineTheme.from_palette(theme_palette(palette))
    scale = TimeScale(day_number(2008, 8, 7), day_number(2025, 8, 9), float(WIDTH))
    rect = QRectF(0, 0, WIDTH, HEIGHT)
    frame = paint.paint_timeline(painter, scene, scale, rect, theme, paint.PaintOptions())
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(HEIGHT, WIDTH, 4)
    names = paint._name_rights(scene, text_cache(theme.small_font))
    return pixels[:, :, :3].astype(int), (frame, names)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_textured_backdrop_has_the_pixels_of_bands_and_grid_lines(
    qapp: Any, workbench: Workbench, monkeypatch: pytest.MonkeyPatch, palette: str
) -> None:
    for module in (paint, paint_items):  # titles drawn the same way in both pictures
        monkeypatch.setattr(module, "can_blit_text", lambda painter: False)
    fast, (frame, names) = _render(workbench, palette)
    monkeypatch.setattr(paint, "textured", lambda painter: False)
    plain, _ = _render(workbench, palette)
    differs = np.abs(fast - plain).max(axis=2) > 0
    tops = [int(frame.metrics.lane_top(lane)) for lane in range(len(frame.metrics.lane_rows))]
    for top, name in zip(tops, names.tolist(), strict=False):  # see paint_backdrop
        differs[top, :] = False  # grid pixels under the separator
        differs[top + 1, : int(name) + 1] = False  # and over a name's backing
    assert differs.sum() == 0
    columns = np.abs(np.diff(plain[tops[0] + 30], axis=0)).sum(axis=1) > 0
    assert columns.sum() > 10  # control: the band holds grid lines (and items) to compare


def _text_image(draw: Any) -> np.ndarray:
    image = QImage(300, 40, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#f4f4f4"))
    painter = QPainter(image)
    draw(painter)
    painter.end()
    return np.frombuffer(image.constBits(), np.uint8).reshape(40, 300, 4).astype(int)


def test_a_blitted_title_has_the_pixels_of_the_drawn_one(qapp: Any) -> None:
    text = TextCache(QFont("DejaVu Sans", 10))
    color = QColor("#202020")

    def drawn(painter: QPainter) -> None:
        painter.setFont(text.font)
        painter.setPen(color)
        painter.drawStaticText(QPointF(12.0, 9.0), text.static("Ceasefire in Nagorno-Karabakh"))

    def blitted(painter: QPainter) -> None:
        TextBlitter(painter, text).draw(12.0, 9.0, "Ceasefire in Nagorno-Karabakh", color)

    a, b = _text_image(drawn), _text_image(blitted)
    assert (np.abs(a - b).max(axis=2) > 0).sum() <= 0.02 * (a != 244).any(axis=2).sum()
    assert (a[:, :, 0] < 128).sum() > 100  # control: dark glyph pixels were drawn


def test_title_sprites_are_kept_up_to_a_bound(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_sprites, "MAX_SPRITES", 5)
    monkeypatch.setattr(text_sprites, "_SPRITES", type(text_sprites._SPRITES)())
    text = TextCache(QFont("DejaVu Sans", 10))
    image = QImage(200, 40, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    blitter = TextBlitter(painter, text)
    for k in range(8):
        blitter.draw(0.0, 0.0, f"title {k}", QColor("black"))
    blitter.draw(0.0, 0.0, "title 3", QColor("black"))  # kept: used again, moves to the end
    blitter.draw(0.0, 0.0, "title 8", QColor("black"))
    painter.end()
    kept = [key[-1] for key in text_sprites._SPRITES]
    assert kept == ["title 5", "title 6", "title 7", "title 3", "title 8"]


def test_titles_are_blitted_only_where_they_would_land_on_the_same_pixels(qapp: Any) -> None:
    image = QImage(20, 20, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.translate(3.0, 4.0)
    moved = can_blit_text(painter)
    painter.setWorldTransform(QTransform.fromScale(1.5, 1.5))
    scaled = can_blit_text(painter)
    painter.end()
    assert moved and not scaled


def test_a_fixed_transform_is_asked_of_qt_once_and_only_for_its_painter(qapp: Any) -> None:
    image, other = (QImage(40, 40, QImage.Format.Format_ARGB32_Premultiplied) for _ in range(2))
    painter, scaled = QPainter(image), QPainter(other)
    scaled.scale(2.0, 2.0)
    with sprites.fixed_transform(painter):
        painter.scale(3.0, 3.0)  # breaks the promise: shows that the entry value is used
        assert sprites.device_scale(painter) == 1.0 and sprites.only_moved(painter)
        assert sprites.device_scale(scaled) == 2.0 and not sprites.only_moved(scaled)
    assert sprites.device_scale(painter) == 3.0 and not sprites.only_moved(painter)
    painter.end()
    scaled.end()


def test_address_of_is_where_numpy_keeps_the_data() -> None:
    rows = np.zeros((6, 4))
    assert sprites.address_of(rows) == rows.ctypes.data
    assert sprites.address_of(rows[2:5]) == rows.ctypes.data + 2 * 4 * 8
    rows.flags.writeable = False
    assert sprites.address_of(rows[1:]) == rows.ctypes.data + 4 * 8


def test_a_font_changed_in_place_gets_the_cache_of_its_new_description(qapp: Any) -> None:
    font = QFont()
    font.setPointSizeF(11.0)
    first = text_cache(font)
    assert text_cache(font) is first
    font.setPointSizeF(23.0)
    bigger = text_cache(font)
    assert bigger is not first and bigger.key == font.key() and bigger.height > first.height


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_titles_blitted_together_land_where_one_by_one_would(qapp: Any, ratio: float) -> None:
    text = TextCache(QFont("DejaVu Sans", 10))
    dark, pale = QColor("#202020"), QColor("#8080a0")
    titles = [(4.3, 2.6, "Truce", dark), (60.5, 20.5, "", pale), (90.7, 11.2, "Talks", pale)]
    titles += [(150.0, 3.0, "Truce", pale), (200.2, 18.9, "Truce", dark)]

    def image(draw: Any) -> bytes:
        picture = QImage(int(300 * ratio), int(40 * ratio), QImage.Format.Format_ARGB32)
        picture.setDevicePixelRatio(ratio)
        picture.fill(QColor("#f4f4f4"))
        painter = QPainter(picture)
        draw(TextBlitter(painter, text))
        painter.end()
        return bytes(picture.constBits())

    def one_by_one(blitter: TextBlitter) -> None:
        for x, y, title, color in titles:
            blitter.draw(x, y, title, color)

    together = image(lambda blitter: blitter.draw_all(titles))
    assert together == image(one_by_one)
    assert together != image(lambda blitter: None)  # control: something was drawn


def _painted(draw: Any, shift: float, size: tuple[int, int], background: str) -> bytes:
    """The pixels of a ``size`` image filled with ``background``, then ``draw(painter)`` moved
    down by ``shift``."""
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.translate(0.0, shift)
    try:
        draw(painter)
    finally:
        painter.end()
    return bytes(image.constBits())


def _lanes_image(fill: Any, shift: float) -> bytes:
    return _painted(fill, shift, (230, 120), "#102030")


@pytest.mark.parametrize("shift", [0.0, 0.5, 2.25])
def test_lanes_are_blitted_with_the_pixels_of_a_textured_fill(qapp: Any, shift: float) -> None:
    metrics = LaneMetrics(7.3, 11.4, 9.5, 2, (2, 0, 3), 5.25)  # awkward fractions
    grid = (np.array([-3.0, 0.0, 17.6, 99.5, 228.9, 400.0]), QColor(0, 0, 0, 70))
    looks = (QColor("#e8ecf0"), QColor("#fafafa"))

    def textured(painter: QPainter) -> None:  # the plain way of paint_backdrop's docstring
        for lane in range(3):
            columns = np.array([0, 17, 99, 228])
            row = paint_backdrop._band((230, 1, 2 + lane % 2), columns, looks[lane % 2], grid[1])
            rect = QRectF(0.0, metrics.lane_top(lane), 229.5, metrics.height_of(lane))
            painter.fillRect(rect, QBrush(row))

    blitted = _lanes_image(
        lambda painter: paint_backdrop.fill_lanes(painter, metrics, 3, grid, looks, 229.5), shift
    )
    assert blitted == _lanes_image(textured, shift)
    assert blitted != _lanes_image(lambda painter: None, shift)  # control: lanes were filled


class _Recording(QPainter):
    """A painter that notes the brushes it is asked to fill with."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.brushes: list[Qt.BrushStyle] = []

    def fillRect(self, rect: Any, brush: Any) -> None:  # type: ignore[override]
        self.brushes.append(QBrush(brush).style())
        super().fillRect(rect, brush)


def test_the_backdrop_uses_no_texture_fill(qapp: Any, workbench: Workbench) -> None:
    """Qt splits a texture brush's fill over its thread pool: the frame would wait for threads
    a busy machine does not schedule at once. The lanes are blitted instead."""
    scene = scene_data_from_catalog(workbench.catalog, LaneState()).scene()
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    theme = TimelineTheme.from_palette(theme_palette("light"))
    scale = TimeScale(day_number(2008, 8, 7), day_number(2025, 8, 9), float(WIDTH))
    painter = _Recording(image)
    try:
        paint.paint_timeline(painter, scene, scale, QRectF(0, 0, WIDTH, HEIGHT), theme)
    finally:
        painter.end()
    assert painter.brushes and Qt.BrushStyle.TexturePattern not in painter.brushes


def test_lane_images_are_kept_and_written_over_with_each_frames_grid(qapp: Any) -> None:
    """Two fresh images of a lane's size per frame made malloc fault their pages in anew (some
    0.7 ms a frame): one image per width and look is kept (its top rows serve shorter lanes),
    and each frame's grid replaces the last."""
    looks, grid = (QColor("#e8ecf0"), QColor("#fafafa")), QColor(0, 0, 0, 70)
    first = paint_backdrop._band((64, 5, 0), np.array([3, 40]), looks[0], grid)
    again = paint_backdrop._band((64, 4, 0), np.array([7]), looks[0], grid)  # a shorter lane
    assert again is first
    rows = np.frombuffer(again.constBits(), np.uint32).reshape(5, -1)[:4, :64]
    marked = np.flatnonzero(rows[0] != looks[0].rgba())
    assert marked.tolist() == [7] and (rows == rows[0]).all()


def test_tick_marks_are_filled_where_cosmetic_lines_would_be_drawn(qapp: Any) -> None:
    xs = np.concatenate((np.random.default_rng(3).uniform(-4.0, 196.0, 300), [0.0, 7.5, 9.999]))
    muted = QColor(30, 30, 30, 158)

    def marks(painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, 200, 40), QColor("#eeeeee"))
        with sprites.fixed_transform(painter):
            paint._draw_tick_marks(painter, xs, (30.0, 36.0), muted)

    def lines(painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, 200, 40), QColor("#eeeeee"))
        pen = QPen(muted, 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        for x in xs.tolist():
            painter.drawLine(QPointF(x, 30.0), QPointF(x, 36.0))

    for shift in (0.0, 3.0):
        filled, stroked = _marks_image(marks, shift), _marks_image(lines, shift)
        assert filled == stroked
        assert filled != _marks_image(lambda painter: None, shift)  # control


def _marks_image(draw: Any, shift: float) -> bytes:
    return _painted(draw, shift, (200, 44), "#ffffff")


class _Strokes(QPainter):
    """A painter that counts the lines it strokes."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.strokes = 0

    def drawLines(self, *lines: Any) -> None:
        self.strokes += 1
        super().drawLines(*lines)


def test_the_axis_strokes_no_lines_on_a_raster_device(qapp: Any) -> None:
    """Qt strokes each line on its own: the axis's tick marks are filled rectangles."""
    theme = TimelineTheme.from_palette(theme_palette("light"))
    image = QImage(600, 60, QImage.Format.Format_ARGB32_Premultiplied)
    scale = TimeScale(day_number(2008, 8, 7), day_number(2025, 8, 9), 600.0)
    painter = _Strokes(image)
    try:
        with sprites.fixed_transform(painter):
            shown = paint._draw_axis(painter, scale, 0.0, theme, text_cache(theme.small_font), 600)
    finally:
        painter.end()
    assert len(shown) > 5 and painter.strokes == 0


def test_mixed_colours_are_kept_and_exact(qapp: Any) -> None:
    """A frame asks for the same mixes again and again: each is made once, and a colour that
    differs in any component (even below 8 bits) gets its own."""
    front, back = QColor("#d1495b"), QColor("#f0f0f0")
    first = paint_items.mixed(front, back, 0.55)
    assert paint_items.mixed(QColor("#d1495b"), QColor("#f0f0f0"), 0.55) is first
    expected = QColor.fromRgbF(
        front.redF() * 0.55 + back.redF() * 0.45,
        front.greenF() * 0.55 + back.greenF() * 0.45,
        front.blueF() * 0.55 + back.blueF() * 0.45,
    )
    assert first == expected
    finer = QColor(front)
    finer.setRedF(front.redF() + 1e-4)  # the same 8-bit colour, another 16-bit one
    assert paint_items.mixed(finer, back, 0.55) is not first
    assert paint_items.mixed(front, back, 0.5) is not first
