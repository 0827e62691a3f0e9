"""The timeline scene an image export draws: the library's events in the chosen lanes, with the
chosen sources' coverage dots, and the time range to show.

Source colours are those of the whole library (as in the window) even when ``sources`` keeps
only some of them. With ``sources`` given, only events those sources speak about are drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from db.library import Library
from desktop.core.catalog import Catalog
from desktop.core.dates import DateParseError, DateSpan
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.scene import (
    EventRows,
    SceneData,
    SceneEra,
    SceneLane,
    SceneSource,
    TimelineScene,
)

RANGE_MARGIN = 0.03


def _unknown(kind: str, wanted: Sequence[str], known: Sequence[str]) -> ValueError:
    missing = [k for k in wanted if k not in known]
    return ValueError(
        f"unknown {kind} key(s): {', '.join(missing)}; the library has: {', '.join(known)}"
    )


def _lane_state(catalog: Catalog, lanes: Sequence[str]) -> LaneState:
    keys = [lane.key for lane in catalog.lanes]
    if not lanes:
        return LaneState(tuple(keys))
    if any(k not in keys for k in lanes):
        raise _unknown("lane", lanes, keys)
    rest = tuple(k for k in keys if k not in lanes)
    return LaneState(tuple(lanes) + rest, hidden=frozenset(rest))


def _sources(catalog: Catalog, wanted: Sequence[str]) -> list[SceneSource]:
    keys = [s.key for s in catalog.sources]
    if any(k not in keys for k in wanted):
        raise _unknown("source", wanted, keys)
    colors = catalog.source_colors()
    return [
        SceneSource(s.key, s.outlet or s.title, colors[s.key])
        for s in catalog.sources
        if not wanted or s.key in wanted
    ]


def export_scene(
    catalog: Catalog, lanes: Sequence[str] = (), sources: Sequence[str] = ()
) -> TimelineScene:
    """The scene of ``catalog`` restricted to ``lanes`` and ``sources`` (empty: all).

    Raises ValueError naming unknown lane or source keys.
    """
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
    data = SceneData.build(
        rows,
        [SceneLane(lane.key, lane.name, lane.color) for lane in catalog.lanes],
        _lane_state(catalog, lanes),
        [SceneEra(era.name, era.t_lo, era.t_hi, era.color) for era in catalog.eras],
        _sources(catalog, sources),
        catalog.coverage,
    )
    if not sources:
        return data.scene()
    chosen = set(sources)
    visible = frozenset(k for k, found in catalog.coverage.items() if chosen & set(found))
    return data.scene(visible)


def library_scene(
    library: Library, lanes: Sequence[str] = (), sources: Sequence[str] = ()
) -> TimelineScene:
    """``export_scene`` of the library as it is now (read in one unit of work)."""
    return export_scene(Catalog.load(library), lanes, sources)


def day_range(date_from: str | None, date_to: str | None) -> tuple[float | None, float | None]:
    """Day numbers from the start of ``date_from`` to the end of ``date_to`` (either may be
    None). Dates are read as people write them ("1991", "Aug 2008", "333 BC") or as EDTF;
    ValueError says what is accepted."""
    try:
        t0 = DateSpan.parse(date_from).t_lo if date_from else None
        t1 = DateSpan.parse(date_to).t_hi if date_to else None
    except DateParseError as error:
        raise ValueError(str(error)) from error
    if t0 is not None and t1 is not None and t1 <= t0:
        raise ValueError(f"the range ends ({date_to}) before it starts ({date_from})")
    return t0, t1


def time_scale_for(
    scene: TimelineScene, t0: float | None, t1: float | None, width: float
) -> TimeScale:
    """The scale showing ``[t0, t1)``; a missing end comes from the shown events (with a small
    margin). ValueError when there is nothing to show."""
    bounds = scene.bounds()
    if (t0 is None or t1 is None) and bounds is None:
        raise ValueError("no events to draw: give both --from and --to, or choose other lanes")
    if t0 is not None and t1 is not None:
        return TimeScale(t0, t1, width)
    assert bounds is not None
    lo = t0 if t0 is not None else bounds[0]
    hi = t1 if t1 is not None else bounds[1]
    if hi <= lo:
        raise ValueError("the range is empty: no shown event falls inside it")
    fitted = TimeScale(lo, hi, width).fit(lo, hi, RANGE_MARGIN)
    start = t0 if t0 is not None else fitted.t0
    end = t1 if t1 is not None else fitted.t1
    return TimeScale(start, end, width)
