"""The window's actions, menus and toolbar.

``build_actions`` makes every ``QAction`` once per window, with its text, standard shortcut,
tooltip, status tip and accessible name; ``build_menus`` and ``build_toolbar`` only arrange
them. The window connects each action once: its own (libraries, layout, navigation, help) to
its methods, the others (``SESSION_ACTIONS``) to the handler the current ``LibrarySession``
gives for that name; an action the session has no handler for is disabled.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from desktop.ui.shell.icons import themed_icon

Key = QKeySequence.StandardKey

ICONS = {
    "import_documents": "import",
    "export_image": "export",
    "zoom_in": "zoom-in",
    "zoom_out": "zoom-out",
    "zoom_fit": "zoom-fit",
    "zoom_home": "home",
    "new_event": "new-event",
}

SESSION_ACTIONS = (
    "import_documents",
    "import_folder",
    "import_data",
    "export_image",
    "export_data",
    "export_report",
    "connect_shared",
    "undo",
    "redo",
    "find",
    "new_event",
    "edit_event",
    "duplicate_event",
    "delete_event",
    "note_on_event",
    "add_source",
    "read_source",
    "source_identity",
)


@dataclass
class ShellActions:
    new_library: QAction
    open_library: QAction
    import_documents: QAction
    import_folder: QAction
    import_data: QAction
    export_image: QAction
    export_data: QAction
    export_report: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    clear_selection: QAction
    preferences: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_fit: QAction
    zoom_home: QAction
    reset_layout: QAction
    focus_comparison: QAction
    new_event: QAction
    edit_event: QAction
    duplicate_event: QAction
    delete_event: QAction
    note_on_event: QAction
    connect_shared: QAction
    add_source: QAction
    read_source: QAction
    source_identity: QAction
    welcome: QAction
    about: QAction

    def paint_icons(self, palette: QPalette) -> None:
        """Give the toolbar actions their icons, coloured for ``palette``."""
        for name, icon in ICONS.items():
            getattr(self, name).setIcon(themed_icon(icon, palette))

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]

    def session_actions(self) -> dict[str, QAction]:
        """The actions the current library session handles, by name."""
        return {name: getattr(self, name) for name in SESSION_ACTIONS}

    def navigation(self) -> list[QAction]:
        return [self.zoom_in, self.zoom_out, self.zoom_fit, self.zoom_home]


def _keys(standard: Key | None, fallback: str) -> list[QKeySequence]:
    """The platform's binding for ``standard``, or ``fallback`` where the platform has none."""
    bound = QKeySequence.keyBindings(standard) if standard is not None else []
    return bound or ([QKeySequence(fallback)] if fallback else [])


def _action(
    window: QMainWindow,
    text: str,
    tip: str,
    *,
    key: Key | None = None,
    fallback: str = "",
) -> QAction:
    action = QAction(text, window)
    keys = _keys(key, fallback)
    if keys:
        action.setShortcuts(keys)
    plain = text.replace("&", "")
    shortcut = f" ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})" if keys else ""
    action.setToolTip(plain.rstrip("…") + shortcut)
    action.setStatusTip(tip)
    action.setWhatsThis(tip)
    return action


def build_actions(window: QMainWindow) -> ShellActions:
    a = _action
    actions = ShellActions(
        new_library=a(
            window, "&New library…", "Create an empty library file and switch to it", key=Key.New
        ),
        open_library=a(
            window,
            "&Open library…",
            "Open a SQLite library file or a PostgreSQL library URL",
            key=Key.Open,
        ),
        import_documents=a(
            window,
            "&Import documents…",
            "Import articles and reports (txt, md, html, docx, pdf) as sources",
            fallback="Ctrl+I",
        ),
        import_folder=a(
            window,
            "Import &folder…",
            "Import every article and report in a folder and its subfolders as sources",
        ),
        import_data=a(
            window,
            "Import &data…",
            "Import a library, CSV events, a TimelineJS timeline or a REFI-QDA project",
        ),
        export_image=a(
            window,
            "&Export image…",
            "Export the timeline as a PNG, SVG or PDF image",
            fallback="Ctrl+E",
        ),
        export_data=a(
            window,
            "Export d&ata…",
            "Export the library as JSON, CSV, TimelineJS or a REFI-QDA project",
        ),
        export_report=a(
            window,
            "Export &comparison report…",
            "Export the comparison of the selected event as HTML or PDF",
        ),
        quit=a(window, "&Quit", "Close Parallax", key=Key.Quit, fallback="Ctrl+Q"),
        undo=a(window, "&Undo", "Undo the last change", key=Key.Undo),
        redo=a(window, "&Redo", "Redo the change just undone", key=Key.Redo),
        find=a(window, "&Find…", "Search event titles, summaries, actors and tags", key=Key.Find),
        clear_selection=a(window, "C&lear selection", "Deselect all events", fallback="Esc"),
        preferences=a(
            window,
            "&Preferences…",
            "Author name, theme, export and date options",
            key=Key.Preferences,
            fallback="Ctrl+,",
        ),
        zoom_in=a(
            window,
            "Zoom &in",
            "Show a shorter stretch of time in more detail",
            key=Key.ZoomIn,
        ),
        zoom_out=a(window, "Zoom &out", "Show a longer stretch of time", key=Key.ZoomOut),
        zoom_fit=a(
            window,
            "&Fit all events",
            "Show every visible event",
            fallback="Ctrl+0",
        ),
        zoom_home=a(
            window,
            "&Home (2008–2025)",
            "Go back to the default time window",
            fallback="Alt+Home",
        ),
        reset_layout=a(window, "&Reset layout", "Put every panel back in its first place"),
        focus_comparison=a(
            window,
            "&Focus on the comparison",
            "Give the comparison the whole window; again to bring the timeline and panels back",
            fallback="F9",
        ),
        new_event=a(
            window,
            "&New event…",
            "Add an event to the timeline",
            fallback="Ctrl+Shift+N",
        ),
        edit_event=a(window, "&Edit event…", "Edit the selected event", fallback="F2"),
        duplicate_event=a(window, "&Duplicate event", "Copy the selected event", fallback="Ctrl+D"),
        delete_event=a(window, "De&lete event…", "Delete the selected event", fallback="Delete"),
        note_on_event=a(
            window,
            "Add &note to event…",
            "Write a note on the selected event",
            fallback="Ctrl+Shift+M",
        ),
        connect_shared=a(
            window,
            "Connect to a shared library…",
            "Open a library on a PostgreSQL server that several people edit",
        ),
        add_source=a(window, "&Add source…", "Add a source document to the library"),
        read_source=a(window, "&Read source", "Open the selected source in the reader"),
        source_identity=a(
            window, "&Label and colour…", "Change a source's short label and its colour"
        ),
        welcome=a(
            window,
            "&Welcome",
            "What this window shows and what to try first",
            key=Key.HelpContents,
            fallback="F1",
        ),
        about=a(window, "&About Parallax", "Version, licences and dataset sources"),
    )
    for f in fields(actions):
        getattr(actions, f.name).setObjectName("action_" + f.name)
    actions.paint_icons(window.palette())
    return actions


def build_menus(window: QMainWindow, actions: ShellActions) -> tuple[QMenu, QMenu]:
    """Fill the menu bar; return (Recent libraries submenu, View menu) for later filling."""
    bar = window.menuBar()
    file = bar.addMenu("&File")
    file.addActions([actions.new_library, actions.open_library])
    recent = file.addMenu("Recent &libraries")
    recent.setObjectName("menu_recent")
    file.addSeparator()
    file.addActions([actions.import_documents, actions.import_folder, actions.import_data])
    file.addSeparator()
    file.addActions([actions.export_image, actions.export_data, actions.export_report])
    file.addSeparator()
    file.addAction(actions.connect_shared)
    file.addSeparator()
    file.addAction(actions.quit)
    edit = bar.addMenu("&Edit")
    edit.addActions([actions.undo, actions.redo])
    edit.addSeparator()
    edit.addActions([actions.find, actions.clear_selection])
    edit.addSeparator()
    edit.addAction(actions.preferences)
    view = bar.addMenu("&View")
    view.setObjectName("menu_view")
    event = bar.addMenu("E&vent")
    event.addActions(
        [
            actions.new_event,
            actions.edit_event,
            actions.duplicate_event,
            actions.delete_event,
            actions.note_on_event,
        ]
    )
    source = bar.addMenu("&Source")
    source.addActions([actions.add_source, actions.read_source, actions.source_identity])
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([actions.welcome, actions.about])
    for menu in (file, edit, view, event, source, help_menu):
        menu.setAccessibleName(menu.title().replace("&", "") + " menu")
    return recent, view


def fill_view_menu(view: QMenu, panels: list[QAction], actions: ShellActions) -> None:
    """(Re)build the View menu: panel toggles, then navigation, then layout."""
    view.clear()
    panel_menu = view.addMenu("&Panels")
    panel_menu.addActions(panels)
    view.addSeparator()
    view.addActions(actions.navigation())
    view.addSeparator()
    view.addAction(actions.focus_comparison)
    view.addAction(actions.reset_layout)


def build_toolbar(window: QMainWindow, actions: ShellActions) -> QToolBar:
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("MainToolbar")
    bar.setAccessibleName("Main toolbar")
    bar.addActions(actions.navigation())
    bar.addSeparator()
    bar.addAction(actions.new_event)
    bar.addSeparator()
    bar.addActions([actions.import_documents, actions.export_image])
    window.addToolBar(bar)
    return bar
