"""Composition root: builds the library, the models and the window, and wires them.

Nothing else in the application creates a QApplication, opens a library or reads settings.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import LibraryError
from db.library import Library, open_library
from desktop.core.sample import load_sample_if_empty

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from desktop.core.workbench import Workbench
    from desktop.model.changes import Changes
    from desktop.ui.bridge import WorkbenchSignals
    from desktop.ui.library_session import LibrarySession
    from desktop.ui.main_window import MainWindow


def open_workbench_library(db: str | None) -> Library:
    """Open the library and, on first start of an empty one, fill it from the bundled dataset."""
    library = open_library(db)
    load_sample_if_empty(library)
    return library


def open_session(
    window: MainWindow, workbench: Workbench, signals: WorkbenchSignals
) -> LibrarySession:
    """Build what ``window`` shows of one library: the timeline, the comparison and the team,
    editing, importing and exchange features wired to each other."""
    from desktop.core.assist import acceptors
    from desktop.ui.compare import ComparePanel
    from desktop.ui.editing.feature import EditingFeature
    from desktop.ui.exchange.feature import ExchangeFeature
    from desktop.ui.importing.feature import ImportingFeature
    from desktop.ui.library_session import LibrarySession
    from desktop.ui.team.feature import TeamFeature
    from desktop.ui.timeline.panel import TimelinePanel

    acceptors.register()  # the review panel accepts assisted passages, claims and codes
    timeline = TimelinePanel(workbench, signals)
    compare = ComparePanel(workbench, signals)
    team = TeamFeature(window, workbench, signals, compare.refresh)
    editing = EditingFeature(window, workbench, timeline, compare)
    editing.controller.use_relay(team.hub.send)  # edits made while offline wait and retry
    team.hub.edit_settled.connect(editing.controller.settle)
    importing = ImportingFeature(window, workbench, signals, compare, editing.controller)
    exchange = ExchangeFeature(window, workbench, timeline)
    return LibrarySession(workbench, signals, timeline, compare, team, editing, importing, exchange)


def fill_window(window: MainWindow, workbench: Workbench, signals: WorkbenchSignals) -> None:
    """Show ``workbench`` in ``window`` through a new library session.

    Called once at start and again whenever the window switches to another library
    (``workbench_changed``); the window closes the session it showed before. Once the
    window has painted it, what it read to open is kept out of garbage collection
    (``desktop.core.collection_policy``) and the titles and dates its first frame did not need are
    read on a worker, then the text search is built there (``Workbench.prepare_texts``). Both
    happen again once the timeline has painted a rebuilt catalog (an import, a full reload:
    ``rebuilds_catalog``), or at once when the timeline is not shown: what the rebuild read and
    the view built of it is kept out of collections too.
    """
    from desktop.core.collection_policy import keep_out_of_collections
    from desktop.core.workbench import rebuilds_catalog
    from desktop.ui.shell.snapshot import after_first_paint

    def prepare() -> None:
        keep_out_of_collections()
        workbench.prepare_texts()

    workbench.read_search_ahead()  # the database's part, beside building and painting
    session = open_session(window, workbench, signals)
    window.show_session(session)
    after_first_paint(window, prepare)
    view = session.timeline.view

    def reloaded(changes: Changes | None) -> None:
        if not rebuilds_catalog(changes) or window.workbench is not workbench:
            return
        workbench.read_search_ahead()
        if view.isVisible():  # it rebuilt its scene before this: its next paint shows it
            after_first_paint(view, prepare)
        else:
            prepare()

    signals.catalog_changed.connect(reloaded)


def run_gui(
    db: str | None,
    screenshot: Path | None = None,
    event_key: str | None = None,
    shown: tuple[float, float] | None = None,
) -> int:
    """Start the Qt application on the library; returns the process exit status.

    The library is opened and read on a worker thread (a big one shows a progress dialog with
    Cancel); the window appears once it is read. With ``screenshot`` the window is saved there
    as PNG after its first paint and the application quits. ``shown``: the days the timeline
    opens on (else the last session's).
    """
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui.shell.library_loading import open_job
    from desktop.ui.shell.settings import ShellSettings
    from desktop.ui.shell.tasks import run_with_progress
    from desktop.ui.theme import apply_theme

    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Parallax")
    app.setOrganizationName("Parallax")
    _identify()
    settings = QSettings()
    apply_theme(app, ShellSettings(settings).preferences().theme)
    opened: list[MainWindow] = []
    failed: list[int] = []
    handle = run_with_progress(
        None, "Opening library", open_job(lambda _: open_workbench_library(db), db or "", "")
    )

    def show(workbench: Workbench) -> None:
        opened.append(_show_window(workbench, settings, event_key, shown))
        if screenshot is not None:
            from desktop.ui.shell.snapshot import save_after_first_paint

            save_after_first_paint(opened[-1], screenshot, lambda status: _end(status, failed))

    handle.succeeded.connect(show)
    handle.failed.connect(lambda error, details: failed.append(_cannot_open(error, details)))
    handle.cancelled.connect(app.quit)
    status = app.exec()
    # Closing the last window posted a Quit of its own; left queued, it would end the next
    # event loop this process runs (a second run_gui, or any test after this one).
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    for window in opened:
        window.errors.uninstall()
        window.close_session()
        window.workbench.library.dispose()
    return failed[0] if failed else int(status)


def _identify() -> None:
    """The window icon, and the desktop entry's name so that docks and Wayland match the two."""
    from PySide6.QtGui import QGuiApplication, QIcon

    from desktop.io.desktop_entry import APP_ID
    from desktop.io.resources import resource

    QGuiApplication.setWindowIcon(QIcon(str(resource("icons", "parallax.svg"))))
    QGuiApplication.setDesktopFileName(APP_ID)


def _show_window(
    workbench: Workbench,
    settings: QSettings,
    event_key: str | None = None,
    shown: tuple[float, float] | None = None,
) -> MainWindow:
    from desktop.ui.bridge import WorkbenchSignals
    from desktop.ui.main_window import MainWindow
    from desktop.ui.shell.errors import ErrorReporter

    errors = ErrorReporter(parent=lambda: window)
    window = MainWindow(workbench, WorkbenchSignals(workbench), settings, errors=errors)
    fill_window(window, window.workbench, window.signals)
    window.finish_layout()
    window.workbench_changed.connect(lambda bench, signals: fill_window(window, bench, signals))
    errors.install()
    window.show()
    if shown is not None and window.session is not None:
        window.session.timeline.show_range(*shown)
    if event_key is not None:
        window.workbench.select([event_key])
    return window


def _end(status: int, failed: list[int]) -> None:
    """Quit the application; a non-zero ``status`` becomes its exit status."""
    from PySide6.QtWidgets import QApplication

    if status:
        failed.append(status)
    QApplication.quit()


def _cannot_open(error: BaseException, details: str) -> int:
    """Say why the library cannot be opened and end the application; returns the exit status."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    message = str(error) if isinstance(error, LibraryError) else f"{error}\n\n{details}"
    QMessageBox.critical(None, "Parallax cannot open the library", message)
    QApplication.quit()
    return 2
