"""What the painter draws for one frame: plain arrays and dataclasses, no behaviour."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.store import EventStore

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class LaneMetrics:
    """Vertical geometry: each lane has a header line (its name), a marker strip and ``rows``
    bar rows, top to bottom.

    ``lane_rows`` overrides ``rows`` per lane (0 for a collapsed lane: a strip only); lanes past
    its end have ``rows``.
    """

    top: float = 0.0
    strip_px: float = 20.0
    row_px: float = 14.0
    rows: int = 3
    lane_rows: tuple[int, ...] = ()
    header_px: float = 0.0
    _tops: tuple[float, ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        fixed = self.header_px + self.strip_px
        tops = [self.top]
        for rows in self.lane_rows:
            tops.append(tops[-1] + fixed + rows * self.row_px)
        object.__setattr__(self, "_tops", tuple(tops))  # frozen: computed once, here

    @property
    def lane_height(self) -> float:
        """Height of a lane with the default ``rows``."""
        return self.header_px + self.strip_px + self.rows * self.row_px

    def rows_of(self, lane: int) -> int:
        """Bar rows of ``lane``."""
        return self.lane_rows[lane] if lane < len(self.lane_rows) else self.rows

    def height_of(self, lane: int) -> float:
        """Height of ``lane`` in pixels."""
        return self.header_px + self.strip_px + self.rows_of(lane) * self.row_px

    def lane_top(self, lane: int) -> float:
        """y of the top of ``lane``."""
        if lane < len(self._tops):
            return self._tops[lane]
        last = len(self._tops) - 1
        return self._tops[last] + (lane - last) * self.lane_height

    def lane_at(self, y: float, lane_count: int) -> int | None:
        """The lane whose band contains ``y``, or None."""
        for lane in range(lane_count):
            top = self.lane_top(lane)
            if top <= y < top + self.height_of(lane):
                return lane
        return None

    def strip_y(self, lane: int) -> float:
        """y of the centre line of the lane's marker strip."""
        return self.lane_top(lane) + self.header_px + self.strip_px / 2

    def row_y(self, lane: int, row: int) -> float:
        """y of the top of bar row ``row`` in ``lane``."""
        return self.lane_top(lane) + self.header_px + self.strip_px + row * self.row_px


@dataclass(frozen=True, slots=True)
class Markers:
    """Single short events, drawn as glyphs centred at (x, y). ``index`` is the store index."""

    x: FloatArray
    y: FloatArray
    lane: IntArray
    index: IntArray
    ids: IntArray
    importance: IntArray

    @classmethod
    def concat(cls, parts: Sequence[Markers]) -> Markers:
        """All parts in order."""
        return cls(*(_cat([getattr(p, name) for p in parts]) for name in cls.__slots__))


@dataclass(frozen=True, slots=True)
class Bars:
    """Events long enough to draw as bars ``[x0, x1)`` at row top ``y`` (height row_px)."""

    x0: FloatArray
    x1: FloatArray
    y: FloatArray
    lane: IntArray
    row: IntArray
    index: IntArray
    ids: IntArray
    importance: IntArray

    @classmethod
    def build(
        cls,
        store: EventStore,
        index: IntArray,
        rows: IntArray,
        lane: int,
        scale: TimeScale,
        metrics: LaneMetrics,
    ) -> Bars:
        """Bars of one lane from store indices and their rows."""
        return cls(
            scale.xs_of(store.t_lo[index]),
            scale.xs_of(store.t_hi[index]),
            np.asarray(metrics.row_y(lane, 0) + rows * metrics.row_px, np.float64),
            np.full(len(index), lane, np.int64),
            rows,
            index,
            store.ids[index],
            store.importance[index],
        )

    @classmethod
    def concat(cls, parts: Sequence[Bars]) -> Bars:
        """All parts in order."""
        return cls(*(_cat([getattr(p, name) for p in parts]) for name in cls.__slots__))


@dataclass(frozen=True, slots=True)
class Clusters:
    """Groups of nearby events drawn as one glyph over ``[x0, x1)`` with ``count``.

    ``t_first``/``t_last`` are the earliest and latest member start; members lie in
    ``[cell_t0, cell_t1)`` by start time (see ``cluster_members``). ``lead`` is the store index of
    the member named in its label (most important, then earliest), ``lead_importance`` its
    importance.
    """

    x0: FloatArray
    x1: FloatArray
    y: FloatArray
    lane: IntArray
    count: IntArray
    t_first: FloatArray
    t_last: FloatArray
    cell_t0: FloatArray
    cell_t1: FloatArray
    lead: IntArray
    lead_importance: IntArray

    @classmethod
    def concat(cls, parts: Sequence[Clusters]) -> Clusters:
        """All parts in order."""
        return cls(*(_cat([getattr(p, name) for p in parts]) for name in cls.__slots__))


@dataclass(frozen=True, slots=True)
class Label:
    """A title drawn from (x, y). ``kind``: "marker" (y is the strip centre, beside its marker),
    "bar" (y is the row top, inside or beside its bar) or "leader" (y is the top of a free bar
    row below the marker at ``anchor_x``, joined to it by a leader line). ``max_width``: the
    painter elides the text to this width. ``lane``: the lane it belongs to."""

    x: float
    y: float
    text: str
    id: int
    kind: str = "marker"
    anchor_x: float = 0.0
    max_width: float = math.inf
    lane: int = 0
    anchor_y: float = 0.0  # where a leader line from a bar starts (0: from the marker strip)


_SLOTS: dict[type, tuple[tuple[Any, ...], dict[str, Any]]] = {}  # getters+setters, setters


def evolved[Part: (Markers, Bars, Clusters, Frame)](item: Part, **changes: Any) -> Part:
    """``dataclasses.replace(item, **changes)`` for a frame or its parts (frozen, slotted, no
    ``__post_init__``), several times faster: ``replace`` looks the fields up and goes through
    the frozen ``__init__`` (~11 us for the 11 fields of ``Clusters``), and a frame replaces a
    handful. The fields not changed are the very same objects, as with ``replace``."""
    cls = type(item)
    found = _SLOTS.get(cls)
    if found is None:
        found = _SLOTS[cls] = _slot_access(cls)
    copied, setters = found
    made = _new(cls)
    for get, put in copied:
        put(made, get(item))
    for name, value in changes.items():
        put = setters.get(name)
        if put is None:
            raise TypeError(f"{cls.__name__} has no field {name}")
        put(made, value)
    return made


def _slot_access(cls: type) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """((getter, setter) of each slot of ``cls``, setter by name)."""
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} derives fields: use replace")
    names: tuple[str, ...] = cls.__slots__  # type: ignore[attr-defined]  # (slotted dataclasses)
    descriptors = [(name, getattr(cls, name)) for name in names]
    copied = tuple((d.__get__, d.__set__) for _, d in descriptors)
    return copied, {name: d.__set__ for name, d in descriptors}


_LABEL_FIELDS = ("x", "y", "text", "id", "kind", "anchor_x", "max_width", "lane", "anchor_y")
_LABEL_SETTERS = tuple(getattr(Label, name).__set__ for name in _LABEL_FIELDS)
_new = object.__new__


def new_label(
    x: float,
    y: float,
    text: str,
    id: int,
    kind: str = "marker",
    anchor_x: float = 0.0,
    max_width: float = math.inf,
    lane: int = 0,
    anchor_y: float = 0.0,
) -> Label:
    """``Label(...)`` with the same arguments, made about three times faster: a frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``, and a frame makes
    a hundred or two labels (placed, then moved with their lane). Here each slot is set
    through its own descriptor. Same fields, same defaults, equal labels."""
    label = _new(Label)
    set_x, set_y, set_text, set_id, set_kind, set_anchor_x, set_max, set_lane, set_anchor_y = (
        _LABEL_SETTERS
    )
    set_x(label, x)
    set_y(label, y)
    set_text(label, text)
    set_id(label, id)
    set_kind(label, kind)
    set_anchor_x(label, anchor_x)
    set_max(label, max_width)
    set_lane(label, lane)
    set_anchor_y(label, anchor_y)
    return label


@dataclass(frozen=True, slots=True)
class Frame:
    """One laid-out frame. ``point_cutoff[lane]``: duration classes below it are points there;
    ``hidden[lane]``: bars that found no free row."""

    scale: TimeScale
    metrics: LaneMetrics
    level: int
    markers: Markers
    bars: Bars
    labels: tuple[Label, ...]
    clusters: Clusters
    hidden: tuple[int, ...]
    point_cutoff: tuple[int, ...]


def _cat(arrays: list[Any]) -> Any:
    """Concatenate same-named fields of several parts (typed Any: fields differ in dtype)."""
    return np.concatenate(arrays) if arrays else np.empty(0)
