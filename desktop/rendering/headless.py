"""An application object for rendering files without a window system when there is no display."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def needs_offscreen() -> bool:
    """True on Linux/BSD, where a command that only renders files needs no window system.

    Rendering offscreen there also avoids failing on a display that is set but unusable (a
    lost SSH forwarding, a missing xcb library). macOS and Windows keep their own platform.
    """
    return not sys.platform.startswith(("win", "darwin"))


def ensure_gui_application() -> QCoreApplication:
    """The running application, or a new ``QApplication`` for rendering files.

    A full ``QApplication`` (not a bare ``QGuiApplication``) so that widgets made later in the
    same process, such as a test session's, still work; offscreen it needs no display either.

    On Linux/BSD the new application is offscreen unless ``QT_QPA_PLATFORM`` says otherwise.

    Must be called on the main thread before any font, pixmap or painter is made. An existing
    application (the window's, or pytest-qt's) is returned as it is.
    """
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    if needs_offscreen() and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication([sys.argv[0] if sys.argv else "parallax"])
