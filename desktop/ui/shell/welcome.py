"""The welcome panel: what the window shows and what to try first.

Shown above the timeline on the first start and from Help > Welcome. Closing it with
"Don't show this again" checked emits ``dismissed(True)``; the window stores that choice.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

WELCOME_TEXT = (
    "<b>Welcome to Parallax.</b> The timeline at the top lays the library's events out in "
    "lanes by region; the panes below compare how each source tells the selected event. "
    "<br>Try this: zoom with the mouse wheel or <b>Ctrl +</b>/<b>Ctrl −</b>; click the "
    "<b>2008 war in Georgia</b> and read the sources side by side below; narrow the events in "
    "the <b>Filters</b> panel; export the view from <b>File › Export</b>. "
    "<b>Esc</b> clears the selection, <b>F1</b> brings this note back."
)


class WelcomePanel(QFrame):
    dismissed = Signal(bool)  # True: do not show again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomePanel")
        self.setAccessibleName("Welcome")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        layout = QHBoxLayout(self)
        text = QLabel(WELCOME_TEXT, self)
        text.setWordWrap(True)
        text.setAccessibleName("Welcome text")
        layout.addWidget(text, 1)
        side = QVBoxLayout()
        self.dont_show = QCheckBox("Don't show this again", self)
        self.dont_show.setChecked(False)
        self.dont_show.setAccessibleName("Don't show the welcome again")
        self.close_button = QPushButton("Got it", self)
        self.close_button.setAccessibleName("Close the welcome")
        self.close_button.clicked.connect(self.dismiss)
        side.addWidget(self.dont_show)
        side.addWidget(self.close_button)
        layout.addLayout(side)

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit(self.dont_show.isChecked())
