"""The welcome panel: what the window shows and what to try first.

Shown above the timeline on the first start and from Help > Welcome. Closing it with
"Don't show again" checked emits ``dismissed(True)``; the window stores that choice.
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
    QWidget,
)

WELCOME_TEXT = (
    "<b>Welcome to Parallax.</b> Click an event (try the <b>2008 war in Georgia</b>) to "
    "compare its sources side by side below. The mouse wheel zooms, <b>Esc</b> clears the "
    "selection, <b>F1</b> shows this note again."
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
        layout = QHBoxLayout(self)  # one short band: the comparison below needs the height
        layout.setContentsMargins(8, 4, 8, 4)
        text = QLabel(WELCOME_TEXT, self)
        text.setWordWrap(True)
        text.setAccessibleName("Welcome text")
        layout.addWidget(text, 1)
        side = QHBoxLayout()
        self.dont_show = QCheckBox("Don't show again", self)
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
