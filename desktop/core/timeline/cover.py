"""A zoom level's grouping laid out once over a stretch of time and reused while it covers the view.

Markers, bars and clusters are decided at a quantised zoom level on a cell grid anchored at day
0 (see ``layout``), so while the level stays the same their grouping does not depend on the exact
scale: only their x positions do. A ``Cover`` holds them in time space ("x" fields hold day
numbers) over a window aligned to whole super-cells and wider than the view; a frame whose level
matches and whose view (plus ``REUSE_MARGIN``) lies inside the window takes its items from the
cover and maps times to pixels with one multiply-add per array. Pans and zooms within a level
therefore skip the grouping entirely.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from desktop.core.timeline.frame import Bars, Clusters, Markers
from desktop.core.timeline.scale import TimeScale

COVER_MARGIN = 0.3  # laid out beyond each side of the view, as a fraction of its span
REUSE_MARGIN = 0.1  # a cover is reused while it reaches this far beyond each side of the view
SHOWN_MARGIN = 0.25  # a frame keeps the cover's items this far beyond each side of the view


@dataclass(frozen=True, slots=True)
class Cover:
    """One level's items over ``[t0, t1)`` in time space, with the bars that found no row (as
    lane, start and end arrays) and each lane's point class cutoff."""

    level: int
    t0: float
    t1: float
    markers: Markers
    bars: Bars
    clusters: Clusters
    hidden: tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.float64]]
    point_cutoff: tuple[int, ...]

    def covers(self, level: int, scale: TimeScale) -> bool:
        """True when a frame at ``scale`` (of zoom ``level``) can be drawn from this cover."""
        reach = scale.span * REUSE_MARGIN
        return level == self.level and self.t0 <= scale.t0 - reach and scale.t1 + reach <= self.t1

    def placed(self, scale: TimeScale) -> tuple[Markers, Bars, Clusters]:
        """The items near the view at ``scale``, with x in pixels."""
        lo = scale.t0 - scale.span * SHOWN_MARGIN
        hi = scale.t1 + scale.span * SHOWN_MARGIN
        markers, bars, clusters = self.markers, self.bars, self.clusters
        return (
            _moved(markers, (markers.x >= lo) & (markers.x < hi), scale, ("x",)),
            _moved(bars, (bars.x1 > lo) & (bars.x0 < hi), scale, ("x0", "x1")),
            _moved(clusters, (clusters.x1 > lo) & (clusters.x0 < hi), scale, ("x0", "x1")),
        )

    def hidden_in(self, scale: TimeScale) -> tuple[int, ...]:
        """Per lane, how many bars that found no row overlap the view at ``scale``."""
        lanes, starts, ends = self.hidden
        seen = lanes[(ends > scale.t0) & (starts < scale.t1)]
        counts: list[int] = np.bincount(seen, minlength=len(self.point_cutoff)).tolist()
        return tuple(counts)


def cover_window(scale: TimeScale, align_days: float) -> tuple[float, float]:
    """The window laid out for ``scale``: the view plus ``COVER_MARGIN`` of its span each side,
    widened to multiples of ``align_days`` (so nearby views share one window)."""
    reach = scale.span * COVER_MARGIN
    first = math.floor((scale.t0 - reach) / align_days) * align_days
    last = math.ceil((scale.t1 + reach) / align_days) * align_days
    return first, last


def time_space(width_px: float) -> TimeScale:
    """A scale whose ``xs_of`` is the identity: items laid out with it keep day numbers in x."""
    return TimeScale(0.0, width_px, width_px)


def _moved[Part: (Markers, Bars, Clusters)](
    part: Part, keep: NDArray[np.bool_], scale: TimeScale, xs: tuple[str, ...]
) -> Part:
    """``part`` restricted to ``keep`` with the fields ``xs`` mapped from days to pixels."""
    offset, factor = scale.t0, scale.width_px / scale.span
    fields: dict[str, Any] = {}
    for name in type(part).__slots__:
        values = getattr(part, name)[keep]
        fields[name] = (values - offset) * factor if name in xs else values
    return type(part)(**fields)
