"""Side by side: the compare panel, its source panes, the coverage matrix and the source reader."""

from desktop.ui.compare.coverage import CoverageMatrixView, CoverageTableModel
from desktop.ui.compare.panel import ComparePanel
from desktop.ui.compare.reader import SourceReader
from desktop.ui.compare.source_pane import SourcePane

__all__ = [
    "ComparePanel",
    "CoverageMatrixView",
    "CoverageTableModel",
    "SourcePane",
    "SourceReader",
]
