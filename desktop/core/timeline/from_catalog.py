"""Scene data from the window's catalog (the usual path) or from plain library rows (fast path)."""

from __future__ import annotations

import numpy as np

from db.library import Library
from db.uow import UnitOfWork
from desktop.core.catalog import Catalog
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.scene import EventRows, SceneData, SceneEra, SceneLane, SceneSource


def scene_data_from_catalog(catalog: Catalog, lane_state: LaneState) -> SceneData:
    """Everything the timeline needs from ``catalog``, arranged by ``lane_state``."""
    events = catalog.events
    rows = EventRows(
        [e.key for e in events],
        [e.lane for e in events],
        np.fromiter((e.t_lo for e in events), np.float64, len(events)),
        np.fromiter((e.t_hi for e in events), np.float64, len(events)),
        np.fromiter((e.importance for e in events), np.int64, len(events)),
        [e.title for e in events],
        [e.start for e in events],
        [e.end for e in events],
    )
    colors = catalog.source_colors()
    return SceneData.build(
        rows,
        [SceneLane(lane.key, lane.name, lane.color) for lane in catalog.lanes],
        lane_state,
        [SceneEra(era.name, era.t_lo, era.t_hi, era.color) for era in catalog.eras],
        [SceneSource(s.key, s.outlet or s.title, colors[s.key]) for s in catalog.sources],
        catalog.coverage,
    )


def scene_data_from_library(library: Library, lane_state: LaneState) -> SceneData:
    """Events and lanes only (no sources or coverage), read as plain rows: for huge libraries."""
    with library.unit_of_work() as uow:
        rows = _event_rows(uow)
        lanes = [SceneLane(lane.key, lane.name, lane.color) for lane in uow.lanes.list()]
        eras = [SceneEra(e.name, e.t_lo, e.t_hi, e.color) for e in uow.lanes.list_eras()]
    if any(not key for key in rows.lanes):
        lanes.append(SceneLane("", "Unassigned", "#9e9e9e"))
    return SceneData.build(rows, lanes, lane_state, eras)


def _event_rows(uow: UnitOfWork) -> EventRows:
    """Every event as columns, read without ORM rows (``EventRepository.timeline_columns``)."""
    found = uow.events.timeline_columns()
    return EventRows(
        list(found.keys),
        list(found.lanes),
        np.asarray(found.t_lo, np.float64),
        np.asarray(found.t_hi, np.float64),
        np.asarray(found.importance, np.int64),
        list(found.titles),
        list(found.starts),
        list(found.ends),
    )
