"""Light and dark palettes for the Fusion style, and the system look.

``apply_theme(app, name)`` is the only entry point: it sets the style and the palette of the
whole application. ``name`` is one of ``THEMES``; an unknown name falls back to ``"system"``.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

THEMES = ("system", "light", "dark")
Role = QPalette.ColorRole
Group = QPalette.ColorGroup

_LIGHT = {
    Role.Window: "#f3f3f1",
    Role.WindowText: "#1d1f21",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#eef0f2",
    Role.ToolTipBase: "#ffffe8",
    Role.ToolTipText: "#1d1f21",
    Role.PlaceholderText: "#80868b",
    Role.Text: "#1d1f21",
    Role.Button: "#e9e9e6",
    Role.ButtonText: "#1d1f21",
    Role.BrightText: "#c62828",
    Role.Link: "#1a5fb4",
    Role.Highlight: "#2f6fbd",
    Role.HighlightedText: "#ffffff",
    Role.Mid: "#c4c4c0",
    Role.Dark: "#9e9e9a",
    Role.Light: "#ffffff",
    Role.Midlight: "#f7f7f5",
    Role.Shadow: "#5f5f5c",
}

_DARK = {
    Role.Window: "#25272a",
    Role.WindowText: "#e6e6e3",
    Role.Base: "#1b1c1e",
    Role.AlternateBase: "#2c2e31",
    Role.ToolTipBase: "#34373b",
    Role.ToolTipText: "#e6e6e3",
    Role.PlaceholderText: "#8c9096",
    Role.Text: "#e6e6e3",
    Role.Button: "#33363a",
    Role.ButtonText: "#e6e6e3",
    Role.BrightText: "#ff8a80",
    Role.Link: "#8ab4f8",
    Role.Highlight: "#3d7bd0",
    Role.HighlightedText: "#ffffff",
    Role.Mid: "#4a4d52",
    Role.Dark: "#16171a",
    Role.Light: "#45484d",
    Role.Midlight: "#3a3d41",
    Role.Shadow: "#0b0b0c",
}

# Disabled controls: text recedes towards the background in both themes.
_DISABLED = {"light": "#9a9da0", "dark": "#6c7076"}
# Fusion draws outlines as the window colour darkened by 40 %: this gives a mid grey.
_OUTLINE_BASE = "#a4a9b0"


class DarkFusionStyle(QProxyStyle):
    """Fusion with check boxes, radio buttons and line edits outlined visibly on dark colours.

    Fusion outlines these controls with the window colour made darker, which vanishes on a
    dark theme; here they are drawn with a lighter window colour, everything else unchanged.
    """

    _OUTLINED = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        QStyle.PrimitiveElement.PE_FrameLineEdit,
        QStyle.PrimitiveElement.PE_PanelLineEdit,
    )

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element not in self._OUTLINED:
            super().drawPrimitive(element, option, painter, widget)
            return
        original = QPalette(option.palette)
        lighter = QPalette(original)
        lighter.setColor(Role.Window, QColor(_OUTLINE_BASE))
        option.palette = lighter
        try:
            super().drawPrimitive(element, option, painter, widget)
        finally:
            option.palette = original


def theme_palette(name: str) -> QPalette:
    """The palette of the ``light`` or ``dark`` theme (ValueError for other names)."""
    if name not in ("light", "dark"):
        raise ValueError(f"no palette for theme {name!r}; palettes exist for light and dark")
    colors = _LIGHT if name == "light" else _DARK
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    disabled = QColor(_DISABLED[name])
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(Group.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication, name: str) -> str:
    """Style ``app`` with theme ``name`` and return the theme actually applied.

    ``system`` restores the platform's own style and palette as they were at the first call.
    """
    if not app.property("parallax_system_style") and app.style().name():
        app.setProperty("parallax_system_style", app.style().name())
    if name not in THEMES:
        name = "system"
    if name == "system":
        app.setStyle(QStyleFactory.create(str(app.property("parallax_system_style") or "Fusion")))
        app.setPalette(app.style().standardPalette())
    else:
        app.setStyle(DarkFusionStyle() if name == "dark" else QStyleFactory.create("Fusion"))
        app.setPalette(theme_palette(name))
    app.setProperty("parallax_theme", name)
    return name


def is_dark(palette: QPalette) -> bool:
    """Whether a palette's window colour is dark (drawing code picks contrasting inks by it)."""
    return palette.color(Role.Window).lightness() < 128
