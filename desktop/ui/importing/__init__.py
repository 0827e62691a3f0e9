"""Importing documents from the window: the controller, its forms and the review panel."""

from desktop.ui.importing.controller import ImportController
from desktop.ui.importing.drops import accepts_drop, paths_from_drop
from desktop.ui.importing.metadata_form import MetadataForm
from desktop.ui.importing.report_dialog import ImportReportDialog
from desktop.ui.importing.review_panel import ReviewPanel
from desktop.ui.importing.span_dialog import SpanDialog

__all__ = [
    "ImportController",
    "ImportReportDialog",
    "MetadataForm",
    "ReviewPanel",
    "SpanDialog",
    "accepts_drop",
    "paths_from_drop",
]
