"""The overview strip: the whole library in miniature with the visible window as a brush.

Drag the brush to move the window, drag its edges to resize it, click elsewhere to centre the
window there. Event density is drawn from a histogram (numpy), not per event, into a
picture kept until the events shown, the strip's size or its scale change: a repaint for the
brush or a selection only copies it, and going back to one of the last few filters (whose
events the view's store keeps) draws the picture it had.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from desktop.core.timeline.scale import TimeScale
from desktop.rendering.paint_items import fill_rects
from desktop.ui.timeline.view import TimelineView

EDGE_PX = 6.0
BINS_PER_PX = 0.5
KEPT_PICTURES = 4  # density pictures kept: of the last few filters' events (an importance level)


class OverviewStrip(QWidget):
    """A thin strip under ``view`` showing all events and ``view``'s window."""

    def __init__(self, view: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setFixedHeight(44)
        self.setMouseTracking(True)
        self._grab: tuple[str, float, TimeScale] | None = None
        self._density: list[tuple[tuple[object, ...], QPixmap]] = []  # (what it shows, it)
        view.scale_changed.connect(self.update)

    def full_scale(self) -> TimeScale:
        """The strip's own scale: all shown events plus the view's window, with a margin."""
        bounds = self.view.scene.bounds() or (self.view.scale.t0, self.view.scale.t1)
        lo, hi = min(bounds[0], self.view.scale.t0), max(bounds[1], self.view.scale.t1)
        return TimeScale(0.0, 1.0, float(max(1, self.width()))).fit(lo, hi, margin=0.02)

    def brush_rect(self) -> QRectF:
        """Where the view's window is drawn."""
        full, scale = self.full_scale(), self.view.scale
        x0, x1 = full.x_of(scale.t0), full.x_of(scale.t1)
        return QRectF(x0, 1.0, max(x1 - x0, 3.0), self.height() - 2.0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(palette.ColorRole.AlternateBase))
        full = self.full_scale()
        self._draw_density(painter, full)
        brush = self.brush_rect()
        highlight = QColor(palette.color(palette.ColorRole.Highlight))
        fill = QColor(highlight)
        fill.setAlphaF(0.18)
        painter.setBrush(fill)
        pen = QPen(highlight, 1.5)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawRect(brush)
        painter.end()

    def _draw_density(self, painter: QPainter, full: TimeScale) -> None:
        store = self.view.scene.store
        lanes = self.view.scene.data.lanes
        if not len(store) or not lanes:
            return
        ratio = self.devicePixelRatioF()
        # the picture counts starts per lane: a retitled store shares those arrays, keeps it
        size = (self.width(), self.height(), full.t0, full.t1, ratio)
        shown: tuple[object, ...] = (store.t_lo, store.lane, *size, lanes)
        kept = self._density
        found = next((k for k, (was, _) in enumerate(kept) if _same(was, shown)), None)
        if found is None:
            picture = QPixmap(self.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            drawer = QPainter(picture)
            self._paint_density(drawer, full)
            drawer.end()
            kept.append((shown, picture))
            del kept[:-KEPT_PICTURES]
        else:
            kept.append(kept.pop(found))  # the most recent last
        painter.drawPixmap(0, 0, kept[-1][1])

    def _paint_density(self, painter: QPainter, full: TimeScale) -> None:
        store = self.view.scene.store
        lanes = self.view.scene.data.lanes
        bins = max(1, int(self.width() * BINS_PER_PX))
        row_h = (self.height() - 4.0) / len(lanes)
        edges = np.linspace(full.t0, full.t1, bins + 1)
        for lane, info in enumerate(lanes):  # one drawRects per lane
            mine = store.t_lo[store.lane == lane]
            counts, _ = np.histogram(mine, edges)
            peak = max(1, int(counts.max()))
            bins_used = np.flatnonzero(counts)
            level = 0.35 + 0.65 * counts[bins_used] / peak
            top = 2.0 + lane * row_h + row_h * (1 - level)
            xs, widths = bins_used / BINS_PER_PX, np.full(len(bins_used), 2.0)
            fill_rects(painter, xs, top, widths, row_h * level, QColor(info.color))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        brush = self.brush_rect()
        if abs(x - brush.left()) <= EDGE_PX:
            part = "left"
        elif abs(x - brush.right()) <= EDGE_PX:
            part = "right"
        elif brush.left() < x < brush.right():
            part = "move"
        else:
            self.centre_on(x)
            part = "move"
        self._grab = (part, x, self.view.scale)

    def centre_on(self, x: float) -> None:
        """Move the window so that its centre is at strip position ``x``."""
        scale, t = self.view.scale, self.full_scale().t_of(x)
        self.view.set_scale(TimeScale(t - scale.span / 2, t + scale.span / 2, scale.width_px))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._grab is None:
            return
        part, start_x, start = self._grab
        full = self.full_scale()
        shift = (event.position().x() - start_x) * full.days_per_px
        t0, t1 = start.t0, start.t1
        if part == "move":
            t0, t1 = t0 + shift, t1 + shift
        elif part == "left":
            t0 = min(t0 + shift, t1 - 1.0)
        else:
            t1 = max(t1 + shift, t0 + 1.0)
        self.view.set_scale(TimeScale(t0, t1, start.width_px))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._grab = None


def _same(old: tuple[object, ...], new: tuple[object, ...]) -> bool:
    """True when both keys hold the very same start and lane arrays, size, scale and lanes."""
    return old[0] is new[0] and old[1] is new[1] and old[2:] == new[2:]
