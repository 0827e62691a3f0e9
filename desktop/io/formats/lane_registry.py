"""Lanes for imported events: one per group name, in order of first appearance."""

from __future__ import annotations

from desktop.io.formats.bundle import LaneData
from desktop.io.formats.keys import KeyMaker

__all__ = ["DEFAULT_LANE", "LANE_COLORS", "LaneRegistry"]

LANE_COLORS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#9c755f",
)
DEFAULT_LANE = "Timeline"


class LaneRegistry:
    """Lanes made from group names, in order of first appearance, with palette colours."""

    def __init__(self) -> None:
        self._by_group: dict[str, LaneData] = {}
        self._keys = KeyMaker("lane")

    def key_for(self, group: str) -> str:
        """The key of the lane for ``group`` (blank: the default lane), creating it if new."""
        name = " ".join(group.split()) or DEFAULT_LANE
        if name not in self._by_group:
            position = len(self._by_group)
            self._by_group[name] = LaneData(
                key=self._keys.take(name),
                name=name,
                color=LANE_COLORS[position % len(LANE_COLORS)],
                position=position,
            )
        return self._by_group[name].key

    def records(self) -> tuple[LaneData, ...]:
        """All lanes made so far, by position."""
        return tuple(self._by_group.values())
