"""Toolbar icons drawn from our SVG files in the colours of the current palette.

The SVGs in ``resources/icons`` draw with ``currentColor``; ``themed_icon`` substitutes the
palette's button-text colour (and a dimmer one for the disabled state), so the same files read
well on light and dark themes. A missing file yields an empty icon, never an exception: the
action keeps its text.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.io.resources import resource

ICON_NAMES = ("zoom-in", "zoom-out", "zoom-fit", "home", "new-event", "import", "export")
_SIZES = (16, 24, 32, 48)


def _pixmap(svg: str, color: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color).encode("utf-8")))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


def themed_icon(name: str, palette: QPalette) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` coloured for ``palette``."""
    try:
        svg = resource("icons", f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    role = QPalette.ColorRole.ButtonText
    normal = palette.color(QPalette.ColorGroup.Active, role).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, role).name()
    icon = QIcon()
    for size in _SIZES:
        icon.addPixmap(_pixmap(svg, normal, size), QIcon.Mode.Normal)
        icon.addPixmap(_pixmap(svg, disabled, size), QIcon.Mode.Disabled)
    return icon
