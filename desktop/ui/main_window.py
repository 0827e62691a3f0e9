"""The main window: the timeline on top, the comparison below, panels around them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from db.library import Library


class MainWindow(QMainWindow):
    """The workbench window for one open library."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("MainWindow")
        self.resize(1400, 900)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("MainSplitter")
        self.timeline_placeholder = QLabel("Timeline", self.splitter)
        self.compare_placeholder = QLabel("Select an event to compare its sources.", self.splitter)
        for label in (self.timeline_placeholder, self.compare_placeholder):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.splitter)
        self.refresh_title()
        self.show_counts()

    def refresh_title(self) -> None:
        self.setWindowTitle(f"Parallax — {self.library.display_url}")

    def show_counts(self) -> None:
        counts = self.library.counts()
        self.statusBar().showMessage(
            f"{counts.events} events · {counts.sources} sources · {counts.passages} passages"
        )
