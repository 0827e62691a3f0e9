"""Drawing the laid-out items of one frame: bars, markers, source dots, clusters and labels.

Only what lies in ``[0, width)`` is drawn; glyphs of one look are batched into one QPainter call
(points are written into a QPolygonF straight from numpy), so a frame costs a few calls per lane.
On raster devices discs and cluster counts are blitted from cached sprites (``sprites``).
"""

from __future__ import annotations

import ctypes
from typing import cast

import numpy as np
import shiboken6
from numpy.typing import NDArray
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QLinearGradient,
    QPainter,
    QPen,
    QPolygonF,
)

from desktop.core.timeline.frame import Bars, Clusters, Frame
from desktop.core.timeline.scene import TimelineScene
from desktop.rendering.paint_shapes import hatch_bars
from desktop.rendering.sprites import address_of, can_blit, draw_digits, number_widths
from desktop.rendering.text import TextCache
from desktop.rendering.text_sprites import TextBlitter, can_blit_text
from desktop.rendering.theme import TimelineTheme

MARKER_SIZE = {1: 10.0, 2: 8.0, 3: 6.0}
DOT_PX = 4.0
DIM_ALPHA = 0.22
FADE_PX = 14.0
FADE_STEPS = 8


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
    Leaves the painter with no pen and ``color`` as its brush."""
    if len(x):
        draw_rect_rows(painter, rect_rows(x, y, w, h), color)


def rect_rows(
    x: NDArray[np.float64],
    y: NDArray[np.float64],
    w: NDArray[np.float64] | float,
    h: NDArray[np.float64] | float,
) -> NDArray[np.float64]:
    """The rectangles ``(x[k], y[k], w[k], h[k])`` as rows of a numpy array laid out like a C
    array of QRectF (any run of rows can go to ``draw_rect_rows``)."""
    rows = np.empty((len(x), 4), np.float64)
    rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3] = x, y, w, h
    return rows


def draw_rect_rows(painter: QPainter, rows: NDArray[np.float64], color: QColor) -> None:
    """Fill the rectangles ``rows`` (from ``rect_rows``, C-contiguous) in ``color`` with one
    ``drawRects`` call: Qt reads them from the numpy buffer (the pointer-and-count overload), no
    Python object per rectangle. Leaves the painter with no pen and ``color`` as its brush."""
    count = len(rows)
    if not count:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    first = shiboken6.wrapInstance(address_of(rows), QRectF)  # a view: rows must outlive it
    assert isinstance(first, QRectF)
    painter.drawRects(first, count)
    del first


def lane_runs(lanes: NDArray[np.int64]) -> list[tuple[int, int, int]]:
    """(lane, start, stop) of each run of equal values in ``lanes`` (sorted by lane)."""
    if not len(lanes):
        return []
    starts = np.flatnonzero(np.diff(lanes)) + 1
    bounds = [0, *starts.tolist(), len(lanes)]
    values = lanes[bounds[:-1]].tolist()
    return [(int(v), bounds[k], bounds[k + 1]) for k, v in enumerate(values)]


def draw_point_pairs(painter: QPainter, pairs: QPolygonF) -> None:
    """``drawLines`` over consecutive point pairs, handing Qt the polygon's own buffer (the
    binding accepts a QPolygonF as its QList<QPointF>; the stubs only list Python sequences)."""
    painter.drawLines(pairs)  # type: ignore[call-overload]


_LANE_COLORS: dict[tuple[str, ...], list[QColor]] = {}
_FILLS: dict[tuple[tuple[str, ...], int], list[QColor]] = {}


def lane_colors(scene: TimelineScene) -> list[QColor]:
    """One QColor per shown lane (shared across frames: do not modify them)."""
    key = tuple(lane.color for lane in scene.data.lanes)
    found = _LANE_COLORS.get(key)
    if found is None:
        if len(_LANE_COLORS) > 64:
            _LANE_COLORS.clear()
        found = _LANE_COLORS[key] = [QColor(color) for color in key]
    return found


def _pill_fills(scene: TimelineScene, background: QColor) -> list[QColor]:
    """Per lane, the opaque inner fill of its cluster pills over ``background``."""
    key = (tuple(lane.color for lane in scene.data.lanes), background.rgba())
    found = _FILLS.get(key)
    if found is None:
        if len(_FILLS) > 64:
            _FILLS.clear()
        found = _FILLS[key] = [mixed(color, background, 0.25) for color in lane_colors(scene)]
    return found


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
    data, ids = scene.data, bars.ids[inside]
    special = (
        data.soft[ids]
        | scene.dimmed[ids]
        | (data.fuzzy_lo[ids] < data.rows.t_lo[ids])
        | (data.fuzzy_hi[ids] > data.rows.t_hi[ids])
    )
    colors = lane_colors(scene)
    h = frame.metrics.row_px - 3.0
    x0 = np.maximum(bars.x0[inside], -2.0)
    x1 = np.maximum(np.minimum(bars.x1[inside], width + 2.0), x0 + 1.0)
    ys = bars.y[inside] + 1.0
    lanes = bars.lane[inside]
    tinted = _over_eras(scene, frame, x0, x1)
    keys = lanes * 2 + tinted
    plain = np.flatnonzero(~special)
    plain = plain[np.argsort(keys[plain], kind="stable")]
    rows = rect_rows(x0[plain], ys[plain], x1[plain] - x0[plain], h)
    for key, lo, hi in lane_runs(keys[plain]):
        lane, over_era = divmod(key, 2)
        color = _bar_color(colors[lane], theme, lane, bool(over_era))
        draw_rect_rows(painter, rows[lo:hi], color)
    painter.setPen(Qt.PenStyle.NoPen)
    stepped = not can_blit(painter)  # vector files: poppler and browsers drop alpha gradients
    for k in np.flatnonzero(special).tolist():
        index = int(inside[k])
        _draw_soft_bar(painter, frame, scene, index, colors[int(bars.lane[index])], (h, stepped))
    if theme.shapes:
        _hatch(painter, bars, inside, (x0, x1, ys, h), colors)
    _outline_selected(painter, frame, scene, theme, inside, h)


def _hatch(
    painter: QPainter,
    bars: Bars,
    inside: NDArray[np.int64],
    extents: tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], float],
    colors: list[QColor],
) -> None:
    """Each lane's hatch over its bars (print theme: lanes apart without colour)."""
    x0, x1, ys, h = extents
    lanes = bars.lane[inside]
    for lane in np.unique(lanes).tolist():
        mine = np.flatnonzero(lanes == lane).tolist()
        rects = [QRectF(x0[k], ys[k], x1[k] - x0[k], h) for k in mine]
        hatch_bars(painter, rects, lane, colors[lane].darker(170))


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
    painter: QPainter,
    frame: Frame,
    scene: TimelineScene,
    index: int,
    color: QColor,
    style: tuple[float, bool],
) -> None:
    """A bar with soft (imprecise) edges and circa fades beyond its firm extent. ``style``:
    the bar height and whether the fades are drawn as steps of flat colour (vector files: a
    gradient with alpha stops comes out solid in some PDF and SVG viewers)."""
    h, stepped = style
    bars, data, scale = frame.bars, scene.data, frame.scale
    item = int(bars.ids[index])
    alpha = DIM_ALPHA if scene.dimmed[item] else 0.55
    x0, x1, y = float(bars.x0[index]), float(bars.x1[index]), float(bars.y[index]) + 1.0
    f0, f1 = scale.x_of(float(data.fuzzy_lo[item])), scale.x_of(float(data.fuzzy_hi[item]))
    fade = min(FADE_PX, (x1 - x0) / 4) if data.soft[item] else 0.0
    left, right = min(f0, x0), max(f1, x1)
    painter.setPen(Qt.PenStyle.NoPen)
    if stepped:
        _stepped_fades(painter, (left, x0 + fade, x1 - fade, right), (y, h), color, alpha)
        return
    gradient = QLinearGradient(left, 0.0, right, 0.0)
    span = max(right - left, 1e-6)
    gradient.setColorAt(0.0, faded(color, 0.0))
    gradient.setColorAt((x0 - left + fade) / span, faded(color, alpha))
    gradient.setColorAt((x1 - left - fade) / span, faded(color, alpha))
    gradient.setColorAt(1.0, faded(color, 0.0))
    painter.setBrush(QBrush(gradient))
    painter.drawRect(QRectF(left, y, right - left, h))


def _stepped_fades(
    painter: QPainter,
    xs: tuple[float, float, float, float],
    band: tuple[float, float],
    color: QColor,
    alpha: float,
) -> None:
    """A flat bar from ``xs[1]`` to ``xs[2]`` with fades from ``xs[0]`` and to ``xs[3]`` as
    ``FADE_STEPS`` flat steps each, the same look as the gradient.

    The steps are nested, not side by side: each layer spans the next step inwards on both
    sides up to the opposite one, adding just enough opacity to reach its step's. Side by side,
    renderers that smooth every edge (PDFium, Chrome's viewer) draw a seam where two steps
    meet; nested, an edge only ever lies on the layer under it."""
    left, solid0, solid1, right = xs
    y, h = band
    if solid1 <= solid0:
        solid0 = solid1 = (solid0 + solid1) / 2
    steps = FADE_STEPS if abs(solid0 - left) >= 0.5 or abs(right - solid1) >= 0.5 else 0
    lo_step, hi_step = (solid0 - left) / max(steps, 1), (right - solid1) / max(steps, 1)
    reached = 0.0  # opacity of the layers drawn so far
    for k in range(steps + 1):
        share = alpha * (k + 0.5) / FADE_STEPS if k < steps else alpha
        a, b = left + k * lo_step, right - k * hi_step
        if b - a <= 0.0 or share <= reached:
            continue
        painter.fillRect(QRectF(a, y, b - a, h), faded(color, (share - reached) / (1 - reached)))
        reached = share


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


def lane_background(theme: TimelineTheme, lane: int) -> QColor:
    """The opaque background of ``lane``: even lanes are banded, odd ones plain."""
    if lane % 2:
        return theme.background
    return mixed(theme.band, theme.background, theme.band.alphaF())


_MIXED: dict[tuple[object, ...], QColor] = {}
MAX_MIXED = 256


def mixed(color: QColor, background: QColor, share: float) -> QColor:
    """The opaque colour of ``color`` at alpha ``share`` over ``background``. Kept by the two
    colours' exact components: a frame asks for the same dozen or so mixes (each ~3-6 us of
    binding calls to make), so callers share the colour and must not change it."""
    front, back = _components(color), _components(background)
    key = (front, back, share)
    found = _MIXED.get(key)
    if found is None:
        if len(_MIXED) >= MAX_MIXED:
            _MIXED.clear()
        rest = 1.0 - share
        found = _MIXED[key] = QColor.fromRgbF(
            front[0] * share + back[0] * rest,
            front[1] * share + back[1] * rest,
            front[2] * share + back[2] * rest,
        )
    return found


def _components(color: QColor) -> tuple[float, float, float, float]:
    """(red, green, blue, alpha) as ``redF()`` and the others give them, in one binding call."""
    return cast(tuple[float, float, float, float], color.getRgbF())


def draw_clusters(
    painter: QPainter,
    frame: Frame,
    scene: TimelineScene,
    text: TextCache,
    width: float,
    background: QColor,
) -> None:
    """Clusters as pills over their cells, with the count when it fits: per lane, the outline
    colour and the lighter fill each in one call."""
    clusters = frame.clusters
    inside = np.flatnonzero((clusters.x1 > 0) & (clusters.x0 < width))
    painter.setFont(text.font)
    inside = inside[np.argsort(clusters.lane[inside], kind="stable")]
    colors, fills = lane_colors(scene), _pill_fills(scene, background)
    x0 = clusters.x0[inside] + 1.0
    x1 = np.maximum(clusters.x1[inside] - 1.0, x0 + 4.0)
    ys = clusters.y[inside]
    outer = rect_rows(x0, ys - 6.0, x1 - x0, 12.0)
    inner = rect_rows(x0 + 1.0, ys - 5.0, (x1 - 1.0) - (x0 + 1.0), 10.0)
    for lane, lo, hi in lane_runs(clusters.lane[inside]):
        draw_rect_rows(painter, outer[lo:hi], colors[lane])
        draw_rect_rows(painter, inner[lo:hi], fills[lane])
    _draw_counts(painter, clusters, inside, (x0, x1), colors, text)


def _draw_counts(
    painter: QPainter,
    clusters: Clusters,
    inside: NDArray[np.int64],
    extents: tuple[NDArray[np.float64], NDArray[np.float64]],
    colors: list[QColor],
    text: TextCache,
) -> None:
    """Each cluster's count centred in its pill when it fits (``inside`` is sorted by lane):
    one blit on raster devices, else one pen change per lane."""
    x0, x1 = extents
    counts = clusters.count[inside]
    widths = number_widths(text.font, counts)
    fits = np.flatnonzero(widths + 6.0 <= x1 - x0)
    lanes = clusters.lane[inside[fits]]
    lefts = (x0[fits] + x1[fits] - widths[fits]) / 2
    tops = clusters.y[inside[fits]] - text.height / 2
    numbers = counts[fits]
    if can_blit(painter):
        draw_digits(painter, lefts, tops, numbers, text.font, (colors, lanes))
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
    metrics, height, dimmed = frame.metrics, text.height, scene.dimmed
    half, inset = height / 2, (frame.metrics.row_px - height) / 2
    painter.setFont(text.font)
    leader = QPen(theme.muted, 1.0)
    leader.setCosmetic(True)
    normal, dim = QPen(theme.text), QPen(faded(theme.text, 0.35))
    if can_blit_text(painter):
        _blit_labels(painter, frame, scene, (text, leader), (normal.color(), dim.color()))
        return
    current = None
    for label in frame.labels:
        y = label.y - half if label.kind == "marker" else label.y + inset
        if label.kind == "leader":
            painter.setPen(leader)
            current = leader
            top = label.anchor_y or metrics.strip_y(label.lane) + 5.0
            painter.drawLine(QPointF(label.anchor_x, top), QPointF(label.anchor_x, y + half))
        pen = dim if label.id >= 0 and dimmed[label.id] else normal
        if pen is not current:
            painter.setPen(pen)
            current = pen
        shown = text.elided(label.text, label.max_width)
        painter.drawStaticText(QPointF(label.x, y), text.static(shown))


def _blit_labels(
    painter: QPainter,
    frame: Frame,
    scene: TimelineScene,
    look: tuple[TextCache, QPen],
    colors: tuple[QColor, QColor],
) -> None:
    """``draw_labels`` on a raster device: the leader lines in one call, then each title
    blitted from its cached sprite (``text_sprites``)."""
    text, leader = look
    metrics, height, dimmed = frame.metrics, text.height, scene.dimmed
    half, inset = height / 2, (metrics.row_px - height) / 2
    lines: list[QLineF] = []
    for label in frame.labels:
        if label.kind == "leader":
            top = label.anchor_y or metrics.strip_y(label.lane) + 5.0
            bottom = label.y + inset + half
            lines.append(QLineF(label.anchor_x, top, label.anchor_x, bottom))
    if lines:
        painter.setPen(leader)
        painter.drawLines(lines)
    normal, dim = colors
    titles = []
    for label in frame.labels:
        y = label.y - half if label.kind == "marker" else label.y + inset
        color = dim if label.id >= 0 and dimmed[label.id] else normal
        titles.append((label.x, y, text.elided(label.text, label.max_width), color))
    TextBlitter(painter, text).draw_all(titles)
