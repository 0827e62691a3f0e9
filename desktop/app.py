"""Composition root: builds the library, the models and the window, and wires them.

Nothing else in the application creates a QApplication, opens a library or reads settings.
"""

from __future__ import annotations

import sys

from db.errors import LibraryError
from db.library import Library, open_library
from desktop.core.sample import load_sample_if_empty


def open_workbench_library(db: str | None) -> Library:
    """Open the library and, on first start of an empty one, fill it from the bundled dataset."""
    library = open_library(db)
    load_sample_if_empty(library)
    return library


def run_gui(db: str | None) -> int:
    """Start the Qt application on the library; returns the process exit status."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Parallax")
    app.setOrganizationName("Parallax")
    try:
        library = open_workbench_library(db)
    except LibraryError as error:
        QMessageBox.critical(None, "Parallax cannot open the library", str(error))
        return 2
    window = MainWindow(library)
    window.show()
    status = app.exec()
    library.dispose()
    return int(status)
