"""Compare how several sources treat one event: panes, frames, facts, blind spots, words.

Pure functions over the frozen records of ``db.records``; no database, no Qt. ``build_comparison``
produces a ``Comparison`` that the UI shows and the exporters render as dict, Markdown or HTML.
"""

from desktop.core.compare.build import build_comparison
from desktop.core.compare.export_dict import comparison_to_dict
from desktop.core.compare.export_html import comparison_to_html
from desktop.core.compare.export_markdown import comparison_to_markdown
from desktop.core.compare.model import Comparison, FactFinding, FrameMatrix, Pane

__all__ = [
    "Comparison",
    "FactFinding",
    "FrameMatrix",
    "Pane",
    "build_comparison",
    "comparison_to_dict",
    "comparison_to_html",
    "comparison_to_markdown",
]
