"""The coder switch: show my codings, theirs, or both in the comparison."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.core.team.coders import CoderFilter, CoderView
from desktop.core.workbench import Workbench

LABELS = {
    CoderView.BOTH: "Codings: everyone",
    CoderView.MINE: "Codings: mine",
    CoderView.THEIRS: "Codings: others'",
}


class CoderSwitch(QComboBox):
    """Sets ``workbench.coder_filter``; ``after_change`` refreshes the views that show codings."""

    def __init__(
        self,
        workbench: Workbench,
        after_change: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CoderSwitch")
        self.setAccessibleName("Whose codings to show")
        self.workbench = workbench
        self._after = after_change
        for view, label in LABELS.items():
            self.addItem(label, view.value)
        self.setCurrentIndex(list(LABELS).index(workbench.coder_filter.view))
        self.currentIndexChanged.connect(self._chosen)

    def _chosen(self, index: int) -> None:
        view = CoderView(self.itemData(index))
        self.workbench.set_coder_filter(CoderFilter(view, self.workbench.author))
        if self._after is not None:
            self._after()
