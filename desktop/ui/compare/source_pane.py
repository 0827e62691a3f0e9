"""One source's pane: a header (outlet, authors, kind, dates, colour) and its passages."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.compare.model import Pane, PaneHeader
from desktop.ui.compare.passage_block import PassageBlock
from desktop.ui.compare.safe_text import css_rgba
from desktop.ui.elided_label import ElidedLabel, plain_tooltip

PANE_MIN_WIDTH = 150
PANE_MAX_WIDTH = 820
MAX_VISIBLE_PANES = 6  # beyond this many, panes keep a sixth of the width and scroll


def plain_label(text: str, parent: QWidget, *, secondary: bool = False) -> QLabel:
    """A word-wrapped label that shows ``text`` literally (never as rich text)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if secondary:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def header_meta(header: PaneHeader) -> str:
    """ "authors · kind · published … (elapsed)" in one line."""
    parts = [", ".join(header.authors), header.kind.replace("-", " ")]
    when = f"published {header.published_display}"
    if header.elapsed:
        when += f", {header.elapsed}"
    if header.published_note:
        when += " (see date note)"  # the note itself is the label's tooltip
    return " · ".join(p for p in (*parts, when) if p)


class SourcePane(QFrame):
    """Shows one ``Pane``; asks the panel for moves, pinning, hiding and the reader by signals.

    ``full_text`` is the source's text, used to widen passages to their paragraph when
    ``in_context`` is on. The pane keeps no state beyond what it was built with and the code
    currently highlighted.
    """

    code_activated = Signal(str)
    move_requested = Signal(str, int)
    pin_toggled = Signal(str)
    hide_requested = Signal(str)
    reader_requested = Signal(str)
    identity_requested = Signal(str)  # change the source's short label and colour

    def __init__(
        self,
        pane: Pane,
        color: str,
        *,
        full_text: str | None = None,
        in_context: bool = False,
        pinned: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pane = pane
        self.source_key = pane.source_key
        self.has_full_text = bool(full_text)
        self.setObjectName("SourcePane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(PANE_MIN_WIDTH)
        self.setMaximumWidth(PANE_MAX_WIDTH)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(f"pane {pane.header.label or pane.header.outlet or pane.source_key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 3)
        layout.setSpacing(2)
        layout.addLayout(self._buttons_row(color, pinned))
        self._add_header_text(layout, in_context)
        self.blocks = [PassageBlock(view, full_text, in_context, None) for view in pane.passages]
        layout.addWidget(self._passage_area(), 1)

    def set_highlight(self, code_key: str | None) -> None:
        for block in self.blocks:
            block.set_highlight(code_key)

    def _buttons_row(self, color: str, pinned: bool) -> QHBoxLayout:
        """Colour, label (elided; outlet and title in its tooltip), move and hide buttons."""
        header = self.pane.header
        top = QHBoxLayout()
        top.setSpacing(2)
        top.addWidget(self._color_chip(color))
        self.outlet_label = ElidedLabel(header.label or header.outlet or self.source_key, self)
        self.outlet_label.setToolTip(plain_tooltip(f"{header.outlet}\n{header.title}".strip()))
        font = self.outlet_label.font()
        font.setBold(True)
        self.outlet_label.setFont(font)
        top.addWidget(self.outlet_label, 1)
        key = self.source_key
        self.move_left_button = self._tool("◀", "move this pane left")
        self.move_left_button.clicked.connect(lambda: self.move_requested.emit(key, -1))
        self.move_right_button = self._tool("▶", "move this pane right")
        self.move_right_button.clicked.connect(lambda: self.move_requested.emit(key, 1))
        self.pin_button = self._tool("Pin", "keep this source first for every event", pinned)
        self.pin_button.clicked.connect(lambda: self.pin_toggled.emit(key))
        self.reader_button = self._tool("Read", "open the whole source in the reader")
        self.reader_button.clicked.connect(lambda: self.reader_requested.emit(key))
        self.hide_button = self._tool("✕", "hide this source's pane")
        self.hide_button.clicked.connect(lambda: self.hide_requested.emit(key))
        for button in (self.move_left_button, self.move_right_button, self.hide_button):
            top.addWidget(button)
        return top

    def _color_chip(self, color: str) -> QToolButton:
        """The source's colour; a click changes its label and colour."""
        chip = QToolButton(self)
        chip.setObjectName("SourceColor")
        chip.setFixedSize(14, 14)
        chip.setStyleSheet(
            f"QToolButton {{ background-color: {css_rgba(color, 255)}; border-radius: 3px;"
            " border: 1px solid palette(mid); }"
        )
        chip.setToolTip("the source's colour on the timeline; click to change it or the label")
        chip.setAccessibleName("change the source's label and colour")
        chip.clicked.connect(lambda: self.identity_requested.emit(self.source_key))
        self.color_chip = chip
        return chip

    def _tool(self, text: str, tip: str, checked: bool | None = None) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setAutoRaise(True)
        button.setStyleSheet("QToolButton { padding: 0px; }")
        button.setFixedWidth(button.fontMetrics().horizontalAdvance(text) + 10)
        if checked is not None:
            button.setCheckable(True)
            button.setChecked(checked)
        return button

    def _add_header_text(self, layout: QVBoxLayout, in_context: bool) -> None:
        """Publication line (title and date note in its tooltip), then the dominant frames
        with the pin and reader buttons: two short lines, so passages keep the height."""
        header = self.pane.header
        self.meta_label = ElidedLabel(header_meta(header), self)
        self.meta_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        tip = f"{header.title}\n{header_meta(header)}"
        if header.published_note:
            tip += f"\nAbout the date: {header.published_note}"
        self.meta_label.setToolTip(plain_tooltip(tip))
        layout.addWidget(self.meta_label)
        self.frames_label = ElidedLabel("", self)
        self.frames_label.setObjectName("PaneFrames")
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addWidget(self.frames_label, 1)
        row.addWidget(self.pin_button)
        row.addWidget(self.reader_button)
        layout.addLayout(row)
        if in_context and not self.has_full_text:
            layout.addWidget(
                plain_label("Quotes only: the full text is not stored.", self, secondary=True)
            )
        if not self.pane.passages:
            layout.addWidget(plain_label("Says nothing about this event.", self, secondary=True))

    def show_frames(self, names: list[str]) -> None:
        """The source's dominant frames for this event, in one line under its header."""
        self.frames_label.setText("Frames: " + ", ".join(names) if names else "")

    def _passage_area(self) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(area)
        body.setMinimumWidth(1)  # passages wrap to the pane's width; a wide chip is cut instead
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 4, 0)
        for block in self.blocks:
            block.setParent(body)
            block.code_activated.connect(self.code_activated)
            column.addWidget(block)
        column.addStretch(1)
        area.setWidget(body)
        return area
