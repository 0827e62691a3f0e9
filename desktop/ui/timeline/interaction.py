"""Small pure helpers of the view: wheel factors, tooltips, the next event in time."""

from __future__ import annotations

import html

import numpy as np

from desktop.core.timeline.scene import TimelineScene
from desktop.model.dates import DateParseError, DateSpan

WHEEL_BASE = 1.2  # one notch (120 units) zooms by this factor


def wheel_factor(angle_delta: int) -> float:
    """Zoom factor for a vertical wheel delta (positive: zoom in)."""
    return float(WHEEL_BASE ** (angle_delta / 120.0))


def event_tooltip(scene: TimelineScene, key: str) -> str:
    """Rich text: title, the date as written (with its precision), lane and covering sources."""
    data = scene.data
    item = data.id_of_key[key]
    rows = data.rows
    try:
        when = DateSpan.from_edtf(rows.starts[item], rows.ends[item]).display()
    except DateParseError:
        when = rows.starts[item]
    lane = next((lane.name for lane in data.lanes if lane.key == rows.lanes[item]), "")
    sources = [data.sources[s].name for s in scene.sources_of(item)]
    covered = ", ".join(sources) if sources else "no source yet"
    return (
        f"<b>{html.escape(rows.titles[item])}</b><br>{html.escape(when)}"
        f"<br>{html.escape(lane)}<br><i>Sources:</i> {html.escape(covered)}"
    )


def next_in_time(scene: TimelineScene, current: str | None, direction: int) -> str | None:
    """Key of the shown event after (1) or before (-1) ``current`` in time order."""
    ids = scene.ids_in_time_order()
    if not len(ids):
        return None
    item = scene.data.id_of_key.get(current or "")
    where = np.flatnonzero(ids == item)
    if item is None or not len(where):
        return scene.key_of(int(ids[0] if direction > 0 else ids[-1]))
    k = int(where[0]) + direction
    return scene.key_of(int(ids[k])) if 0 <= k < len(ids) else None
