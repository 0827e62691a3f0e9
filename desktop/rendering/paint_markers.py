"""Drawing markers (discs sized by importance, in their lane's colour) and the source dots under
them (one per covering source, in the source's colour).

On raster devices every disc of a frame is blitted from one sprite sheet in a single call, in
the order the vector path draws them (markers by lane, importance and dimming, then source dots
by source); vector devices (SVG, PDF) get round points, one call per look.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from desktop.core.timeline.frame import Frame
from desktop.core.timeline.scene import TimelineScene
from desktop.rendering.paint_items import (
    DIM_ALPHA,
    DOT_PX,
    MARKER_SIZE,
    faded,
    lane_colors,
    polygon_of,
)
from desktop.rendering.paint_shapes import draw_shapes
from desktop.rendering.sprites import DiscLooks, can_blit, draw_discs
from desktop.rendering.theme import TimelineTheme

LOOKS_PER_LANE = 6  # importance 1..3, each plain and dimmed
_LOOKS: dict[tuple[tuple[str, ...], tuple[str, ...]], DiscLooks] = {}

Dots = tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.int64]]  # xs, ys, look


def draw_markers(
    painter: QPainter, frame: Frame, scene: TimelineScene, theme: TimelineTheme, width: float
) -> None:
    """Markers by (lane, importance, dimmed), then source dots; selected ones get a ring."""
    markers = frame.markers
    inside = np.flatnonzero((markers.x > -8) & (markers.x < width + 8))
    if not len(inside):
        return
    dimmed = scene.dimmed[markers.ids[inside]].astype(np.int64)
    importance = np.clip(markers.importance[inside], 1, 3)
    look = (markers.lane[inside] * 3 + importance - 1) * 2 + dimmed
    dots = [(markers.x[inside], markers.y[inside], look), _source_dots(frame, scene, inside)]
    looks = _disc_looks(scene)
    if theme.shapes:
        _draw_shaped(painter, dots[0], scene, markers.lane[inside])
        _draw_points(painter, dots[1], looks)
    elif can_blit(painter):
        ordered = [_by_look(part) for part in dots]
        xs, ys, chosen = (np.concatenate([part[k] for part in ordered]) for k in range(3))
        draw_discs(painter, (xs, ys), chosen, looks)
    else:
        for part in dots:
            _draw_points(painter, part, looks)
    if scene.selected:
        ring = QPen(theme.highlight, 2.0)
        ring.setCosmetic(True)
        painter.setPen(ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for k in inside[np.isin(markers.ids[inside], list(scene.selected))].tolist():
            painter.drawEllipse(QPointF(markers.x[k], markers.y[k]), 7.0, 7.0)


def _draw_shaped(
    painter: QPainter, dots: Dots, scene: TimelineScene, lanes: NDArray[np.int64]
) -> None:
    """Markers as their lane's shape (print theme), one path per (lane, importance)."""
    xs, ys, look = dots
    colors = lane_colors(scene)
    importance = (look // 2) % 3 + 1
    for lane in np.unique(lanes).tolist():
        for level in (3, 2, 1):
            mine = (lanes == lane) & (importance == level)
            if mine.any():
                color = colors[lane]
                size = MARKER_SIZE[level] + 1.0
                draw_shapes(painter, xs[mine], ys[mine], lane, size, (color, color.darker(170)))


def _by_look(dots: Dots) -> Dots:
    order = np.argsort(dots[2], kind="stable")
    return dots[0][order], dots[1][order], dots[2][order]


def _disc_looks(scene: TimelineScene) -> DiscLooks:
    """Every lane's marker looks (``LOOKS_PER_LANE`` each), then every source's dot look."""
    key = (
        tuple(lane.color for lane in scene.data.lanes),
        tuple(source.color for source in scene.data.sources),
    )
    found = _LOOKS.get(key)
    if found is None:
        if len(_LOOKS) > 64:
            _LOOKS.clear()
        looks = [
            (faded(color, DIM_ALPHA if dim else 1.0), MARKER_SIZE[importance])
            for color in lane_colors(scene)
            for importance in (1, 2, 3)
            for dim in (0, 1)
        ]
        looks += [(QColor(color), DOT_PX) for color in key[1]]
        found = _LOOKS[key] = DiscLooks(key, tuple(looks))
    return found


def _source_dots(frame: Frame, scene: TimelineScene, inside: NDArray[np.int64]) -> Dots:
    """Small dots under each marker ``inside``, one per covering source (look: the lanes' looks,
    then one per source)."""
    data = scene.data
    empty = np.empty(0), np.empty(0), np.empty(0, np.int64)
    if not len(data.coverage_src):
        return empty
    markers = frame.markers
    ids = markers.ids[inside]
    counts = data.coverage_ptr[ids + 1] - data.coverage_ptr[ids]
    has = counts > 0
    if not has.any():
        return empty
    owner = np.repeat(np.arange(len(ids))[has], counts[has])
    starts = np.repeat(data.coverage_ptr[ids[has]], counts[has])
    within = np.arange(len(owner)) - np.repeat(np.cumsum(counts[has]) - counts[has], counts[has])
    source = data.coverage_src[starts + within]
    total = counts[owner]
    xs = markers.x[inside][owner] + (within - (total - 1) / 2) * (DOT_PX + 1.5)
    ys = markers.y[inside][owner] + MARKER_SIZE[1] / 2 + 3.5
    return xs, ys, LOOKS_PER_LANE * len(data.lanes) + source


def _draw_points(painter: QPainter, dots: Dots, looks: DiscLooks) -> None:
    """Filled discs as round points (vector devices), one call per look in look order."""
    xs, ys, look = dots
    for k in np.unique(look).tolist():
        mine = look == k
        color, diameter = looks.looks[k]
        pen = QPen(color, diameter)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPoints(polygon_of(xs[mine], ys[mine]))
