"""Which lanes the timeline shows, in which order, and which are collapsed: a pure value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class LaneState:
    """Lane keys in display order plus the collapsed and hidden ones.

    Immutable: every change returns a new value. ``reconcile`` adapts a saved state to the
    library's current lanes (unknown keys dropped, new lanes appended in library order).
    """

    order: tuple[str, ...] = ()
    collapsed: frozenset[str] = frozenset()
    hidden: frozenset[str] = frozenset()

    def reconcile(self, keys: Iterable[str]) -> LaneState:
        """This state applied to the lanes ``keys`` (in library order)."""
        wanted = list(keys)
        known = set(wanted)
        order = [k for k in self.order if k in known]
        order += [k for k in wanted if k not in set(order)]
        return LaneState(tuple(order), self.collapsed & known, self.hidden & known)

    def shown(self) -> tuple[str, ...]:
        """Keys of the lanes drawn, top to bottom."""
        return tuple(k for k in self.order if k not in self.hidden)

    def move(self, key: str, steps: int) -> LaneState:
        """``key`` moved ``steps`` places down (negative: up), clamped to the ends."""
        order = list(self.order)
        at = order.index(key)
        order.insert(max(0, min(len(order) - 1, at + steps)), order.pop(at))
        return replace(self, order=tuple(order))

    def toggle_collapsed(self, key: str) -> LaneState:
        """``key`` collapsed to its marker strip, or expanded again."""
        return replace(self, collapsed=self.collapsed ^ {key})

    def set_hidden(self, key: str, hidden: bool) -> LaneState:
        """``key`` hidden or shown."""
        chosen = self.hidden | {key} if hidden else self.hidden - {key}
        return replace(self, hidden=frozenset(chosen))

    def to_dict(self) -> dict[str, Any]:
        """Plain data for settings."""
        return {
            "order": list(self.order),
            "collapsed": sorted(self.collapsed),
            "hidden": sorted(self.hidden),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LaneState:
        """Inverse of ``to_dict``; tolerates missing or malformed entries."""

        def keys(name: str) -> list[str]:
            value = data.get(name, [])
            return [str(k) for k in value] if isinstance(value, list | tuple) else []

        return cls(tuple(keys("order")), frozenset(keys("collapsed")), frozenset(keys("hidden")))
