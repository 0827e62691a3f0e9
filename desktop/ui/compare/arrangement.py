"""Which source panes show, in what order: pinned first, hidden left out, manual moves kept.

Pure values, no Qt: the compare panel holds one ``Arrangement`` and replaces it on every change,
so the same choices apply when another event is selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Arrangement:
    """The researcher's choices about panes.

    ``pinned`` sources come first (in pin order) for every event, even one they are silent on;
    ``hidden`` sources never show; ``custom`` is a manual order that outranks publication order
    for the keys it names.
    """

    pinned: tuple[str, ...] = ()
    hidden: frozenset[str] = frozenset()
    custom: tuple[str, ...] = ()

    def order(self, speaking: Sequence[str]) -> tuple[str, ...]:
        """The visible pane keys: pinned ones, then ``speaking`` (in publication order) ranked by
        the manual order where it names them."""
        pinned = [k for k in self.pinned if k not in self.hidden]
        rest = [k for k in speaking if k not in self.hidden and k not in self.pinned]
        rank = {k: i for i, k in enumerate(self.custom)}
        position = {k: i for i, k in enumerate(rest)}
        rest.sort(key=lambda k: rank.get(k, len(rank) + position[k]))
        return tuple(pinned + rest)

    def move(self, key: str, delta: int, speaking: Sequence[str]) -> Arrangement:
        """Move ``key`` ``delta`` places within its group (pinned or not); clamped at the ends."""
        if key in self.pinned:
            return replace(self, pinned=_shifted(self.pinned, key, delta))
        current = [k for k in self.order(speaking) if k not in self.pinned]
        if key not in current:
            return self
        moved = _shifted(tuple(current), key, delta)
        others = tuple(k for k in self.custom if k not in moved)
        return replace(self, custom=moved + others)

    def toggle_pin(self, key: str) -> Arrangement:
        if key in self.pinned:
            return replace(self, pinned=tuple(k for k in self.pinned if k != key))
        return replace(self, pinned=(*self.pinned, key), hidden=self.hidden - {key})

    def hide(self, key: str) -> Arrangement:
        pinned = tuple(k for k in self.pinned if k != key)
        return replace(self, pinned=pinned, hidden=self.hidden | {key})

    def show(self, key: str) -> Arrangement:
        return replace(self, hidden=self.hidden - {key})

    def reset_order(self) -> Arrangement:
        return replace(self, custom=())


def _shifted(keys: tuple[str, ...], key: str, delta: int) -> tuple[str, ...]:
    items = list(keys)
    index = items.index(key)
    target = max(0, min(len(items) - 1, index + delta))
    items.insert(target, items.pop(index))
    return tuple(items)
