"""How a report names its sources: each source's short label and colour (see
``desktop.model.source_identity``), the same as the timeline legend and the panes show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.compare.model import Comparison
from desktop.model.source_identity import is_color, label_from_outlet

NO_COLOR = "#9e9e9e"


@dataclass(frozen=True, slots=True)
class SourceNames:
    """Source key -> short label and -> colour, for every source a comparison mentions."""

    labels: dict[str, str]
    colors: dict[str, str]

    def label(self, key: str, outlet: str = "") -> str:
        """The short label of ``key`` (one made from ``outlet`` for a source not known)."""
        return self.labels.get(key) or label_from_outlet(outlet, key)

    def color(self, key: str) -> str:
        return self.colors.get(key, NO_COLOR)


def source_names(comparison: Comparison, stored: Mapping[str, str] | None = None) -> SourceNames:
    """The names of the panes', blind spots' and coverage columns' sources: ``stored`` labels
    first, then the label each record carries, else one made from its outlet or title."""
    found: dict[str, tuple[str, str, str, str]] = {}  # key -> (label, outlet, title, colour)
    blind = comparison.blind_spots
    refs = (*blind.after, *blind.undated, *blind.awaiting, *blind.before)
    for ref in (*refs, *comparison.coverage.sources):
        found[ref.key] = (ref.label, ref.outlet, ref.title, ref.color)
    for pane in comparison.panes:
        h = pane.header
        found[h.source_key] = (h.label, h.outlet, h.title, h.color)
    given = stored or {}
    labels = {
        key: given.get(key) or label or label_from_outlet(outlet, title)
        for key, (label, outlet, title, _) in found.items()
    }
    colors = {key: color if is_color(color) else NO_COLOR for key, (*_, color) in found.items()}
    return SourceNames(labels, colors)
