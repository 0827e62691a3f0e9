"""Drawing the laid-out items of one frame: bars, markers, source dots, clusters and labels.

Only what lies in ``[0, width)`` is drawn; glyphs of one look are batched into one QPainter call
(points are written into a QPolygonF straight from numpy), so a frame costs a few calls per lane.
On raster devices discs and cluster counts are blitted from cached sprites (``sprites``).
"""

from __future__ import annotations

import ctypes

import numpy as np
import shiboken6
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen, QPolygonF

from desktop.core.timeline.frame import Clusters, Frame
from desktop.core.timeline.scene import TimelineScene
from desktop.ui.timeline.sprites import can_blit, draw_digits, draw_discs, number_widths
from desktop.ui.timeline.text import TextCache
from desktop.ui.timeline.theme import TimelineTheme

MARKER_SIZE = {1: 10.0, 2: 8.0, 3: 6.0}
DOT_PX = 4.0
DIM_ALPHA = 0.22
FADE_PX = 14.0


def polygon_of(xs: NDArray[np.float64], ys: NDArray[np.float64]) -> QPolygonF:
    """A QPolygonF of the points (xs[k], ys[k]), filled from numpy without a Python loop."""
    polygon = QPolygonF()
    polygon.resize(len(xs))
    if len(xs):
        address = shiboken6.getCppPointer(polygon.data())[0]
        buffer = (ctypes.c_double * (2 * len(xs))).from_address(address)
        memory = np.frombuffer(buffer, np.float64).reshape(-1, 2)
        memory[:, 0] = xs
        memory[:, 1] = ys
    return polygon


def fill_rects(
    painter: QPainter,
    x: NDArray[np.float64],
    y: NDArray[np.float64],
    w: NDArray[np.float64],
    h: NDArray[np.float64] | float,
    color: QColor,
) -> None:
    """Fill the rectangles ``(x[k], y[k], w[k], h[k])`` in ``color`` with one ``drawRects`` call.

    The rectangles are written into one numpy buffer laid out like a C array of QRectF and Qt
    reads them from there (the pointer-and-count overload): no Python object per rectangle.
    Leaves the painter with no pen and ``color`` as its brush.
    """
    count = len(x)
    if not count:
        return
    buffer = np.empty((count, 4), np.float64)
    buffer[:, 0], buffer[:, 1], buffer[:, 2], buffer[:, 3] = x, y, w, h
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    first = shiboken6.wrapInstance(buffer.ctypes.data, QRectF)  # a view: buffer must outlive it
    assert isinstance(first, QRectF)
    painter.drawRects(first, count)
    del first


def draw_point_pairs(painter: QPainter, pairs: QPolygonF) -> None:
    """``drawLines`` over consecutive point pairs, handing Qt the polygon's own buffer (the
    binding accepts a QPolygonF as its QList<QPointF>; the stubs only list Python sequences)."""
    painter.drawLines(pairs)  # type: ignore[call-overload]


def lane_colors(scene: TimelineScene) -> list[QColor]:
    """One QColor per shown lane."""
    return [QColor(lane.color) for lane in scene.data.lanes]


def faded(color: QColor, alpha: float) -> QColor:
    """``color`` with alpha ``alpha``."""
    result = QColor(color)
    result.setAlphaF(alpha)
    return result


def draw_bars(
    painter: QPainter, frame: Frame, scene: TimelineScene, theme: TimelineTheme, width: float
) -> None:
    """Bars: plain ones batched per lane; soft, fuzzy, dimmed or selected ones one by one."""
    bars = frame.bars
    inside = np.flatnonzero((bars.x1 > 0) & (bars.x0 < width))
    if not len(inside):
        return
    data = scene.data
    special = (
        data.soft[bars.ids[inside]]
        | scene.dimmed[bars.ids[inside]]
        | (data.fuzzy_lo[bars.ids[inside]] < data.rows.t_lo[bars.ids[inside]])
        | (data.fuzzy_hi[bars.ids[inside]] > data.rows.t_hi[bars.ids[inside]])
    )
    colors = lane_colors(scene)
    h = frame.metrics.row_px - 3.0
    x0 = np.maximum(bars.x0[inside], -2.0)
    x1 = np.maximum(np.minimum(bars.x1[inside], width + 2.0), x0 + 1.0)
    ys = bars.y[inside] + 1.0
    lanes = bars.lane[inside]
    tinted = _over_eras(scene, frame, x0, x1)
    keys = np.where(special, -1, lanes * 2 + tinted)
    for key in np.unique(keys[~special]).tolist():
        mine = np.flatnonzero(keys == key)
        lane, over_era = divmod(key, 2)
        color = _bar_color(colors[lane], theme, lane, bool(over_era))
        fill_rects(painter, x0[mine], ys[mine], x1[mine] - x0[mine], h, color)
    painter.setPen(Qt.PenStyle.NoPen)
    for k in np.flatnonzero(special).tolist():
        index = int(inside[k])
        _draw_soft_bar(painter, frame, scene, index, colors[int(bars.lane[index])], h)
    _outline_selected(painter, frame, scene, theme, inside, h)


def _over_eras(
    scene: TimelineScene, frame: Frame, x0: NDArray[np.float64], x1: NDArray[np.float64]
) -> NDArray[np.bool_]:
    """Which of the extents ``[x0, x1)`` overlap an era's tint."""
    found = np.zeros(len(x0), np.bool_)
    for era in scene.data.eras:
        a, b = frame.scale.x_of(era.t_lo), frame.scale.x_of(era.t_hi)
        found |= (x1 > a) & (x0 < b)
    return found


def _bar_color(color: QColor, theme: TimelineTheme, lane: int, over_era: bool) -> QColor:
    """A plain bar's fill: translucent over an era's tint, else the same colour mixed opaque
    over the lane's background (Qt fills opaque spans several times faster)."""
    if over_era:
        return faded(color, 0.55)
    return mixed(color, lane_background(theme, lane), 0.55)


def _draw_soft_bar(
    painter: QPainter, frame: Frame, scene: TimelineScene, index: int, color: QColor, h: float
) -> None:
    """A bar with soft (imprecise) edges and circa fades beyond its firm extent."""
    bars, data, scale = frame.bars, scene.data, frame.scale
    item = int(bars.ids[index])
    alpha = DIM_ALPHA if scene.dimmed[item] else 0.55
    x0, x1, y = float(bars.x0[index]), float(bars.x1[index]), float(bars.y[index]) + 1.0
    f0, f1 = scale.x_of(float(data.fuzzy_lo[item])), scale.x_of(float(data.fuzzy_hi[item]))
    fade = min(FADE_PX, (x1 - x0) / 4) if data.soft[item] else 0.0
    left, right = min(f0, x0), max(f1, x1)
    gradient = QLinearGradient(left, 0.0, right, 0.0)
    span = max(right - left, 1e-6)
    gradient.setColorAt(0.0, faded(color, 0.0))
    gradient.setColorAt((x0 - left + fade) / span, faded(color, alpha))
    gradient.setColorAt((x1 - left - fade) / span, faded(color, alpha))
    gradient.setColorAt(1.0, faded(color, 0.0))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRect(QRectF(left, y, right - left, h))


def _outline_selected(
    painter: QPainter,
    frame: Frame,
    scene: TimelineScene,
    theme: TimelineTheme,
    inside: NDArray[np.int64],
    h: float,
) -> None:
    if not scene.selected:
        return
    bars = frame.bars
    chosen = inside[np.isin(bars.ids[inside], list(scene.selected))]
    pen = QPen(theme.highlight, 2.0)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for k in chosen.tolist():
        painter.drawRect(QRectF(bars.x0[k], bars.y[k] + 1.0, bars.x1[k] - bars.x0[k], h))


def draw_markers(
    painter: QPainter, frame: Frame, scene: TimelineScene, theme: TimelineTheme, width: float
) -> None:
    """Markers batched per (lane, importance, dimmed); selected ones get a highlight ring."""
    markers = frame.markers
    inside = np.flatnonzero((markers.x > -8) & (markers.x < width + 8))
    if not len(inside):
        return
    colors = lane_colors(scene)
    dimmed = scene.dimmed[markers.ids[inside]]
    keys = markers.lane[inside] * 8 + np.clip(markers.importance[inside], 1, 3) * 2 + dimmed
    blit = can_blit(painter)
    for key in np.unique(keys).tolist():
        lane, rest = divmod(key, 8)
        importance, dim = divmod(rest, 2)
        mine = inside[keys == key]
        color = faded(colors[lane], DIM_ALPHA if dim else 1.0)
        at = (markers.x[mine], markers.y[mine])
        _draw_dots(painter, at, color, MARKER_SIZE[importance], blit)
    _draw_source_dots(painter, frame, scene, inside)
    if scene.selected:
        ring = QPen(theme.highlight, 2.0)
        ring.setCosmetic(True)
        painter.setPen(ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for k in inside[np.isin(markers.ids[inside], list(scene.selected))].tolist():
            painter.drawEllipse(QPointF(markers.x[k], markers.y[k]), 7.0, 7.0)


def _draw_source_dots(
    painter: QPainter, frame: Frame, scene: TimelineScene, inside: NDArray[np.int64]
) -> None:
    """Small dots under each marker, one per covering source, in the source's colour."""
    data = scene.data
    if not len(data.coverage_src):
        return
    markers = frame.markers
    ids = markers.ids[inside]
    counts = data.coverage_ptr[ids + 1] - data.coverage_ptr[ids]
    has = counts > 0
    if not has.any():
        return
    owner = np.repeat(np.arange(len(ids))[has], counts[has])
    starts = np.repeat(data.coverage_ptr[ids[has]], counts[has])
    within = np.arange(len(owner)) - np.repeat(np.cumsum(counts[has]) - counts[has], counts[has])
    source = data.coverage_src[starts + within]
    total = counts[owner]
    xs = markers.x[inside][owner] + (within - (total - 1) / 2) * (DOT_PX + 1.5)
    ys = markers.y[inside][owner] + MARKER_SIZE[1] / 2 + 3.5
    blit = can_blit(painter)
    for s in np.unique(source).tolist():
        mine = source == s
        _draw_dots(painter, (xs[mine], ys[mine]), QColor(data.sources[s].color), DOT_PX, blit)


def _draw_dots(
    painter: QPainter,
    at: tuple[NDArray[np.float64], NDArray[np.float64]],
    color: QColor,
    diameter: float,
    blit: bool,
) -> None:
    """Filled discs centred at ``at``: blitted sprites, or round points on vector devices."""
    if blit:
        draw_discs(painter, at[0], at[1], color, diameter)
        return
    pen = QPen(color, diameter)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawPoints(polygon_of(*at))


def lane_background(theme: TimelineTheme, lane: int) -> QColor:
    """The opaque background of ``lane``: even lanes are banded, odd ones plain."""
    if lane % 2:
        return theme.background
    return mixed(theme.band, theme.background, theme.band.alphaF())


def mixed(color: QColor, background: QColor, share: float) -> QColor:
    """The opaque colour of ``color`` at alpha ``share`` over ``background``."""
    rest = 1.0 - share
    return QColor.fromRgbF(
        color.redF() * share + background.redF() * rest,
        color.greenF() * share + background.greenF() * rest,
        color.blueF() * share + background.blueF() * rest,
    )


def draw_clusters(  # noqa: PLR0913 - the frame, its scene and how to draw it
    painter: QPainter,
    frame: Frame,
    scene: TimelineScene,
    text: TextCache,
    width: float,
    background: QColor,
) -> None:
    """Clusters as pills over their cells, with the count when it fits."""
    clusters = frame.clusters
    inside = np.flatnonzero((clusters.x1 > 0) & (clusters.x0 < width))
    painter.setFont(text.font)
    colors = lane_colors(scene)
    x0 = clusters.x0[inside] + 1.0
    x1 = np.maximum(clusters.x1[inside] - 1.0, x0 + 4.0)
    fills = [mixed(color, background, 0.25) for color in colors]
    ys = clusters.y[inside]
    for lane in np.unique(clusters.lane[inside]).astype(np.int64).tolist():
        mine = np.flatnonzero(clusters.lane[inside] == lane)
        for color, tall, inset in ((colors[lane], 12.0, 0.0), (fills[lane], 10.0, 1.0)):
            a, b = x0[mine] + inset, x1[mine] - inset
            fill_rects(painter, a, ys[mine] - tall / 2, b - a, tall, color)
    _draw_counts(painter, clusters, inside, (x0, x1), colors, text)


def _draw_counts(  # noqa: PLR0913 - the clusters, where they are drawn and how
    painter: QPainter,
    clusters: Clusters,
    inside: NDArray[np.int64],
    extents: tuple[NDArray[np.float64], NDArray[np.float64]],
    colors: list[QColor],
    text: TextCache,
) -> None:
    """Each cluster's count centred in its pill when it fits: one blit per lane on raster
    devices, else one pen change per lane."""
    x0, x1 = extents
    counts = clusters.count[inside]
    widths = number_widths(text.font, counts)
    fits = np.flatnonzero(widths + 6.0 <= x1 - x0)
    fits = fits[np.argsort(clusters.lane[inside[fits]], kind="stable")]
    lanes = clusters.lane[inside[fits]]
    lefts = (x0[fits] + x1[fits] - widths[fits]) / 2
    tops = clusters.y[inside[fits]] - text.height / 2
    numbers = counts[fits]
    if can_blit(painter):
        for lane in np.unique(lanes).tolist():
            mine = lanes == lane
            draw_digits(painter, lefts[mine], tops[mine], numbers[mine], text.font, colors[lane])
        return
    pen_lane = -1
    for lane, count, x, y in zip(
        lanes.tolist(), numbers.tolist(), lefts.tolist(), tops.tolist(), strict=True
    ):
        if lane != pen_lane:
            painter.setPen(colors[int(lane)])
            pen_lane = lane
        painter.drawStaticText(QPointF(x, y), text.static(str(int(count))))


def draw_labels(
    painter: QPainter, frame: Frame, scene: TimelineScene, theme: TimelineTheme, text: TextCache
) -> None:
    """Titles as the layout placed them; leader labels get a thin line up to their marker."""
    metrics = frame.metrics
    half = text.height / 2
    painter.setFont(text.font)
    leader = QPen(theme.muted, 1.0)
    leader.setCosmetic(True)
    normal, dim = QPen(theme.text), QPen(faded(theme.text, 0.35))
    for label in frame.labels:
        if label.kind == "marker":
            y = label.y - half
        else:
            y = label.y + (metrics.row_px - text.height) / 2
        if label.kind == "leader":
            painter.setPen(leader)
            top = metrics.strip_y(label.lane) + 5.0
            painter.drawLine(QPointF(label.anchor_x, top), QPointF(label.anchor_x, y + half))
        painter.setPen(dim if label.id >= 0 and scene.dimmed[label.id] else normal)
        shown = text.elided(label.text, label.max_width)
        painter.drawStaticText(QPointF(label.x, y), text.static(shown))
