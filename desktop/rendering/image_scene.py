"""The timeline scene an image export draws: the library's events in the chosen lanes, with the
chosen sources' coverage dots, and the time range to show.

Source colours are those of the whole library (as in the window) even when ``sources`` keeps
only some of them; the legend names sources by their short labels. With ``sources`` given, only
events those sources speak about are drawn; ``ExportFilter`` narrows further (importance, event
keys, eras) and emphasises highlighted events. Lanes are drawn in a colour-blind-safe palette
("safe", Paul Tol's "bright" scheme) unless the library's own colours are asked for; the print
theme draws them in greys and tells them apart by shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.library import Library
from desktop.core.catalog import Catalog
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
from desktop.model.dates import DateParseError, DateSpan
from desktop.rendering.image_options import ImageRequest

RANGE_MARGIN = 0.03
SAFE_LANE_COLORS = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB")
GREY_LANE_COLORS = ("#202020", "#505050", "#383838", "#686868", "#2c2c2c", "#5c5c5c")


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """What else an export narrows or emphasises (defaults: everything, nothing emphasised).

    ``importance``: the least important level drawn; ``events``: only these keys (empty: all);
    ``highlight``: keys drawn as selected and labelled first; ``eras``: era names kept (None:
    all); ``palette``: "safe", "library" or "grey" lane colours."""

    importance: int = 3
    events: tuple[str, ...] = ()
    highlight: tuple[str, ...] = ()
    eras: tuple[str, ...] | None = None
    palette: str = "safe"


def lane_palette(name: str, colors: Sequence[str]) -> list[str]:
    """The lane colours of palette ``name`` for lanes whose own colours are ``colors``."""
    if name == "library":
        return list(colors)
    chosen = {"safe": SAFE_LANE_COLORS, "grey": GREY_LANE_COLORS}.get(name)
    if chosen is None:
        raise ValueError(f"unknown palette {name!r} (use safe or library)")
    return [chosen[k % len(chosen)] for k in range(len(colors))]


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
    identities = catalog.source_identities()
    return [
        SceneSource(s.key, identities[s.key].label, identities[s.key].color)
        for s in catalog.sources
        if not wanted or s.key in wanted
    ]


def _eras(catalog: Catalog, wanted: tuple[str, ...] | None) -> list[SceneEra]:
    names = [era.name for era in catalog.eras]
    if wanted is not None:
        missing = [w for w in wanted if w.casefold() not in {n.casefold() for n in names}]
        if missing:
            raise _unknown("era", missing, names)
    keep = None if wanted is None else {w.casefold() for w in wanted}
    return [
        SceneEra(era.name, era.t_lo, era.t_hi, era.color)
        for era in catalog.eras
        if keep is None or era.name.casefold() in keep
    ]


def _visible(
    catalog: Catalog, sources: Sequence[str], chosen: ExportFilter
) -> frozenset[str] | None:
    """The keys of the events drawn (None: all)."""
    for keys in (chosen.events, chosen.highlight):
        if not all(catalog.has(k) for k in keys):
            missing = [k for k in keys if not catalog.has(k)]
            raise ValueError(f"unknown event key(s): {', '.join(missing)}")
    if not 1 <= chosen.importance <= 3:
        raise ValueError("the importance is 1 (key events only), 2 or 3 (everything)")
    if not sources and not chosen.events and chosen.importance >= 3:
        return None
    wanted, events = set(sources), set(chosen.events)
    columns = catalog.columns
    return frozenset(
        key
        for key, importance in zip(columns.keys, columns.importance.tolist(), strict=True)
        if (importance <= chosen.importance or key in chosen.highlight)
        and (not events or key in events)
        and (not wanted or wanted & set(catalog.coverage.get(key, ())))
    )


def export_scene(
    catalog: Catalog,
    lanes: Sequence[str] = (),
    sources: Sequence[str] = (),
    chosen: ExportFilter | None = None,
) -> TimelineScene:
    """The scene of ``catalog`` restricted to ``lanes`` and ``sources`` (empty: all) and as
    ``chosen`` narrows it. Raises ValueError naming unknown lane, source, era or event keys."""
    chosen = chosen or ExportFilter()
    events = catalog.columns  # no record per event is read for a picture
    importance = events.importance.copy()
    for key in chosen.highlight:
        if (at := events.position(key)) is not None:
            importance[at] = 1
    rows = EventRows(
        events.keys,
        events.lanes,
        events.t_lo,
        events.t_hi,
        importance,
        events.titles,
        events.starts,
        events.ends,
    )
    colors = lane_palette(chosen.palette, [lane.color for lane in catalog.lanes])
    data = SceneData.build(
        rows,
        [
            SceneLane(lane.key, lane.name, color)
            for lane, color in zip(catalog.lanes, colors, strict=True)
        ],
        _lane_state(catalog, lanes),
        _eras(catalog, chosen.eras),
        _sources(catalog, sources),
        catalog.coverage,
    )
    return data.scene(_visible(catalog, sources, chosen), selection=chosen.highlight)


def library_scene(
    library: Library,
    lanes: Sequence[str] = (),
    sources: Sequence[str] = (),
    chosen: ExportFilter | None = None,
) -> TimelineScene:
    """``export_scene`` of the library as it is now (read in one unit of work)."""
    return export_scene(Catalog.load(library), lanes, sources, chosen)


def main_span(catalog: Catalog, scene: TimelineScene) -> tuple[float, float] | None:
    """(earliest start, latest end) of the scene's events not marked as context (None: none)."""
    context = catalog.columns.context
    ids = scene.store.ids
    keep = ids[~context[ids]] if len(ids) else ids
    if not len(keep):
        return None
    rows = scene.data.rows
    return float(rows.t_lo[keep].min()), float(rows.t_hi[keep].max())


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
    scene: TimelineScene,
    t0: float | None,
    t1: float | None,
    width: float,
    span: tuple[float, float] | None = None,
) -> TimeScale:
    """The scale showing ``[t0, t1)``; a missing end comes from ``span`` (default: every shown
    event), with a small margin. ValueError when there is nothing to show."""
    bounds = span if span is not None else scene.bounds()
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


@dataclass(frozen=True, slots=True)
class PreparedScene:
    """The scene an export draws and the span its range defaults to (None: the scene's)."""

    scene: TimelineScene
    span: tuple[float, float] | None


def prepare_scene(catalog: Catalog, request: ImageRequest) -> PreparedScene:
    """The scene ``request`` draws from ``catalog`` and its default span: the events not marked
    as context, unless ``request.include_context``."""
    chosen = ExportFilter(
        request.importance,
        request.events,
        request.highlight,
        request.eras,
        "grey" if request.theme == "print" else request.palette,
    )
    scene = export_scene(catalog, request.lanes, request.sources, chosen)
    span = None if request.include_context else main_span(catalog, scene)
    return PreparedScene(scene, span)


def prepare_library_scene(library: Library, request: ImageRequest) -> PreparedScene:
    """``prepare_scene`` of the library as it is now (read in one unit of work)."""
    return prepare_scene(Catalog.load(library), request)
