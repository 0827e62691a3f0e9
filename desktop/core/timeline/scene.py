"""What the timeline shows, Qt-free: events as arrays, lanes, eras, sources, selection, filters.

``SceneData`` is built once per catalog (or per lane-state change) from plain rows; ids are row
numbers, so every per-event array is indexed by id. ``SceneData.scene(...)`` applies the
selection and the filters cheaply and returns the ``TimelineScene`` the paint routine draws.
Neither object changes after construction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import LaneMetrics
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.store import EventStore, titles_at
from desktop.model.dates import DateParseError, HistDate, Precision

COLLAPSED_ROWS = 0


@dataclass(frozen=True, slots=True)
class SceneLane:
    key: str
    name: str
    color: str


@dataclass(frozen=True, slots=True)
class SceneEra:
    name: str
    t_lo: float
    t_hi: float
    color: str


@dataclass(frozen=True, slots=True)
class SceneSource:
    key: str
    name: str
    color: str


@dataclass(frozen=True, slots=True)
class EventRows:
    """Events as parallel sequences (one entry per event); ``lanes`` holds lane keys."""

    keys: Sequence[str]
    lanes: Sequence[str]
    t_lo: NDArray[np.float64]
    t_hi: NDArray[np.float64]
    importance: NDArray[np.int64]
    titles: Sequence[str]
    starts: Sequence[str]
    ends: Sequence[str | None]
    # per event, whether both dates are plain days ('YYYY-MM-DD', or no end): what
    # ``plain_dates`` would read from ``starts`` and ``ends``; None: read it from them
    plain: NDArray[np.bool_] | None = None


@dataclass(frozen=True)
class SceneData:
    """Per-catalog arrays indexed by event id (= row number) and the store of shown lanes."""

    rows: EventRows
    lanes: tuple[SceneLane, ...]  # shown lanes, top to bottom
    collapsed: tuple[bool, ...]
    eras: tuple[SceneEra, ...]
    sources: tuple[SceneSource, ...]
    store: EventStore  # events of the shown lanes
    soft: NDArray[np.bool_]  # month or year precision at either end
    fuzzy_lo: NDArray[np.float64]
    fuzzy_hi: NDArray[np.float64]
    coverage_ptr: NDArray[np.int64]  # sources of id k: coverage_src[ptr[k]:ptr[k + 1]]
    coverage_src: NDArray[np.int64]
    id_of_key: Mapping[str, int] = field(default_factory=dict)  # live events only
    precision: NDArray[np.int64] = field(default_factory=lambda: np.empty(0, np.int64))

    @classmethod
    def build(
        cls,
        rows: EventRows,
        lanes: Sequence[SceneLane],
        lane_state: LaneState,
        eras: Sequence[SceneEra] = (),
        sources: Sequence[SceneSource] = (),
        coverage: Mapping[str, Sequence[str]] | None = None,
        id_of_key: Mapping[str, int] | None = None,
    ) -> SceneData:
        """Arrange ``rows`` in the lanes ``lane_state`` shows; hidden lanes' events are left out.

        ``id_of_key``, when the caller has it already, must map each key of ``rows`` to its row
        (it is kept, not copied: nobody may change it afterwards)."""
        by_key = {lane.key: lane for lane in lanes}
        state = lane_state.reconcile(by_key)
        shown = [by_key[k] for k in state.shown()]
        soft, fuzzy_lo, fuzzy_hi, precision = date_shapes(rows)
        ptr, src = _coverage_arrays(rows.keys, sources, coverage or {})
        if id_of_key is None:
            id_of_key = {key: k for k, key in enumerate(rows.keys)}
        return cls(
            rows,
            tuple(shown),
            tuple(lane.key in state.collapsed for lane in shown),
            tuple(eras),
            tuple(sources),
            store_of(rows, shown, precision),
            soft,
            fuzzy_lo,
            fuzzy_hi,
            ptr,
            src,
            id_of_key,
            precision,
        )

    def metrics(self, top: float = 0.0) -> LaneMetrics:
        """Lane geometry: collapsed lanes keep only their marker strip."""
        base = LaneMetrics(top=top)
        rows = tuple(COLLAPSED_ROWS if c else base.rows for c in self.collapsed)
        return replace(base, lane_rows=rows)

    def scene(
        self,
        visible: frozenset[str] | None = None,
        dim_hidden: bool = False,
        selection: Iterable[str] = (),
        passes: NDArray[np.bool_] | None = None,
    ) -> TimelineScene:
        """The scene with ``visible`` events (None: all), the rest hidden or dimmed; or, given
        ``passes`` (per row: whether it is visible), with those rows visible."""
        dimmed = np.zeros(len(self.rows.keys), np.bool_)
        store = self.store
        if passes is None and visible is not None:
            shown = map(visible.__contains__, self.rows.keys)  # no Python frame per event
            passes = np.fromiter(shown, np.bool_, len(dimmed))
        if passes is not None:
            if dim_hidden:
                dimmed = ~passes
            else:
                store = store.subset(passes[store.ids])
        selected = frozenset(self.id_of_key[k] for k in selection if k in self.id_of_key)
        return TimelineScene(self, store, dimmed, selected)


@dataclass(frozen=True)
class TimelineScene:
    """What one paint draws: the data, the store of events shown, dimmed and selected ids."""

    data: SceneData
    store: EventStore
    dimmed: NDArray[np.bool_]
    selected: frozenset[int]

    def with_selection(self, keys: Iterable[str]) -> TimelineScene:
        """The same scene with another selection (no re-layout needed)."""
        ids = self.data.id_of_key
        return replace(self, selected=frozenset(ids[k] for k in keys if k in ids))

    def key_of(self, item_id: int) -> str:
        """The event key of a store id."""
        return self.data.rows.keys[item_id]

    def sources_of(self, item_id: int) -> list[int]:
        """Indices into ``data.sources`` of the sources covering event ``item_id``."""
        ptr = self.data.coverage_ptr
        found: list[int] = self.data.coverage_src[ptr[item_id] : ptr[item_id + 1]].tolist()
        return found

    def bounds(self) -> tuple[float, float] | None:
        """(earliest start, latest end) of the shown events, None when there are none."""
        return self.store.bounds() if len(self.store) else None

    def ids_in_time_order(self) -> NDArray[np.int64]:
        """Shown event ids by start, then end, then id (keyboard navigation order)."""
        store = self.store
        order = np.lexsort((store.ids, store.t_hi, store.t_lo))
        ids: NDArray[np.int64] = store.ids[order]
        return ids


def store_of(
    rows: EventRows, lanes: Sequence[SceneLane], precision: NDArray[np.int64]
) -> EventStore:
    """The rows whose lane is one of ``lanes`` (the shown ones, top to bottom) as a store whose
    ids are row numbers."""
    lane_of = defaultdict(lambda: -1, {lane.key: i for i, lane in enumerate(lanes)})
    lane_index = np.fromiter(map(lane_of.__getitem__, rows.lanes), np.int64, len(rows.lanes))
    keep = np.flatnonzero(lane_index >= 0)
    return EventStore.from_arrays(
        keep,
        lane_index[keep],
        rows.t_lo[keep],
        rows.t_hi[keep],
        rows.importance[keep],
        rows.titles if len(keep) == len(rows.titles) else titles_at(rows.titles, keep),
        precision[keep],
        len(lanes),
    )


def date_shapes(
    rows: EventRows,
) -> tuple[NDArray[np.bool_], NDArray[np.float64], NDArray[np.float64], NDArray[np.int64]]:
    """(soft edges, fuzzy start, fuzzy end, precision) per event; full days parse no EDTF."""
    n = len(rows.keys)
    soft = np.zeros(n, np.bool_)
    fuzzy_lo, fuzzy_hi = rows.t_lo.copy(), rows.t_hi.copy()
    precision = np.full(n, int(Precision.DAY), np.int64)
    plain = rows.plain if rows.plain is not None else plain_dates(rows.starts, rows.ends)
    other = ~plain
    for k in np.flatnonzero(other).tolist():
        start, end = rows.starts[k], rows.ends[k]
        try:
            first = HistDate.parse_edtf(start)
            last = HistDate.parse_edtf(end) if end else first
        except DateParseError:
            continue
        precision[k] = min(first.precision, last.precision)
        soft[k] = precision[k] < Precision.DAY
        fuzzy_lo[k] = min(first.fuzzy_first_day(), rows.t_lo[k])
        fuzzy_hi[k] = max(last.fuzzy_end_day(), rows.t_hi[k])
    return soft, fuzzy_lo, fuzzy_hi, precision


def plain_dates(starts: Sequence[str], ends: Sequence[str | None]) -> NDArray[np.bool_]:
    """Per event, whether its start is a plain day and its end one too or absent (its date
    shapes need no EDTF parsing)."""
    texts = [end or "" for end in ends]
    no_end = np.fromiter(map(len, texts), np.int64, len(texts)) == 0
    plain: NDArray[np.bool_] = _plain_days(starts) & (_plain_days(texts) | no_end)
    return plain


def _plain_days(texts: Sequence[str]) -> NDArray[np.bool_]:
    """Per text, whether it is a plain day (ten characters, dashes at 4 and 7: 'YYYY-MM-DD'),
    read from the code points of all texts joined: no Python per text."""
    lengths = np.fromiter(map(len, texts), np.int64, len(texts))
    points = np.frombuffer("".join(texts).encode("utf-32-le"), np.uint32)
    plain: NDArray[np.bool_] = lengths == 10
    if not plain.any():
        return plain
    starts = np.cumsum(lengths) - lengths
    last = len(points) - 1
    dash = ord("-")
    plain &= points[np.minimum(starts + 4, last)] == dash
    plain &= points[np.minimum(starts + 7, last)] == dash
    return plain


def _coverage_arrays(
    keys: Sequence[str], sources: Sequence[SceneSource], coverage: Mapping[str, Sequence[str]]
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    rank = {source.key: i for i, source in enumerate(sources)}
    counts = np.zeros(len(keys) + 1, np.int64)
    if not coverage:
        return counts, np.empty(0, np.int64)
    flat: list[int] = []
    for k, key in enumerate(keys):
        if key in coverage:  # most events of a big library have no passages
            found = [rank[s] for s in coverage[key] if s in rank]
            counts[k + 1] = len(found)
            flat += found
    return np.cumsum(counts), np.asarray(flat, np.int64)
