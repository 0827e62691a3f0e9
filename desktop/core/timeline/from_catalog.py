"""Scene data from the window's catalog (the usual path) or from plain library rows (fast path)."""

from __future__ import annotations

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import models
from db.library import Library
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
        rows = _event_columns(uow.session)
        lanes = [SceneLane(lane.key, lane.name, lane.color) for lane in uow.lanes.list()]
        eras = [SceneEra(e.name, e.t_lo, e.t_hi, e.color) for e in uow.lanes.list_eras()]
    if any(not key for key in rows.lanes):
        lanes.append(SceneLane("", "Unassigned", "#9e9e9e"))
    return SceneData.build(rows, lanes, lane_state, eras)


def _event_columns(session: Session) -> EventRows:
    """Every event as columns, by one Core query of the columns the timeline needs (no ORM
    rows, no join, no sort: the store sorts); lane ids are mapped to keys in Python. A million
    events load about three times faster than through ``uow.events.timeline_rows()``."""
    lane_keys = {
        int(i): str(k) for i, k in session.execute(select(models.Lane.id, models.Lane.key))
    }
    event = models.Event.__table__.c
    statement = select(
        event.key,
        event.lane_id,
        event.t_lo,
        event.t_hi,
        event.importance,
        event.title,
        event.start,
        event.end,
    ).order_by(event.id)
    found = session.connection().execute(statement).all()
    columns = list(zip(*found, strict=True)) if found else [()] * 8
    return EventRows(
        list(columns[0]),
        [lane_keys.get(lane, "") if lane is not None else "" for lane in columns[1]],
        np.asarray(columns[2], np.float64),
        np.asarray(columns[3], np.float64),
        np.asarray(columns[4], np.int64),
        list(columns[5]),
        list(columns[6]),
        list(columns[7]),
    )
