"""The lane context menu: collapse, move, hide, show all (writes a new LaneState)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from desktop.core.timeline.lanes import LaneState

if TYPE_CHECKING:
    from desktop.ui.timeline.view import TimelineView


def show_lane_menu(view: TimelineView, lane_key: str | None, where: QPoint) -> None:
    """Offer lane actions for ``lane_key`` (None: only "Show all lanes") at ``where``."""
    menu = QMenu(view)
    state = view.lane_state.reconcile(lane.key for lane in view.workbench.catalog.lanes)
    if lane_key is not None:
        collapsed = lane_key in state.collapsed
        menu.addAction(
            "Expand lane" if collapsed else "Collapse lane",
            lambda: view.set_lane_state(state.toggle_collapsed(lane_key)),
        )
        menu.addAction("Move up", lambda: view.set_lane_state(state.move(lane_key, -1)))
        menu.addAction("Move down", lambda: view.set_lane_state(state.move(lane_key, 1)))
        menu.addAction("Hide lane", lambda: view.set_lane_state(state.set_hidden(lane_key, True)))
    if state.hidden:
        menu.addAction(
            "Show all lanes",
            lambda: view.set_lane_state(LaneState(state.order, state.collapsed, frozenset())),
        )
    menu.exec(where)
