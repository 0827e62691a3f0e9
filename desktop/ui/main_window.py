"""The main window: the timeline on top, the comparison below, dockable panels around them.

The window shows one ``Workbench`` (an open library, its catalog, selection and filters) and
holds no state of its own beyond layout. What it shows of a library beyond its own Filters and
Event details panels comes as one ``LibrarySession`` that the composition root builds and
``show_session`` swaps in: the timeline and comparison for the two slots, the feature panels,
and the handlers of the library actions. Every action is built and connected once, here; a
library action calls the current session's handler and is disabled when it has none. When
the user switches library the window closes the session, builds a new ``Workbench`` and
``WorkbenchSignals``, rebuilds its own panels, puts placeholders back in the slots and emits
``workbench_changed(workbench, signals)`` so the composition root builds the next session.
What the window remembers (layout, per-library filters, selection and timeline state,
preferences, recent libraries) goes to the ``QSettings`` it is given, never to a default one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.engine import database_name, url_without_password
from db.errors import LibraryError
from db.library import Library, open_library
from db.records import LibraryCounts
from desktop.core import reads
from desktop.core.workbench import Workbench
from desktop.model.changes import Changes
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.event_details import EventDetailsPanel
from desktop.ui.filters_panel import FiltersPanel
from desktop.ui.importing.drops import accepts_drop, paths_from_drop
from desktop.ui.shell import library_dialogs
from desktop.ui.shell.about import AboutDialog
from desktop.ui.shell.actions import build_actions, build_menus, build_toolbar, fill_view_menu
from desktop.ui.shell.docks import Area, PanelDocks
from desktop.ui.shell.errors import ErrorReporter
from desktop.ui.shell.layout import (
    TIMELINE_SHARE,
    arrange_default_layout,
    fit_to_screen,
    keep_inside_screen,
)
from desktop.ui.shell.library_loading import Opener, open_job
from desktop.ui.shell.preferences import PreferencesDialog
from desktop.ui.shell.settings import LibraryViewState, Preferences, ShellSettings
from desktop.ui.shell.slots import Navigable, Restorable
from desktop.ui.shell.tasks import Job, TaskHandle, run_with_progress
from desktop.ui.shell.welcome import WelcomePanel
from desktop.ui.theme import apply_theme

if TYPE_CHECKING:
    from desktop.ui.library_session import LibrarySession

NO_SESSION_TIP = "Not available until a library is shown."


def remembered_url(url: str) -> str:
    """The URL without its password: what recent lists and per-library settings keep."""
    return url_without_password(url)


def library_name(library: Library) -> str:
    """The name the title bar shows: the library's title, else its file name, else the
    database address without password."""
    title = reads.meta(library, "title")
    if title:
        return title
    if library.is_sqlite:
        return Path(database_name(library.url)).name or "library"
    return library.display_url


def _placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setEnabled(False)
    return label


class MainWindow(QMainWindow):
    """The workbench window. Construct with the first library's workbench and its signals."""

    workbench_changed = Signal(object, object)  # (Workbench, WorkbenchSignals)

    def __init__(
        self,
        workbench: Workbench,
        signals: WorkbenchSignals,
        settings: QSettings,
        *,
        opener: Opener = open_library,
        errors: ErrorReporter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = ShellSettings(settings)
        self.preferences = self.settings.preferences()
        self.errors = errors or ErrorReporter(parent=lambda: self)
        self._opener = opener
        self.timeline_widget: QWidget | None = None
        self.compare_widget: QWidget | None = None
        self.session: LibrarySession | None = None
        self._handlers: dict[str, Callable[[], object]] = {}
        self._session_tools: list[QAction] = []
        self._timeline_state: dict[str, Any] = {}
        self.setObjectName("MainWindow")
        self.setAccessibleName("Parallax")
        self._build_central()
        self.menu_actions = build_actions(self)
        self.recent_menu, self.view_menu = build_menus(self, self.menu_actions)
        self.toolbar = build_toolbar(self, self.menu_actions)
        self.panels = PanelDocks(self, self._refresh_view_menu)
        self.counts_label = QLabel(self)
        self.counts_label.setAccessibleName("Library counts")
        self.statusBar().addPermanentWidget(self.counts_label)
        self._connect_actions()
        self._bind(workbench, signals)
        self._focus_saved: tuple[Any, list[int], bool] | None = None
        fit_to_screen(self)
        self._restore_layout()
        self.welcome.setVisible(not self.settings.welcome_dismissed)
        self.setAcceptDrops(True)

    # --- construction -------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        layout = self._central_layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.welcome = WelcomePanel(central)
        self.welcome.dismissed.connect(self._on_welcome_dismissed)
        layout.addWidget(self.welcome)
        self.splitter = QSplitter(Qt.Orientation.Vertical, central)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.slot_hosts = [QStackedWidget(self.splitter), QStackedWidget(self.splitter)]
        for host, text in zip(
            self.slot_hosts,
            ("The timeline appears here.", "The comparison of sources appears here."),
            strict=True,
        ):
            host.addWidget(_placeholder(text))
            self.splitter.addWidget(host)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _connect_actions(self) -> None:
        a = self.menu_actions
        a.new_library.triggered.connect(self.new_library)
        a.open_library.triggered.connect(self.open_library)
        a.quit.triggered.connect(self.close)
        a.clear_selection.triggered.connect(lambda: self.workbench.select(()))
        a.preferences.triggered.connect(self.edit_preferences)
        a.reset_layout.triggered.connect(self.reset_layout)
        a.focus_comparison.setCheckable(True)
        a.focus_comparison.toggled.connect(self.set_comparison_focus)
        a.welcome.triggered.connect(self.welcome.show)
        a.about.triggered.connect(self.show_about)
        a.zoom_in.triggered.connect(lambda: self._navigate(lambda t: t.zoom_in()))
        a.zoom_out.triggered.connect(lambda: self._navigate(lambda t: t.zoom_out()))
        a.zoom_fit.triggered.connect(lambda: self._navigate(lambda t: t.fit_all()))
        a.zoom_home.triggered.connect(lambda: self._navigate(lambda t: t.go_home()))
        self._tips = {n: (x.statusTip(), x.toolTip()) for n, x in a.session_actions().items()}
        for name, action in a.session_actions().items():
            action.triggered.connect(lambda _checked=False, n=name: self._run_session_action(n))
        self._enable_session_actions()
        self._update_navigation()

    # --- the library session ------------------------------------------------------------
    def show_session(self, session: LibrarySession) -> None:
        """Show ``session`` (built for this window's workbench): its widgets in the slots, its
        panels in their docks, its banner and toolbar widgets, its action handlers. The
        session shown before is closed first."""
        self.close_session()
        self.session = session
        self.set_timeline_widget(session.timeline)
        self.set_compare_widget(session.compare)
        self.panels.show_panels(session.panels(), self.settings.window_layout()[1])
        self._central_layout.insertWidget(0, session.banner())
        self._session_tools = [self.toolbar.addWidget(w) for w in session.toolbar_widgets()]
        self._handlers = session.handlers()
        self._enable_session_actions()
        session.shown()

    def close_session(self) -> None:
        """Take the current session down (its timers and threads stop); its actions disable."""
        session, self.session = self.session, None
        if session is None:
            return
        for action in self._session_tools:
            self.toolbar.removeAction(action)
        self._session_tools = []
        self._handlers = {}
        session.close()
        self._enable_session_actions()

    def _enable_session_actions(self) -> None:
        for name, action in self.menu_actions.session_actions().items():
            ready = name in self._handlers or name in self._fallbacks()
            status, tooltip = self._tips[name] if ready else (NO_SESSION_TIP, NO_SESSION_TIP)
            action.setEnabled(ready)
            action.setStatusTip(status)
            action.setToolTip(tooltip)

    def _fallbacks(self) -> dict[str, Callable[[], object]]:
        """What a library action does with no session handler (Find searches the Filters)."""
        return {"find": self.find_events}

    def _run_session_action(self, name: str) -> None:
        handler = self._handlers.get(name) or self._fallbacks().get(name)
        if handler is not None:
            handler()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.session is not None and accepts_drop(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.session is not None and accepts_drop(event.mimeData()):
            event.acceptProposedAction()
            self.session.importing.import_paths(paths_from_drop(event.mimeData()))

    # --- the workbench ------------------------------------------------------------------
    def _bind(self, workbench: Workbench, signals: WorkbenchSignals) -> None:
        """Show ``workbench``: restore its view state, (re)build the panels, refresh the chrome."""
        self.workbench = workbench
        self.signals = signals
        workbench.author = self.preferences.author
        state = self.settings.view_state(self.library_key)
        workbench.set_filters(state.filters)
        workbench.select(key for key in state.selection if workbench.catalog.has(key))
        self._timeline_state = state.timeline
        self.filters_panel = FiltersPanel(workbench, signals)
        self.details_panel = EventDetailsPanel(workbench, signals, self.preferences.date_format)
        if "filters" in self.panels.docks:
            self.panels.replace("filters", self.filters_panel)
            self.panels.replace("details", self.details_panel)
        else:
            self.panels.add("filters", "Filters", self.filters_panel, Area.LeftDockWidgetArea)
            self.panels.add("details", "Event details", self.details_panel)
        self._counts: LibraryCounts | None = None
        signals.catalog_changed.connect(self._on_catalog_counts)
        signals.filters_changed.connect(self.show_counts)
        self.settings.add_recent_library(self.library_key)
        self._refresh_recent_menu()
        self.refresh_title()
        self.show_counts()
        self._update_tab_order()

    @property
    def library_key(self) -> str:
        return remembered_url(self.workbench.library.url)

    def refresh_title(self) -> None:
        self.setWindowTitle(f"Parallax — {library_name(self.workbench.library)}")

    def _on_catalog_counts(self, changes: Changes | None = None) -> None:
        counts = self._counts
        edited_in_place = (
            changes is not None
            and not (changes.everything or changes.sources or changes.passages)
            and counts is not None
            and counts.events == self.workbench.catalog.count
        )
        if not edited_in_place:  # events came or went, or sources or passages changed
            self._counts = None
        self.show_counts()

    def show_counts(self) -> None:
        """The status line's counts; the library is counted again only after its content
        changed, not when a filter changes what is shown."""
        if self._counts is None:
            self._counts = self.workbench.library.counts()
        counts = self._counts
        shown = self.workbench.visible_count()
        self.counts_label.setText(
            f"{shown} of {counts.events} events · {counts.sources} sources"
            f" · {counts.passages} passages"
        )

    # --- slots and panels ---------------------------------------------------------------
    def set_timeline_widget(self, widget: QWidget) -> None:
        """Put the timeline in the top slot; restore its saved state if it is ``Restorable``."""
        self.timeline_widget = widget
        self._fill_slot(0, widget)
        if isinstance(widget, Restorable) and self._timeline_state:
            widget.restore(self._timeline_state)
        self._update_navigation()

    def set_compare_widget(self, widget: QWidget) -> None:
        self.compare_widget = widget
        self._fill_slot(1, widget)

    def _fill_slot(self, index: int, widget: QWidget) -> None:
        """Show ``widget`` in slot ``index``; the slot's host stays, so the split is kept."""
        host = self.slot_hosts[index]
        while (old := host.widget(0)) is not None:
            host.removeWidget(old)
            if old is not widget:
                old.deleteLater()
        host.addWidget(widget)
        host.setCurrentWidget(widget)
        self._update_tab_order()

    def add_panel(
        self, name: str, title: str, widget: QWidget, area: Area = Area.RightDockWidgetArea
    ) -> None:
        """Add a dockable panel listed in View > Panels; it returns to its saved place."""
        self.panels.add(name, title, widget, area)

    def _refresh_view_menu(self) -> None:
        fill_view_menu(self.view_menu, self.panels.toggles(), self.menu_actions)

    def _update_navigation(self) -> None:
        navigable = isinstance(self.timeline_widget, Navigable)
        for action in self.menu_actions.navigation():
            action.setEnabled(navigable)

    def _navigate(self, move: Callable[[Navigable], None]) -> None:
        if isinstance(self.timeline_widget, Navigable):
            move(self.timeline_widget)

    def _update_tab_order(self) -> None:
        chain = [
            w
            for w in (
                self.timeline_widget,
                self.compare_widget,
                self.filters_panel.search,
                self.details_panel,
            )
            if w is not None
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- remembering --------------------------------------------------------------------
    def save_view_state(self) -> None:
        """Store this library's filters, selection and timeline state."""
        timeline = self._timeline_state
        if isinstance(self.timeline_widget, Restorable):
            timeline = self.timeline_widget.state()
        self.settings.save_view_state(
            self.library_key,
            LibraryViewState(self.workbench.filters, self.workbench.selection, timeline),
        )

    def _restore_layout(self) -> None:
        geometry, state, splitter = self.settings.window_layout()
        if geometry is not None:
            self.restoreGeometry(geometry)
            keep_inside_screen(self)
        if state is not None:
            self.restoreState(state)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def finish_layout(self) -> None:
        """Once every panel is added: give a first start (no saved layout) the default one."""
        if self.settings.window_layout()[1] is None:
            self.reset_layout()

    def reset_layout(self) -> None:
        """The first-start layout: window fitted to the screen, panels at their first places."""
        if self.menu_actions.focus_comparison.isChecked():
            self.menu_actions.focus_comparison.setChecked(False)
        fit_to_screen(self)
        arrange_default_layout(self, self.panels.docks)
        self.toolbar.show()
        total = sum(self.splitter.sizes()) or self.height()
        top = int(total * TIMELINE_SHARE)
        self.splitter.setSizes([top, total - top])

    def set_comparison_focus(self, on: bool) -> None:
        """Give the comparison the whole window (docks, toolbar, timeline hidden), or bring
        back what was there."""
        if on and self._focus_saved is None:
            self._focus_saved = (self.saveState(), self.splitter.sizes(), self.welcome.isVisible())
            for dock in self.panels.docks.values():
                dock.hide()
            self.toolbar.hide()
            self.welcome.hide()
            self.slot_hosts[0].hide()
        elif not on and self._focus_saved is not None:
            state, sizes, welcome = self._focus_saved
            self._focus_saved = None
            self.slot_hosts[0].show()
            self.restoreState(state)
            self.splitter.setSizes(sizes)
            self.welcome.setVisible(welcome)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.menu_actions.focus_comparison.setChecked(False)  # save the layout, not the focus
        self.save_view_state()
        self.settings.save_window_layout(
            self.saveGeometry(), self.saveState(), self.splitter.saveState()
        )
        super().closeEvent(event)

    # --- libraries ----------------------------------------------------------------------
    def new_library(self) -> None:
        path = library_dialogs.ask_new_library_path(self)
        if path is None:
            return
        if Path(path).exists():
            self.show_problem(
                "Cannot create the library",
                f"{path} already exists. Use File › Open library to open it.",
            )
            return
        self.switch_library(path)

    def open_library(self) -> None:
        location = library_dialogs.ask_library_to_open(self, self.settings.recent_libraries())
        if location is not None:
            self.open_existing(location)

    def open_existing(self, location: str) -> bool:
        """Start switching to the library at a path or URL (False, with a message, when a path
        names no file)."""
        if "://" not in location and not Path(location).expanduser().is_file():
            self.show_problem("Cannot open the library", f"There is no library file at {location}.")
            return False
        self.switch_library(location)
        return True

    def switch_library(self, location: str) -> TaskHandle:
        """Open ``location`` off the GUI thread (with progress and Cancel) and show it once it
        is read (``workbench_changed`` fires then); on failure say why and keep the current
        library."""
        job = open_job(self._opener, location, self.preferences.author)
        handle = run_with_progress(self, "Opening library", job)
        handle.succeeded.connect(self._show_opened)
        handle.failed.connect(self._on_open_failed)
        return handle

    def _on_open_failed(self, error: object, details: str) -> None:
        if isinstance(error, LibraryError):
            self.show_problem("Cannot open the library", str(error))
        else:
            failure = error if isinstance(error, BaseException) else RuntimeError(repr(error))
            self.errors.report(failure, details)

    def _show_opened(self, workbench: Workbench | None) -> None:
        if workbench is None:
            return
        self.save_view_state()
        self.close_session()
        old_library, old_signals = self.workbench.library, self.signals
        self.timeline_widget = self.compare_widget = None
        self._fill_slot(0, _placeholder("The timeline appears here."))
        self._fill_slot(1, _placeholder("The comparison of sources appears here."))
        self._update_navigation()
        self._bind(workbench, WorkbenchSignals(workbench, self))
        old_signals.deleteLater()
        old_library.dispose()
        self.workbench_changed.emit(self.workbench, self.signals)
        self.statusBar().showMessage(f"Opened {library_name(workbench.library)}", 5000)

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for url in self.settings.recent_libraries():
            action = self.recent_menu.addAction(url)
            action.setStatusTip(f"Open {url}")
            action.triggered.connect(lambda _checked=False, url=url: self.open_existing(url))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def show_problem(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # --- commands -----------------------------------------------------------------------
    def find_events(self) -> None:
        self.panels.show("filters")
        self.filters_panel.focus_search()

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.preferences, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.apply_preferences(dialog.chosen())

    def apply_preferences(self, preferences: Preferences) -> None:
        """Store the preferences and apply them: author, date format, theme."""
        theme_changed = preferences.theme != self.preferences.theme
        self.preferences = preferences
        self.settings.set_preferences(preferences)
        self.workbench.author = preferences.author
        self.details_panel.set_date_format(preferences.date_format)
        app = QApplication.instance()
        if theme_changed and isinstance(app, QApplication):
            apply_theme(app, preferences.theme)
            self.refresh_icons()

    def remember_author(self, name: str) -> None:
        """The name given on the first edit becomes the author preference."""
        if name != self.preferences.author:
            self.apply_preferences(replace(self.preferences, author=name))

    def refresh_icons(self) -> None:
        """Recolour the toolbar icons for the current palette."""
        self.menu_actions.paint_icons(self.palette())

    def show_about(self) -> None:
        AboutDialog(self.workbench.library, self.workbench.catalog, self).exec()

    def _on_welcome_dismissed(self, never_again: bool) -> None:
        self.settings.welcome_dismissed = never_again

    def run_task(
        self, title: str, job: Job, on_success: Callable[[Any], None] | None = None
    ) -> TaskHandle:
        """``run_with_progress`` whose failures go to the error dialog and the log."""
        handle = run_with_progress(self, title, job)
        if on_success is not None:
            handle.succeeded.connect(on_success)
        handle.failed.connect(lambda error, details: self.errors.report(error, details))
        return handle
