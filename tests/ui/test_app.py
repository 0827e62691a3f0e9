"""The composition root puts the feature widgets into the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from db.library import Library
from desktop.app import fill_window
from desktop.core.collection_policy import let_into_collections
from desktop.core.sample import load_sample
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.compare import ComparePanel
from desktop.ui.main_window import MainWindow
from desktop.ui.timeline.panel import TimelinePanel
from tests.ui.switching import switch_and_wait


def _sample_window(qtbot: QtBot, library: Library, tmp_path: Path) -> tuple[MainWindow, Workbench]:
    """A window on ``library`` filled with the bundled dataset, not yet given its session."""
    load_sample(library)
    bench = Workbench(library)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(bench, WorkbenchSignals(bench), settings)
    qtbot.addWidget(window)
    return window, bench


def test_window_is_filled_and_refilled_on_switch(
    qtbot: QtBot,
    sqlite_library: Library,
    tmp_path: Path,
) -> None:
    window, bench = _sample_window(qtbot, sqlite_library, tmp_path)
    fill_window(window, window.workbench, window.signals)
    window.workbench_changed.connect(lambda b, s: fill_window(window, b, s))
    assert window.findChildren(ComparePanel) and window.findChildren(TimelinePanel)
    war = next(e.key for e in bench.catalog.events if e.start == "2008-08-07")
    bench.select([war])
    qtbot.waitUntil(lambda: len(window.findChild(ComparePanel).pane_keys()) >= 3, timeout=20000)
    switch_and_wait(qtbot, window, str(tmp_path / "other.sqlite"))
    panels = window.findChildren(ComparePanel)
    assert panels and all(p.workbench is window.workbench for p in panels if p.isVisible())


def test_export_actions_are_connected(
    qtbot: QtBot,
    sqlite_library: Library,
    tmp_path: Path,
    monkeypatch,
) -> None:
    import desktop.ui.exchange.feature as install

    window, bench = _sample_window(qtbot, sqlite_library, tmp_path)
    fill_window(window, window.workbench, window.signals)
    seen = []
    monkeypatch.setattr(
        install, "export_timeline_image", lambda parent, library, view, **_: seen.append(view)
    )
    actions = window.menu_actions
    assert actions.export_image.isEnabled() and "not built" not in actions.export_image.statusTip()
    actions.export_image.trigger()
    assert seen and seen[0] is window.timeline_widget.view.scale


def test_import_documents_action_imports_and_opens_the_review(  # type: ignore[no-untyped-def]
    qtbot, sqlite_library: Library, tmp_path: Path, monkeypatch
) -> None:
    from desktop.core.importing.outcome import MetadataOverrides
    from desktop.ui.importing.controller import ImportController
    from desktop.ui.importing.report_dialog import ImportReportDialog

    article = tmp_path / "article.txt"
    article.write_text(
        "Tbilisi, 9 August 2008\n\nRussian forces advanced into Georgia on 8 August 2008, "
        "a day after the war over South Ossetia began. Moscow said it was protecting "
        "peacekeepers; Georgia called it an invasion.\n",
        encoding="utf-8",
    )
    window, bench = _sample_window(qtbot, sqlite_library, tmp_path)
    fill_window(window, window.workbench, window.signals)
    monkeypatch.setattr(ImportController, "ask_for_paths", lambda self: [article])
    monkeypatch.setattr(
        ImportController,
        "ask_metadata",
        lambda self, proposed, name: MetadataOverrides(title="Tbilisi report"),
    )
    monkeypatch.setattr(ImportReportDialog, "open", lambda self: None)
    action = window.menu_actions.import_documents
    assert action.isEnabled()
    sources_before = sqlite_library.counts().sources
    window.show()
    # ~10 s on an idle machine (import, then training the coding model); minutes when loaded
    with qtbot.waitSignal(window.session.importing.controller.finished, timeout=300_000) as done:
        action.trigger()
    (outcome,) = done.args[0].outcomes
    assert sqlite_library.counts().sources == sources_before + 1
    assert outcome.suggestions > 0
    assert window.panels.docks["import-review"].isVisible()


def test_the_app_reads_the_library_on_a_worker_then_shows_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import desktop.app
    from desktop.app import run_gui

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    readers: list[bool] = []
    opener = desktop.app.open_workbench_library

    def watched(db: str | None) -> Library:
        readers.append(threading.current_thread() is threading.main_thread())
        return opener(db)

    monkeypatch.setattr(desktop.app, "open_workbench_library", watched)
    seen: list[int] = []

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = [w for w in shown if w.isVisible()]
        if not shown:
            QTimer.singleShot(50, look)
            return
        seen.append(len(shown[0].workbench.catalog.events))
        shown[0].close()
        QApplication.quit()

    QTimer.singleShot(0, look)
    assert run_gui(str(tmp_path / "library.sqlite")) == 0
    assert readers == [False]  # opened and read off the GUI thread
    assert seen == [105]  # then the window showed the bundled dataset
    assert an_event_loop_still_runs()  # no Quit left queued for whatever runs next


def an_event_loop_still_runs() -> bool:
    """A fresh event loop waits for its own quit (a queued Quit would end it at once, -1)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    QCoreApplication.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(20, loop.quit)
    return loop.exec() == 0


def test_the_app_says_why_a_library_cannot_be_opened(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import run_gui

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: said.append(text))
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database at all, just some text " * 50)
    assert run_gui(str(foreign)) == 2
    assert len(said) == 1 and "notes.txt" in said[0]


def test_after_the_first_paint_the_catalog_is_left_out_of_full_collections_and_the_search_built(
    qtbot: QtBot, sqlite_library: Library, tmp_path: Path
) -> None:
    import gc

    window, bench = _sample_window(qtbot, sqlite_library, tmp_path)
    let_into_collections()
    try:
        fill_window(window, window.workbench, window.signals)
        window.show()
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=10000)
        qtbot.waitUntil(lambda: bench._prepared_search() is not None, timeout=20000)
        assert bench.search_ready()
        # the worker builds the search first, then reads the titles and dates
        qtbot.waitUntil(lambda: bench.catalog.columns.texts_read, timeout=20000)
    finally:
        let_into_collections()


def test_after_a_reload_the_rebuilt_catalog_is_left_out_of_full_collections_once_painted(
    qtbot: QtBot, sqlite_library: Library, tmp_path: Path
) -> None:
    import gc

    window, bench = _sample_window(qtbot, sqlite_library, tmp_path)
    let_into_collections()
    try:
        _shown_and_prepared(qtbot, window, bench)
        _wait_for_the_worker(bench)  # it may still end its pause, which freezes once frozen
        let_into_collections()  # nothing kept out now: what follows is the rebuild's doing
        bench.reload()  # what an import does
        rebuilt = bench.catalog
        _prepared(qtbot, bench)
        _wait_for_the_worker(bench)
        assert bench.catalog is rebuilt and gc.get_freeze_count() > 0
        assert not any(found is rebuilt for found in gc.get_objects())  # frozen: not walked
    finally:
        let_into_collections()


def _shown_and_prepared(qtbot: QtBot, window: MainWindow, bench: Workbench) -> None:
    """``window`` filled with ``bench`` and shown, once its search and titles are prepared."""
    fill_window(window, window.workbench, window.signals)
    window.show()
    _prepared(qtbot, bench)


def _prepared(qtbot: QtBot, bench: Workbench) -> None:
    """Waits until the worker has built ``bench``'s search and read its titles and dates."""
    qtbot.waitUntil(lambda: bench._prepared_search() is not None, timeout=20000)
    qtbot.waitUntil(lambda: bench.catalog.columns.texts_read, timeout=20000)


def _wait_for_the_worker(bench: Workbench) -> None:
    reader = bench._reader
    if reader is not None:
        reader[1].join(timeout=20)


def test_after_a_reload_the_titles_and_the_search_are_prepared_off_the_window_thread(
    qtbot: QtBot, sqlite_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from db.repositories.event_texts import JoinedTexts
    from desktop.core.catalog import Catalog
    from desktop.core.event_columns import EventColumns

    window, bench = _sample_window(qtbot, sqlite_library, tmp_path)
    let_into_collections()
    try:
        _shown_and_prepared(qtbot, window, bench)
        read_search, read_titles = Catalog._read_texts, EventColumns.read_texts
        readers: list[tuple[str, threading.Thread]] = []

        def search_texts(catalog: Catalog, joined: JoinedTexts | None = None) -> tuple[str, ...]:
            readers.append(("search", threading.current_thread()))
            return read_search(catalog, joined)

        def titles(columns: EventColumns) -> None:
            readers.append(("titles", threading.current_thread()))
            read_titles(columns)

        monkeypatch.setattr(Catalog, "_read_texts", search_texts)
        monkeypatch.setattr(EventColumns, "read_texts", titles)
        old = bench.catalog
        bench.reload()  # what an import does
        assert bench.catalog is not old and not bench.catalog.columns.texts_read
        _prepared(qtbot, bench)
        assert {kind for kind, _ in readers} == {"search", "titles"}
        assert all(thread is not threading.main_thread() for _, thread in readers)
    finally:
        let_into_collections()
