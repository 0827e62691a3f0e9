"""The interactive timeline: zoom, pan, zoom box, hover, selection and keyboard navigation.

The view holds only view state (the ``TimeScale``, the ``LaneState``, the last frame for hit
testing); events, selection and filters live in the ``Workbench``. Painting goes through
``paint_timeline`` like every export does. When the event loop is idle after a paint, the view
lays out the groupings one zoom step in and out (``prefetch_timeline``), one per idle turn, so
the next wheel step paints without regrouping.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.core.catalog import Catalog
from desktop.core.timeline.frame import Frame
from desktop.core.timeline.from_catalog import rows_of_catalog, scene_data_from_catalog
from desktop.core.timeline.hit import cluster_at, cluster_positions, item_at
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.scene import SceneData, TimelineScene
from desktop.core.timeline.scene_patch import patched_scene_data
from desktop.core.timeline.store import EventStore
from desktop.core.workbench import Workbench
from desktop.model.changes import Changes
from desktop.model.dates import day_number
from desktop.rendering.paint import (
    AXIS_PX,
    STRIP_PX,
    PaintOptions,
    laid_out_frame,
    paint_timeline,
    prefetch_timeline,
)
from desktop.rendering.theme import TimelineTheme
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.timeline.interaction import event_tooltip, next_in_time, wheel_factor
from desktop.ui.timeline.lane_menu import show_lane_menu

HOME = (float(day_number(2008, 8, 7)), float(day_number(2025, 8, 8) + 1))
HOME_MARGIN = 0.03  # of the home range, free on each side so edge events show whole


def home_scale(width_px: float) -> TimeScale:
    """The opening window: 7 August 2008 – 8 August 2025 with a small margin each side."""
    return TimeScale(0.0, 1.0, width_px).fit(*HOME, margin=HOME_MARGIN)


KEY_ZOOM = 1.5
DRAG_THRESHOLD = 4.0


class TimelineView(QWidget):
    """The timeline widget. ``scale_changed`` fires whenever the visible window moves.

    Editing hooks (the view never writes to the library itself): with ``events_draggable``
    set, dragging an event emits ``event_drag_finished(key, new_t_lo, new_lane_key)`` on
    release instead of panning; a double-click on empty space emits
    ``empty_double_clicked(t, lane_key)``.
    """

    scale_changed = Signal()
    event_drag_finished = Signal(str, float, str)
    empty_double_clicked = Signal(float, str)

    def __init__(
        self, workbench: Workbench, signals: WorkbenchSignals, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 200)
        self.lane_state = LaneState()
        self.scale = home_scale(1000.0)
        self._kept: tuple[float, float] | None = (self.scale.t0, self.scale.t1)  # see resizeEvent
        self.frame: Frame | None = None
        self._press: QPointF | None = None
        self._press_scale = self.scale
        self._dragging = False
        self.events_draggable = False
        self._drag_key: str | None = None
        self._zoom_box: tuple[float, float] | None = None
        self._idle = QTimer(self, singleShot=True, interval=0)
        self._idle.timeout.connect(self._prefetch)
        self._data: SceneData = scene_data_from_catalog(workbench.catalog, self.lane_state)
        self._built_from = _frame_of(workbench.catalog)  # lanes and sources of the last build
        self._aligned: tuple[object, object, bool] | None = None  # see _rows_in_catalog_order
        self.scene: TimelineScene = self._make_scene()
        self._carried: EventStore | None = None
        self._look: TimelineTheme | None = None  # see _theme
        self._keep_lanes_reachable()
        signals.catalog_changed.connect(self._on_catalog)
        signals.filters_changed.connect(self._on_filters)
        signals.selection_changed.connect(self._on_selection)

    # -- model --------------------------------------------------------------------------
    def _make_scene(self) -> TimelineScene:
        filters, selection = self.workbench.filters, self.workbench.selection
        if not filters.active:
            return self._data.scene(None, filters.dim_instead_of_hide, selection)
        if self._rows_in_catalog_order():  # the filters' mask is the rows' (no key set)
            passes = self.workbench.visible_mask()
            return self._data.scene(None, filters.dim_instead_of_hide, selection, passes)
        visible = self.workbench.visible_keys()
        return self._data.scene(visible, filters.dim_instead_of_hide, selection)

    def _rows_in_catalog_order(self) -> bool:
        """True when the scene's rows are the catalog's events in its order (built from it, or
        patched by edits that added, removed or moved no event)."""
        keys, rows = self.workbench.catalog.keys, self._data.rows.keys
        if self._aligned is not None and self._aligned[0] is keys and self._aligned[1] is rows:
            return self._aligned[2]
        same = rows is keys or (len(rows) == len(keys) and tuple(rows) == keys)
        self._aligned = (keys, rows, same)
        return same

    def _on_catalog(self, changes: Changes) -> None:
        if not changes.everything and not _drawn(changes):
            return  # notes or passage relations only: nothing the timeline draws
        catalog = self.workbench.catalog
        patchable = not changes.everything and _events_only(changes)
        if not patchable or self._built_from != _frame_of(catalog):
            self._rebuild()
            return
        fresh = {key: catalog.event(key) for key in changes.events}
        # columns patched in place (same keys): the scene takes them instead of a copy
        rows = rows_of_catalog(catalog) if catalog.keys is self._data.rows.keys else None
        self._show(patched_scene_data(self._data, changes.events, fresh, rows))

    def _rebuild(self) -> None:
        """Scene data built afresh from the catalog, in the lanes ``lane_state`` shows."""
        self._built_from = _frame_of(self.workbench.catalog)
        self._show(scene_data_from_catalog(self.workbench.catalog, self.lane_state))

    def _show(self, data: SceneData) -> None:
        self._carried = self.scene.store  # alive until painted: a patched store's layouts
        self._data = data  # start from its layouts (paint.layout_for)
        shown, self.scene = self.scene, self._make_scene()
        self._keep_lanes_reachable()
        if self._same_picture(shown):
            self._carried = None  # (its layouts are carried over already)
            return  # an edit of events out of view: nothing drawn changes
        self.update()

    def _same_picture(self, shown: TimelineScene) -> bool:
        """Whether the scene would be drawn as ``shown`` was, the last frame painted: the same
        lanes, eras, sources, selection and nothing dimmed, and a frame carried over from the
        last one (an edit changed no title, rank, time or lane of anything in it)."""
        scene, frame = self.scene, self.frame
        old, new = shown.data, scene.data
        return (
            frame is not None
            and scene.selected == shown.selected
            and not scene.dimmed.any()
            and not shown.dimmed.any()
            and (old.lanes, old.collapsed, old.eras, old.sources)
            == (new.lanes, new.collapsed, new.eras, new.sources)
            and new.coverage_ptr is old.coverage_ptr
            and laid_out_frame(scene, self.scale, *self._paint_args()) is frame
        )

    def _keep_lanes_reachable(self) -> None:
        """Ask for the height that shows every lane's marker strip and name, so that no lane
        is silently cut off at the bottom (rows of labels come on top when there is room)."""
        header = QFontMetricsF(self._theme().small_font)
        per_lane = STRIP_PX + header.height() + 2.0
        self.setMinimumHeight(max(200, int(AXIS_PX + len(self._data.lanes) * per_lane) + 4))

    def _on_filters(self) -> None:
        self.scene = self._make_scene()
        self.update()

    def _on_selection(self) -> None:
        """Show the selection, and scroll to the selected event when it is out of view (a
        selection made in a passage, a search result or the event editor)."""
        self.scene = self.scene.with_selection(self.workbench.selection)
        key = self.workbench.selected_event
        if key is not None:
            self.bring_into_view(key)
        self.repaint()  # now: the panels fill in the next turn (after_highlight), not before

    def bring_into_view(self, key: str) -> None:
        """Pan so that event ``key`` is in the middle, unless it is already in view."""
        item = self.scene.data.id_of_key.get(key)
        if item is None:
            return
        t = float(self.scene.data.rows.t_lo[item])
        if not self.scale.t0 <= t < self.scale.t1:
            middle = self.scale.x_of(self.scale.t0 + self.scale.span / 2)
            self.set_scale(self.scale.pan(middle - self.scale.x_of(t)))

    def set_lane_state(self, state: LaneState) -> None:
        """Show the lanes as ``state`` says (order, collapsed, hidden)."""
        self.lane_state = state
        self._rebuild()

    # -- public actions -----------------------------------------------------------------
    def set_scale(self, scale: TimeScale) -> None:
        """Show ``scale`` (its width is adapted to the widget)."""
        self.scale = TimeScale(scale.t0, scale.t1, float(max(1, self.width())))
        self._kept = None
        self.update()
        self.scale_changed.emit()

    def zoom_in(self) -> None:
        self.set_scale(self.scale.zoom(KEY_ZOOM, self.width() / 2))

    def zoom_out(self) -> None:
        self.set_scale(self.scale.zoom(1 / KEY_ZOOM, self.width() / 2))

    def fit_all(self) -> None:
        """Show every shown event."""
        bounds = self.scene.bounds()
        if bounds is not None:
            self.set_scale(self.scale.fit(*bounds))

    def show_range(self, t0: float, t1: float) -> None:
        """Show the days ``[t0, t1)`` across the whole width, and keep them when the window is
        resized before the user moves (as a restored window is kept)."""
        self.set_scale(TimeScale(t0, t1, float(max(1, self.width()))))
        self._kept = (t0, t1)

    def go_home(self) -> None:
        """Back to 7 August 2008 – 8 August 2025 (with a small margin)."""
        self.set_scale(home_scale(float(max(1, self.width()))))
        self._kept = (self.scale.t0, self.scale.t1)

    def state(self) -> dict[str, Any]:
        """Visible window and lane state, as plain data for QSettings."""
        return {"t0": self.scale.t0, "t1": self.scale.t1, "lanes": self.lane_state.to_dict()}

    def restore(self, state: dict[str, Any]) -> None:
        """Undo of ``state()``; ignores what it cannot use."""
        with contextlib.suppress(KeyError, TypeError, ValueError):
            self.set_scale(
                TimeScale(float(state["t0"]), float(state["t1"]), float(max(1, self.width())))
            )
            self._kept = (self.scale.t0, self.scale.t1)
        lanes = state.get("lanes")
        if isinstance(lanes, dict):
            self.set_lane_state(LaneState.from_dict(lanes))

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.frame = paint_timeline(painter, self.scene, self.scale, *self._paint_args())
        painter.end()
        self._carried = None
        self._idle.start()

    def _paint_args(self) -> tuple[QRectF, TimelineTheme, PaintOptions]:
        rect = QRectF(0.0, 0.0, float(self.width()), float(self.height()))
        return rect, self._theme(), PaintOptions(zoom_box=self._zoom_box)

    def _theme(self) -> TimelineTheme:
        """The theme of the view's palette and font, made again only when either changes
        (``changeEvent``): a new theme every paint and idle step cost ~10 us to make, and its
        fresh fonts missed the text caches' quick lookup (~45 us a paint in all)."""
        if self._look is None:
            self._look = TimelineTheme.from_palette(self.palette(), self.font())
        return self._look

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _LOOK_CHANGES:
            self._look = None
        super().changeEvent(event)

    def _prefetch(self) -> None:
        """One piece of idle work for the next zoom step; asks for another turn until done."""
        if prefetch_timeline(self.scene, self.scale, *self._paint_args()):
            self._idle.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Until the user moves, a resize keeps the window the view opened on (home, or the one
        # restored from the last session) whole; afterwards it keeps the days per pixel.
        width = float(max(1, event.size().width()))
        kept = self._kept
        self.scale = TimeScale(*kept, width) if kept else self.scale.with_width(width)
        self.scale_changed.emit()
        super().resizeEvent(event)

    # -- hit testing --------------------------------------------------------------------
    def _frame(self) -> Frame:
        if self.frame is None or self.frame.scale != self.scale:
            self.grab()  # lays out and paints once, offscreen
        assert self.frame is not None
        return self.frame

    def event_at(self, pos: QPointF) -> str | None:
        """Key of the event under ``pos``, or None."""
        found = item_at(self._frame(), pos.x(), pos.y())
        return None if found is None else self.scene.key_of(found)

    def _expand_cluster_at(self, pos: QPointF) -> bool:
        frame = self._frame()
        cluster = cluster_at(frame, pos.x(), pos.y())
        if cluster is None:
            return False
        store = self.scene.store
        # positions straight from the cluster's cell: looking its member ids up built the
        # store's id -> position dict on the first click (~55 ms at 100k events)
        positions = cluster_positions(store, frame, cluster)
        lo, hi = float(store.t_lo[positions].min()), float(store.t_hi[positions].max())
        self.set_scale(self.scale.fit(lo, max(hi, lo + 1.0), margin=0.3))
        return True

    # -- mouse --------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press, self._press_scale, self._dragging = event.position(), self.scale, False
        boxing = event.button() == Qt.MouseButton.RightButton or (
            event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            and self.event_at(event.position()) is None
        )
        self._zoom_box = (event.position().x(), event.position().x()) if boxing else None
        self._drag_key = None
        if self.events_draggable and not boxing and event.button() == Qt.MouseButton.LeftButton:
            self._drag_key = self.event_at(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is None:
            self._hover(event)
            return
        if abs(pos.x() - self._press.x()) + abs(pos.y() - self._press.y()) > DRAG_THRESHOLD:
            self._dragging = True
        if self._zoom_box is not None:
            self._zoom_box = (self._zoom_box[0], pos.x())
            self.update()
        elif self._dragging and self._drag_key is not None:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        elif self._dragging:
            self.set_scale(self._press_scale.pan(pos.x() - self._press.x()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press = self._press
        box, dragging, self._press, self._zoom_box = self._zoom_box, self._dragging, None, None
        dragged, self._drag_key = self._drag_key, None
        if dragged is not None and dragging and press is not None:
            self.unsetCursor()
            self._finish_event_drag(dragged, press.x(), event)
        elif box is not None and abs(box[1] - box[0]) > DRAG_THRESHOLD:
            x0, x1 = sorted(box)
            self.set_scale(self.scale.fit(self.scale.t_of(x0), self.scale.t_of(x1), margin=0.0))
        elif box is not None and event.button() == Qt.MouseButton.RightButton:
            self._context_menu(event)
        elif not dragging and event.button() == Qt.MouseButton.LeftButton:
            self._click(event)
        self.update()

    def _click(self, event: QMouseEvent) -> None:
        key = self.event_at(event.position())
        modifiers = event.modifiers()
        if key is None:
            if not self._expand_cluster_at(event.position()) and not modifiers:
                self.workbench.select([])
            return
        current = list(self.workbench.selection)
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            chosen = [k for k in current if k != key] if key in current else [*current, key]
        elif modifiers & Qt.KeyboardModifier.ShiftModifier:
            chosen = [*current, key]
        else:
            chosen = [key]
        self.workbench.select(chosen)

    def _finish_event_drag(self, key: str, press_x: float, event: QMouseEvent) -> None:
        item = self.scene.data.id_of_key[key]
        shift = self.scale.t_of(event.position().x()) - self.scale.t_of(press_x)
        lane = self._lane_key_at(event.position().y())
        current = str(self.scene.data.rows.lanes[item])
        new_t_lo = float(self.scene.data.rows.t_lo[item]) + shift
        self.event_drag_finished.emit(key, new_t_lo, current if lane is None else lane)

    def _lane_key_at(self, y: float) -> str | None:
        lane = self._frame().metrics.lane_at(y, len(self.scene.data.lanes))
        return None if lane is None else self.scene.data.lanes[lane].key

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        key = self.event_at(event.position())
        if key is None:
            if not self._expand_cluster_at(event.position()):
                lane = self._lane_key_at(event.position().y())
                if lane is not None:
                    self.empty_double_clicked.emit(self.scale.t_of(event.position().x()), lane)
            return
        self.zoom_to_event(key)

    def zoom_to_event(self, key: str) -> None:
        """Show event ``key`` with some of its surroundings."""
        item = self.scene.data.id_of_key[key]
        lo, hi = float(self.scene.data.rows.t_lo[item]), float(self.scene.data.rows.t_hi[item])
        context = max((hi - lo) * 3.0, 30.0)
        self.set_scale(self.scale.fit(lo - context, hi + context, margin=0.0))

    def _hover(self, event: QMouseEvent) -> None:
        key = self.event_at(event.position())
        if key is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), event_tooltip(self.scene, key), self)

    def _context_menu(self, event: QMouseEvent) -> None:
        lane = self._frame().metrics.lane_at(event.position().y(), len(self.scene.data.lanes))
        key = None if lane is None else self.scene.data.lanes[lane].key
        show_lane_menu(self, key, event.globalPosition().toPoint())

    # -- wheel, gestures, keys ----------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        dx, dy = delta.x(), delta.y()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or abs(dx) > abs(dy):
            self.set_scale(self.scale.pan((dx or dy) / 120 * self.width() * 0.1))
        elif dy:
            self.set_scale(self.scale.zoom(wheel_factor(dy), event.position().x()))
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:
            assert isinstance(event, QNativeGestureEvent)
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.set_scale(self.scale.zoom(1.0 + event.value(), event.position().x()))
                return True
        return super().event(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab moves between events, not out of the timeline

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        step = self.width() * 0.1
        moves_event = modifiers & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_F:
            self.fit_all()
        elif key == Qt.Key.Key_Home:
            self.go_home()
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.step_event(-1 if key == Qt.Key.Key_Backtab else 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and moves_event:
            self.step_event(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.set_scale(self.scale.pan(step if key == Qt.Key.Key_Left else -step))
        else:
            super().keyPressEvent(event)

    def step_event(self, direction: int) -> None:
        """Select the next (1) or previous (-1) event in time order and bring it into view."""
        key = next_in_time(self.scene, self.workbench.selected_event, direction)
        if key is None:
            return
        self.workbench.select([key])
        self.scene = self.scene.with_selection([key])
        self.bring_into_view(key)
        self.update()


_LOOK_CHANGES = (  # what a view's theme is made from changed
    QEvent.Type.PaletteChange,
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.ApplicationFontChange,
)


def _events_only(changes: Changes) -> bool:
    """True when ``changes`` name events and nothing else the timeline draws (their coverage,
    lanes, sources and codes are unchanged), so the scene data can be patched."""
    return bool(changes.events) and not (
        changes.passages or changes.codes or changes.sources or changes.lanes or changes.claims
    )


def _frame_of(catalog: Catalog) -> tuple[object, ...]:
    """What a patched scene keeps from its last full build: the lanes and sources."""
    return (catalog.lanes, catalog.sources)


def _drawn(changes: Changes) -> bool:
    """True when ``changes`` touch what the timeline draws (events, their coverage dots, lanes,
    and what the filters match on)."""
    return bool(
        changes.events or changes.passages or changes.codes or changes.sources or changes.lanes
    )
