"""The window's first-start layout, fitted to the screen, and the focus on the comparison.

``arrange_default_layout`` is the one definition of the first-start layout: View › Reset layout
calls it too, so a reset gives exactly what a first start gave. Filters sit on the left; Event
details on the right with every other panel tabbed below it (Search in front); the side
columns take a share of the window, so the comparison keeps most of the width. The left
column takes what its panel asks for (``sizeHint``: the Filters' longest names), from
``LEFT_SHARE`` up to ``LEFT_MAX_SHARE`` of the window, but only out of what the centre can spare
above ``CENTRE_WIDTH``: at 1280 pixels the comparison's five panes keep their room and the
Filters elide long names; from 1366 up the Filters get what their names need.
``fit_to_screen`` gives a first start the whole available screen area (a researcher lays a
timeline, a comparison and panels side by side: every pixel counts); the size the user gives
the window afterwards is what the next start restores.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QSizePolicy, QWidget

Area = Qt.DockWidgetArea
MIN_DOCK_WIDTH = 150
MIN_DOCK_HEIGHT = 60
LEFT_SHARE, RIGHT_SHARE = 0.15, 0.18  # of the window's width
LEFT_MAX_SHARE = 0.22  # the most the left column takes for what its panel asks
CENTRE_WIDTH = 850  # the timeline and five source panes side by side (a first start's comparison)
TIMELINE_SHARE = 0.4  # of the height shared by the timeline and the comparison
LEFT = ("filters",)
RIGHT_TOP = "details"
# tabbed below Event details in this order, then the rest; Search in front
TAB_ORDER = ("search", "codebook", "notes", "history", "import-review")


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget) -> None:
    """Size the window, its frame included, to the screen's available area (the screen less
    its panels and docks) and move it there."""
    area = available_area(window)
    frame = window.frameGeometry().size() - window.geometry().size()
    window.resize(area.width() - frame.width(), area.height() - frame.height())
    window.move(area.topLeft())


def keep_inside_screen(window: QWidget) -> None:
    """Shrink and move a restored window that does not fit the current screen."""
    area = available_area(window)
    frame = window.frameGeometry()
    if area.contains(frame):
        return
    width = min(window.width(), area.width() - (frame.width() - window.width()))
    height = min(window.height(), area.height() - (frame.height() - window.height()))
    window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    window.move(x, y)


def restrain(widget: QWidget) -> None:
    """Keep a dock's content from widening the dock or heightening the window: its own
    minimum size is small and its width hint is ignored (long texts elide or wrap instead)."""
    widget.setMinimumSize(MIN_DOCK_WIDTH, MIN_DOCK_HEIGHT)
    policy = widget.sizePolicy()
    widget.setSizePolicy(QSizePolicy.Policy.Ignored, policy.verticalPolicy())


def arrange_default_layout(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Put every dock at its first-start place and size (all shown, none floating)."""
    for dock in docks.values():
        dock.setFloating(False)
        window.removeDockWidget(dock)
    left = [docks[name] for name in LEFT if name in docks]
    for dock in left:
        window.addDockWidget(Area.LeftDockWidgetArea, dock)
    right_top = docks.get(RIGHT_TOP)
    names = [n for n in docks if n not in LEFT and n != RIGHT_TOP]
    names.sort(key=lambda n: TAB_ORDER.index(n) if n in TAB_ORDER else len(TAB_ORDER))
    tabbed = [docks[n] for n in names]
    if right_top is not None:
        window.addDockWidget(Area.RightDockWidgetArea, right_top)
    for dock in tabbed:
        window.addDockWidget(Area.RightDockWidgetArea, dock)
    for dock in tabbed[1:]:
        window.tabifyDockWidget(tabbed[0], dock)
    for dock in docks.values():
        dock.show()
    if tabbed:
        tabbed[0].raise_()
    _size_columns(window, left, right_top, tabbed)


def _size_columns(
    window: QMainWindow,
    left: list[QDockWidget],
    right_top: QDockWidget | None,
    tabbed: list[QDockWidget],
) -> None:
    width = window.width()
    right = right_top or (tabbed[0] if tabbed else None)
    right_width = max(MIN_DOCK_WIDTH, int(width * RIGHT_SHARE)) if right is not None else 0
    spare = width - right_width - CENTRE_WIDTH
    columns = [(d, left_width(d, width, spare)) for d in left[:1]]
    if right is not None:
        columns.append((right, right_width))
    window.resizeDocks([d for d, _ in columns], [w for _, w in columns], Qt.Orientation.Horizontal)
    if right_top is not None and tabbed:
        height = window.height()
        window.resizeDocks(
            [right_top, tabbed[0]], [int(height * 0.4), int(height * 0.6)], Qt.Orientation.Vertical
        )


def left_width(dock: QDockWidget, window_width: int, spare: int) -> int:
    """The left column's first width: what the dock's panel asks for, at least ``LEFT_SHARE``
    of the window (never below ``MIN_DOCK_WIDTH``), at most ``LEFT_MAX_SHARE`` of it and at
    most ``spare``, the width the centre can give up."""
    least = max(MIN_DOCK_WIDTH, int(window_width * LEFT_SHARE))
    panel = dock.widget()
    wanted = panel.sizeHint().width() if panel is not None else 0
    return max(least, min(wanted, int(window_width * LEFT_MAX_SHARE), spare))


@dataclass(frozen=True)
class DockPlace:
    name: str
    area: str
    visible: bool
    floating: bool
    tabbed_with: tuple[str, ...]


def layout_signature(window: QMainWindow, docks: dict[str, QDockWidget]) -> tuple[DockPlace, ...]:
    """Where every dock is (area, visibility, floating, tab group): what a reset must restore."""
    names = {dock: name for name, dock in docks.items()}
    return tuple(
        DockPlace(
            name,
            window.dockWidgetArea(dock).name or "",
            dock.isVisible(),
            dock.isFloating(),
            tuple(sorted(names[d] for d in window.tabifiedDockWidgets(dock) if d in names)),
        )
        for name, dock in sorted(docks.items())
    )
