"""The paint routine renders the bundled dataset into an image: not blank, every lane drawn."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.core.timeline.from_catalog import scene_data_from_catalog
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.scale import TimeScale
from desktop.core.workbench import Workbench
from desktop.model.dates import day_number
from desktop.rendering.paint import PaintOptions, paint_timeline
from desktop.rendering.theme import TimelineTheme
from desktop.ui.theme import theme_palette


def render(workbench: Workbench, palette: str) -> tuple[np.ndarray, Any]:
    scene = scene_data_from_catalog(workbench.catalog, LaneState()).scene()
    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    theme = TimelineTheme.from_palette(theme_palette(palette))
    scale = TimeScale(day_number(2008, 8, 7), day_number(2025, 8, 9), 1600.0)
    frame = paint_timeline(
        painter,
        scene,
        scale,
        QRectF(0, 0, 1600, 900),
        theme,
        PaintOptions(legend=True, footer=True, title="T"),
    )
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(900, 1600, 4)[:, :, :3].astype(int)
    return pixels, (scene, frame)


def near(pixels: np.ndarray, color: str, tolerance: int = 40) -> np.ndarray:
    c = QColor(color)
    bgr = np.array([c.blue(), c.green(), c.red()])
    return np.abs(pixels - bgr).sum(axis=2) < tolerance


def test_every_lane_has_marker_coloured_pixels(qapp: Any, workbench: Workbench) -> None:
    for palette in ("light", "dark"):
        pixels, (scene, frame) = render(workbench, palette)
        packed = pixels[:, :, 0] * 65536 + pixels[:, :, 1] * 256 + pixels[:, :, 2]
        assert len(np.unique(packed)) > 50  # not blank
        metrics = frame.metrics
        for lane, info in enumerate(scene.data.lanes):
            top, bottom = (
                int(metrics.lane_top(lane)),
                int(metrics.lane_top(lane) + metrics.height_of(lane)),
            )
            band = pixels[top:bottom, 150:]  # skip the lane name at the left edge
            assert near(band, info.color).sum() > 20, (palette, info.key)


def test_export_extras_appear_only_when_asked(qapp: Any, workbench: Workbench) -> None:
    pixels, (scene, frame) = render(workbench, "light")
    bottom_rows = pixels[-40:]
    assert (
        np.abs(bottom_rows - bottom_rows[0, -1]).sum(axis=2) > 100
    ).any()  # legend and footer text


def render_legend(workbench: Workbench, width: int) -> tuple[np.ndarray, Any]:
    """The sample at ``width`` x 600 with a legend and nothing else extra."""
    scene = scene_data_from_catalog(workbench.catalog, LaneState()).scene()
    image = QImage(width, 600, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    theme = TimelineTheme.from_palette(theme_palette("light"))
    scale = TimeScale(day_number(2022, 1, 1), day_number(2024, 1, 1), float(width))
    frame = paint_timeline(
        painter, scene, scale, QRectF(0, 0, width, 600), theme, PaintOptions(legend=True)
    )
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(600, width, 4)[:, :, :3]
    return pixels.astype(int), (scene, frame)


def legend_rows(pixels: np.ndarray, below: int, colors: list[str]) -> list[float]:
    """Per colour, the mean row of its pixels under the lanes (-1 when it is not drawn)."""
    rows = []
    for color in colors:
        found = np.flatnonzero(near(pixels[below:], color, 30).any(axis=1))
        rows.append(float(found.mean()) + below if len(found) >= 3 else -1.0)
    return rows


def test_legend_wraps_to_show_every_lane_and_source(qapp: Any, workbench: Workbench) -> None:
    lines = []
    for width in (2400, 480):
        pixels, (scene, frame) = render_legend(workbench, width)
        entries = [*scene.data.lanes, *scene.data.sources]
        assert len(scene.data.sources) >= 3
        lanes_end = int(frame.metrics.lane_top(len(scene.data.lanes)))
        rows = legend_rows(pixels, lanes_end + 1, [entry.color for entry in entries])
        assert min(rows) > lanes_end, (width, rows)  # every entry drawn, none over a lane
        assert max(rows) < 600 - 4  # the last line is inside the picture
        assert (np.abs(pixels[lanes_end:, -2:] - pixels[-1, -1]).sum(axis=2) < 60).all()
        lines.append(len({round(row / 22.0) for row in rows}))
    assert lines[0] == 2  # one line of lanes and one of sources when there is room
    assert lines[1] >= 4  # several when narrow
