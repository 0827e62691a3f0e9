"""Colours that identify sources: distinct and colour-blind safe (each source stores its own;
see ``desktop.model.source_identity``)."""

from __future__ import annotations

# The Okabe–Ito palette (distinguishable under the common colour-vision deficiencies),
# followed by further hues for libraries with many sources.
SOURCE_COLORS: tuple[str, ...] = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#CC79A7",
    "#0072B2",
    "#D55E00",
    "#F0E442",
    "#7F7F7F",
    "#8C564B",
    "#17BECF",
    "#BCBD22",
    "#9467BD",
)
