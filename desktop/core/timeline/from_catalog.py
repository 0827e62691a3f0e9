"""Scene data from the window's catalog: its columns, read when the library opened."""

from __future__ import annotations

from desktop.core.catalog import Catalog
from desktop.core.event_columns import KeyRows
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.scene import EventRows, SceneData, SceneEra, SceneLane, SceneSource


def rows_of_catalog(catalog: Catalog) -> EventRows:
    """The catalog's columns as the timeline's rows (shared, not copied)."""
    events = catalog.columns  # read when the library opened: no record per event
    return EventRows(
        events.keys,
        events.lanes,
        events.t_lo,
        events.t_hi,
        events.importance,
        events.titles,
        events.starts,
        events.ends,
        events.plain_dates(),
    )


def scene_data_from_catalog(catalog: Catalog, lane_state: LaneState) -> SceneData:
    """Everything the timeline needs from ``catalog``, arranged by ``lane_state``."""
    events = catalog.columns
    rows = rows_of_catalog(catalog)
    colors = catalog.source_colors()
    return SceneData.build(
        rows,
        [SceneLane(lane.key, lane.name, lane.color) for lane in catalog.lanes],
        lane_state,
        [SceneEra(era.name, era.t_lo, era.t_hi, era.color) for era in catalog.eras],
        [SceneSource(s.key, s.outlet or s.title, colors[s.key]) for s in catalog.sources],
        catalog.coverage,
        KeyRows(events),  # looked up when first needed: the first frame needs none
    )
