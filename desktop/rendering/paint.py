"""The one paint routine of the timeline (STYLE.md point 3): the widget and image export call it.

``paint_timeline`` draws onto any QPainter (widget, QImage, QSvgGenerator, QPdfWriter) inside
``rect``; it never asks a widget for its size. It returns the laid-out ``Frame`` in coordinates
relative to ``rect``'s top-left corner, which the widget keeps for hit testing.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

from desktop.core.timeline.frame import Frame, LaneMetrics
from desktop.core.timeline.layout import TimelineLayout
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.scene import TimelineScene
from desktop.core.timeline.store import EventStore
from desktop.core.timeline.tick_units import MONTH_ABBREVIATIONS
from desktop.core.timeline.ticks import LABEL_PAD, TickCache
from desktop.model.dates import display_year, from_day_number
from desktop.rendering.paint_backdrop import fill_lanes, textured
from desktop.rendering.paint_items import (
    draw_bars,
    draw_clusters,
    draw_labels,
    draw_point_pairs,
    faded,
    fill_rects,
    lane_background,
    lane_colors,
    mixed,
    polygon_of,
)
from desktop.rendering.paint_legend import LEGEND_PX, draw_legend, legend_layout
from desktop.rendering.paint_legend import NO_LEGEND as _NO_LEGEND
from desktop.rendering.paint_markers import draw_markers
from desktop.rendering.sprites import fixed_transform
from desktop.rendering.text import TextCache, text_cache
from desktop.rendering.text_sprites import TextBlitter, can_blit_text
from desktop.rendering.theme import TimelineTheme

AXIS_PX = 36.0
TITLE_PX = 28.0
FOOTER_PX = 20.0
ROW_PX = 17.0
MAX_ROWS = 8  # per lane, before lanes are compacted to the rows they use
STRIP_PX = 24.0
SPARE_PX = 4.0  # below the footer
NAME_PAD = 10.0  # a lane name's backing reaches this far past its text


@dataclass(frozen=True)
class PaintOptions:
    """Extras that image export turns on; ``zoom_box`` is the widget's rubber band (x0, x1).

    ``fit_content``: every lane may use ``MAX_ROWS`` rows and is then as tall as the rows it
    uses (the picture's height comes from ``content_height``). ``footer_extra`` is appended to
    the footer (what was filtered). ``whole_titles``: titles are never elided (a figure): one
    that finds no room is left out, and the footer counts the events shown without a title."""

    title: str = ""
    legend: bool = False
    footer: bool = False
    zoom_box: tuple[float, float] | None = None
    fit_content: bool = False
    footer_extra: str = ""
    whole_titles: bool = False


_LAYOUTS: weakref.WeakKeyDictionary[EventStore, dict[tuple[object, ...], TimelineLayout]] = (
    weakref.WeakKeyDictionary()
)


_TICKS: dict[str, TickCache] = {}


def ticks_for(text: TextCache) -> TickCache:
    """The tick cache of this font (kept across frames: panning and zooming reuse its ticks)."""
    key = text.key
    found = _TICKS.get(key)
    if found is None:
        found = _TICKS[key] = TickCache(text.measure())
    return found


def forget_layouts() -> None:
    """Drop every cached layout (benchmarks start each pass from nothing with it)."""
    _LAYOUTS.clear()


def layout_for(store: EventStore, metrics: LaneMetrics, text: TextCache) -> TimelineLayout:
    """The cached layout of ``store`` for these metrics and this font."""
    per_store = _LAYOUTS.get(store)
    if per_store is None:
        per_store = _LAYOUTS[store] = _carried_layouts(store)
    key = (metrics, text.key)
    found = per_store.get(key)
    if found is None:
        found = per_store[key] = TimelineLayout(store, text.measure(), metrics)
    return found


def _carried_layouts(store: EventStore) -> dict[tuple[object, ...], TimelineLayout]:
    """The layouts of the store ``store`` was copied from with a few rows changed, carried
    over to it (an edit of a title keeps the groupings laid out)."""
    origin = store.origin
    older = None if origin is None else origin.store()
    if older is None or older not in _LAYOUTS:
        return {}
    return {key: layout.carried(store) for key, layout in _LAYOUTS[older].items()}


def lane_metrics(scene: TimelineScene, top: float, height: float, header: float) -> LaneMetrics:
    """The row allowance for a band of ``height`` px from ``top``: every open lane may use up to
    ``MAX_ROWS`` rows (the layout then compacts lanes to what they use, within ``height``).
    When not even one row per lane fits, lanes show their marker strips only, so that every
    lane stays in view."""
    base = scene.data.metrics(top)
    lanes = len(scene.data.lanes)
    spare = height - lanes * (STRIP_PX + header)
    rows = max(0, min(MAX_ROWS, int(spare / ROW_PX)))
    lane_rows = tuple(rows if base.rows_of(k) > 0 else 0 for k in range(lanes))
    return LaneMetrics(top, STRIP_PX, ROW_PX, rows, lane_rows, header)


def paint_timeline(
    painter: QPainter,
    model: TimelineScene,
    scale: TimeScale,
    rect: QRectF,
    theme: TimelineTheme,
    options: PaintOptions | None = None,
) -> Frame:
    """Draw ``model`` at ``scale`` into ``rect``; the scale's width should equal rect's width."""
    options = options or PaintOptions()
    painter.save()
    painter.translate(rect.topLeft())
    width, height = rect.width(), rect.height()
    painter.setClipRect(QRectF(0.0, 0.0, width, height))
    with fixed_transform(painter):  # nothing below moves or scales the painter
        frame = _paint_inside(painter, model, scale, (width, height), theme, options)
    painter.restore()
    return frame


def _paint_inside(
    painter: QPainter,
    model: TimelineScene,
    scale: TimeScale,
    size: tuple[float, float],
    theme: TimelineTheme,
    options: PaintOptions,
) -> Frame:
    """``paint_timeline`` once the painter is moved to the rect's corner and clipped to it."""
    width, height = size
    text, small = text_cache(theme.font), text_cache(theme.small_font)
    top = TITLE_PX if options.title else 0.0
    legend = legend_layout(model, theme, width) if options.legend else _NO_LEGEND
    layout, band = _band_layout(model, theme, height, options, legend.rows)
    frame = layout.frame(scale, band, elide=not options.whole_titles)
    metrics = frame.metrics
    lanes_end = metrics.lane_top(len(model.data.lanes))
    bottom = lanes_end if options.fit_content else top + AXIS_PX + band
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # rectangles and lines
    _draw_backdrop(painter, model, frame, theme, (top, width, height))
    _draw_eras(painter, model, scale, metrics, theme, small)  # era tints lie over the grid
    _draw_lane_names(painter, model, metrics, theme, small)  # over the grid: lines stop at them
    draw_bars(painter, frame, model, theme, width)
    draw_clusters(painter, frame, model, small, width, theme.background)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)  # round glyphs
    draw_markers(painter, frame, model, theme, width)
    draw_labels(painter, frame, model, theme, text)
    draw_legend(painter, legend, theme, bottom)
    titled = len(frame.labels) if options.whole_titles else None
    _draw_extras(painter, model, (scale, titled), options, theme, (width, height, bottom))
    return frame


def content_height(
    model: TimelineScene,
    scale: TimeScale,
    theme: TimelineTheme,
    options: PaintOptions,
) -> float:
    """The height a ``fit_content`` picture of ``scale.width_px`` needs: title, axis, every lane
    as tall as the rows it uses at this scale, legend and footer; no blank band."""
    width = scale.width_px
    legend = legend_layout(model, theme, width) if options.legend else _NO_LEGEND
    tall = (MAX_ROWS + 1) * ROW_PX * max(1, len(model.data.lanes)) * 4.0
    layout, band = _band_layout(model, theme, tall, options, legend.rows)
    metrics = layout.frame(scale, band, elide=not options.whole_titles).metrics
    lanes = metrics.lane_top(len(model.data.lanes)) - metrics.top
    top = TITLE_PX if options.title else 0.0
    footer = FOOTER_PX if options.footer else 0.0
    return top + AXIS_PX + lanes + legend.rows * LEGEND_PX + footer + SPARE_PX


def prefetch_timeline(
    model: TimelineScene,
    scale: TimeScale,
    rect: QRectF,
    theme: TimelineTheme,
    options: PaintOptions | None = None,
) -> bool:
    """Idle work after a ``paint_timeline`` with the same arguments: lay out one grouping a zoom
    step away, so the next zoom step paints from it. False when there is nothing left to do."""
    options = options or PaintOptions()
    legend = legend_layout(model, theme, rect.width()) if options.legend else _NO_LEGEND
    layout, _ = _band_layout(model, theme, rect.height(), options, legend.rows)
    return layout.prefetch(scale)


def laid_out_frame(
    model: TimelineScene,
    scale: TimeScale,
    rect: QRectF,
    theme: TimelineTheme,
    options: PaintOptions | None = None,
) -> Frame | None:
    """The frame a ``paint_timeline`` with these arguments would draw, when it needs no
    layout (it is the layout's last, or one an edit carried over), else None."""
    options = options or PaintOptions()
    legend = legend_layout(model, theme, rect.width()) if options.legend else _NO_LEGEND
    layout, band = _band_layout(model, theme, rect.height(), options, legend.rows)
    return layout.last_frame(scale, band, not options.whole_titles)


def _band_layout(
    model: TimelineScene, theme: TimelineTheme, height: float, options: PaintOptions, legend: int
) -> tuple[TimelineLayout, float]:
    """The layout of the lanes' band and the band's height, for a picture ``height`` px high
    with ``legend`` lines of legend."""
    top = TITLE_PX if options.title else 0.0
    bottom = height - legend * LEGEND_PX - (FOOTER_PX if options.footer else 0.0)
    if options.fit_content:
        bottom -= SPARE_PX
    band = bottom - top - AXIS_PX
    small = text_cache(theme.small_font)
    allowance = band if not options.fit_content else 1e9
    metrics = lane_metrics(model, top + AXIS_PX, allowance, small.height + 1.0)
    return layout_for(model.store, metrics, text_cache(theme.font)), band


def _draw_backdrop(
    painter: QPainter,
    model: TimelineScene,
    frame: Frame,
    theme: TimelineTheme,
    box: tuple[float, float, float],
) -> None:
    """The background, the lanes' bands and separators, the axis and the grid. On a raster
    device at scale 1 each lane is one textured fill
    (``paint_backdrop``) and the background is only filled where no lane lies."""
    top, width, height = box
    metrics, small, count = frame.metrics, text_cache(theme.small_font), len(model.data.lanes)
    if not textured(painter):
        painter.fillRect(QRectF(0.0, 0.0, width, height), theme.background)
        _draw_lane_bands(painter, model, metrics, theme, width)
        ticks = _draw_axis(painter, frame.scale, top, theme, small, width)
        _draw_grid(painter, ticks, metrics, model, theme)
        return
    lanes_top, lanes_end = metrics.lane_top(0), metrics.lane_top(count)
    painter.fillRect(QRectF(0.0, 0.0, width, lanes_top), theme.background)
    painter.fillRect(QRectF(0.0, lanes_end, width, height - lanes_end), theme.background)
    ticks = _draw_axis(painter, frame.scale, top, theme, small, width)
    looks = (lane_background(theme, 0), lane_background(theme, 1))
    fill_lanes(painter, metrics, count, (np.asarray(ticks, np.float64), theme.grid), looks, width)
    _draw_separators(painter, metrics, count, theme, width)


def _lanes_bottom(model: TimelineScene, metrics: LaneMetrics) -> float:
    count = len(model.data.lanes)
    return metrics.lane_top(count) if count else metrics.top


def _draw_lane_bands(
    painter: QPainter,
    model: TimelineScene,
    metrics: LaneMetrics,
    theme: TimelineTheme,
    width: float,
) -> None:
    """Alternating lane backgrounds and separators.

    The bands are filled opaque (the band colour mixed over the background: the same pixels as
    painting it translucent, at a fraction of the cost) in one call, the separators in another.
    """
    count = len(model.data.lanes)
    tops = np.array([metrics.lane_top(lane) for lane in range(count)], np.float64)
    heights = np.array([metrics.height_of(lane) for lane in range(count)], np.float64)
    band = lane_background(theme, 0)
    fill_rects(
        painter,
        np.zeros(len(tops[0::2])),
        tops[0::2],
        np.full(len(tops[0::2]), width),
        heights[0::2],
        band,
    )
    _draw_separators(painter, metrics, count, theme, width)


def _draw_separators(
    painter: QPainter, metrics: LaneMetrics, count: int, theme: TimelineTheme, width: float
) -> None:
    """A one-pixel line in the grid colour along the top of every lane."""
    tops = np.floor([metrics.lane_top(lane) for lane in range(count)])
    fill_rects(painter, np.zeros(count), tops, np.full(count, width), 1.0, theme.grid)


def _draw_lane_names(
    painter: QPainter,
    model: TimelineScene,
    metrics: LaneMetrics,
    theme: TimelineTheme,
    small: TextCache,
) -> None:
    """Each lane's name, top left, in its colour, on its lane's background: grid lines and era
    tints stop at the name instead of crossing it."""
    write = _writer(painter, small)
    for lane, color in enumerate(lane_colors(model)):
        y = metrics.lane_top(lane)
        name = _lane_name(model, lane)
        backing = QRectF(0.0, y + 1.0, small.width(name) + NAME_PAD, small.height)
        painter.fillRect(backing, lane_background(theme, lane))
        write(6.0, y + 1.0, name, color.darker(125) if not theme.dark else color.lighter(135))


def _draw_eras(
    painter: QPainter,
    model: TimelineScene,
    scale: TimeScale,
    metrics: LaneMetrics,
    theme: TimelineTheme,
    small: TextCache,
) -> None:
    bottom = _lanes_bottom(model, metrics)
    painter.setFont(small.font)
    for era in model.data.eras:
        x0, x1 = scale.x_of(era.t_lo), scale.x_of(era.t_hi)
        if x1 < 0 or x0 > scale.width_px:
            continue
        painter.fillRect(
            QRectF(x0, metrics.top, x1 - x0, bottom - metrics.top), faded(QColor(era.color), 0.18)
        )
        painter.setPen(theme.muted)
        painter.drawStaticText(
            QPointF(max(x0, 0.0) + 4.0, metrics.top + 2.0), small.static(era.name)
        )


def _draw_axis(
    painter: QPainter,
    scale: TimeScale,
    top: float,
    theme: TimelineTheme,
    small: TextCache,
    width: float,
) -> tuple[float, ...]:
    """The two-row axis (context above, ticks below); returns the major tick xs."""
    ticks = ticks_for(small).ticks(scale)
    painter.setFont(small.font)
    painter.fillRect(QRectF(0.0, top, width, AXIS_PX), mixed(theme.text, theme.background, 0.06))
    row = small.height
    xs = np.array([tick.x for tick in ticks.major], np.float64)
    _draw_tick_marks(painter, xs, (top + AXIS_PX - 6.0, top + AXIS_PX), theme.muted)
    shown = [
        tick
        for tick in ticks.major  # a cut-off number reads as another one ("008")
        if tick.x + LABEL_PAD >= 0.0 and tick.x + LABEL_PAD + small.width(tick.label) <= width
    ]
    titles = [(tick.x + LABEL_PAD, top + 2.0, tick.label, theme.text) for tick in ticks.context]
    titles += [(tick.x + LABEL_PAD, top + row + 3.0, tick.label, theme.muted) for tick in shown]
    _write_all(painter, small, titles)
    return tuple(xs.tolist())


def _write_all(
    painter: QPainter, text: TextCache, titles: list[tuple[float, float, str, QColor]]
) -> None:
    """Each of ``titles`` (x, y, title, colour) as ``_writer``'s ``write`` puts it, in order."""
    if can_blit_text(painter):
        TextBlitter(painter, text).draw_all(titles)
        return
    write = _writer(painter, text)
    for x, y, title, color in titles:
        write(x, y, title, color)


def _writer(painter: QPainter, text: TextCache) -> Callable[[float, float, str, QColor], None]:
    """``write(x, y, title, color)``: ``title`` with its top-left corner at (x, y) in ``text``'s
    font, blitted from a cached sprite on raster devices (``text_sprites``), else drawn."""
    if can_blit_text(painter):
        return TextBlitter(painter, text).draw
    painter.setFont(text.font)

    def write(x: float, y: float, title: str, color: QColor) -> None:
        painter.setPen(color)
        painter.drawStaticText(QPointF(x, y), text.static(title))

    return write


def _draw_tick_marks(
    painter: QPainter, xs: np.ndarray, span: tuple[float, float], color: QColor
) -> None:
    """One-pixel vertical lines at ``xs`` from ``span[0]`` to ``span[1]`` in ``color``. On a
    raster device at scale 1, moved by whole pixels, with whole-pixel ends they are filled as
    the rectangles a cosmetic aliased line covers there (column ``floor(x)``, both end rows):
    Qt strokes each line on its own, several times the cost of one ``drawRects``."""
    y0, y1 = span
    moved = painter.worldTransform()
    whole = all(float(v).is_integer() for v in (y0, y1, moved.dx(), moved.dy()))
    if whole and textured(painter):
        fill_rects(
            painter, np.floor(xs), np.full(len(xs), y0), np.ones(len(xs)), y1 - y0 + 1.0, color
        )
        return
    pen = QPen(color, 1.0)
    pen.setCosmetic(True)
    painter.setPen(pen)
    draw_point_pairs(painter, _vertical_lines(xs, y0, y1))


def _vertical_lines(xs: np.ndarray, y0: float, y1: float) -> QPolygonF:
    """Point pairs for ``drawLines``: one vertical line from y0 to y1 at each x."""
    return polygon_of(np.repeat(xs, 2), np.tile([y0, y1], len(xs)))


def _draw_grid(
    painter: QPainter,
    xs: tuple[float, ...],
    metrics: LaneMetrics,
    model: TimelineScene,
    theme: TimelineTheme,
) -> None:
    """Vertical lines at ``xs`` down every lane, as opaque one-pixel rectangles per lane in the
    grid colour mixed over that lane's background: the same pixels as a translucent line, but
    Qt blends a translucent column one scanline at a time, which costs ten times more. Lines
    left of a lane's name start below it: a vector file holds no line under the name."""
    count = len(model.data.lanes)
    if not xs or not count:
        return
    columns = np.floor(np.asarray(xs, np.float64))
    share = theme.grid.alphaF()
    names = _name_rights(model, text_cache(theme.small_font))
    for parity in (0, 1):
        lanes = range(parity, count, 2)
        tops = np.array([metrics.lane_top(k) for k in lanes], np.float64)
        heights = np.array([metrics.height_of(k) for k in lanes], np.float64)
        under = np.tile(columns, len(tops)) < np.repeat(names[parity::2], len(columns))
        drop = under * metrics.header_px  # below the lane's name line
        color = mixed(theme.grid, lane_background(theme, parity), share)
        fill_rects(
            painter,
            np.tile(columns, len(tops)),
            np.repeat(tops, len(columns)) + drop,
            np.ones(len(tops) * len(columns)),
            np.repeat(heights, len(columns)) - drop,
            color,
        )


def _name_rights(model: TimelineScene, small: TextCache) -> np.ndarray:
    """Per lane, where the backing of its name ends (see ``_draw_lane_names``)."""
    return np.array(
        [small.width(_lane_name(model, lane)) + NAME_PAD for lane in range(len(model.data.lanes))],
        np.float64,
    )


def _lane_name(model: TimelineScene, lane: int) -> str:
    return model.data.lanes[lane].name + (" ▸" if model.data.collapsed[lane] else "")


def _draw_extras(
    painter: QPainter,
    model: TimelineScene,
    shown: tuple[TimeScale, int | None],
    options: PaintOptions,
    theme: TimelineTheme,
    size: tuple[float, float, float],
) -> None:
    """Title, footer and the zoom box, when asked for; ``shown``: the scale and how many
    titles were drawn (None: not counted)."""
    width, height, bottom = size
    scale, titled = shown
    text = text_cache(theme.font)
    if options.title:
        title_font = text_cache(_bold(theme))
        painter.setPen(theme.text)
        painter.setFont(title_font.font)
        painter.drawStaticText(
            QPointF(8.0, (TITLE_PX - title_font.height) / 2), title_font.static(options.title)
        )
    if options.footer:
        note = footer_text(model, scale, options.footer_extra, titled)
        painter.setPen(theme.muted)
        painter.setFont(text.font)
        y = height - FOOTER_PX - (SPARE_PX if options.fit_content else 0.0) + 2.0
        painter.drawStaticText(QPointF(8.0, y), text.static(text.elided(note, width - 16.0)))
    if options.zoom_box is not None:
        x0, x1 = sorted(options.zoom_box)
        painter.setPen(QPen(theme.highlight, 1.0))
        painter.setBrush(faded(theme.highlight, 0.15))
        painter.drawRect(QRectF(x0, AXIS_PX, x1 - x0, height - AXIS_PX))


def shown_count(model: TimelineScene, scale: TimeScale) -> int:
    """How many of the scene's events overlap the scale's range (the events a picture shows)."""
    store = model.store
    if not len(store):
        return 0
    return int(np.count_nonzero((store.t_hi > scale.t0) & (store.t_lo < scale.t1)))


def footer_range(scale: TimeScale) -> str:
    """The range a picture shows, as people write dates ("1 Jun 2008 – 30 Nov 2025")."""
    return f"{_date_text(scale.t0)} – {_date_text(scale.t1)}"


def footer_text(
    model: TimelineScene, scale: TimeScale, extra: str = "", titled: int | None = None
) -> str:
    """The footer: the range shown, how many events it shows (and how many of them with their
    title, when ``titled`` counts the titles drawn), how many sources, ``extra``."""
    count = shown_count(model, scale)
    sources = len(model.data.sources)
    note = f"{footer_range(scale)} · {count} event{'s' * (count != 1)} shown"
    if titled is not None and titled < count:
        note += f", {titled} with {'its' if titled == 1 else 'their'} title"
    note += f" · {sources} source{'s' * (sources != 1)}"
    return f"{note} · {extra}" if extra else note


def _bold(theme: TimelineTheme) -> QFont:
    font = QFont(theme.font)
    font.setBold(True)
    if font.pixelSize() > 0:  # export fonts are set in whole pixels (image_themes)
        font.setPixelSize(round(font.pixelSize() * 1.25))
    else:
        font.setPointSizeF(font.pointSizeF() * 1.25)
    return font


def _date_text(t: float) -> str:
    year, month, day = from_day_number(t)
    return f"{day} {MONTH_ABBREVIATIONS[month - 1]} {display_year(year)}"
