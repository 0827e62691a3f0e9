"""The window on laptop and desktop screens: it fits, docks stay narrow, five panes show at once,
and Reset layout gives back exactly the first-start layout.

The offscreen platform has one screen of a fixed size, so each test sets the available screen
area the window sees (``desktop.ui.shell.layout.available_area``) to the size under test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QLabel, QWidget

from db.library import Library
from desktop.app import fill_window
from desktop.core.importing import import_document
from desktop.core.importing.metadata import ProposedMetadata
from desktop.core.importing.outcome import ImportOutcome, ImportReport, ImportStatus
from desktop.core.sample import load_sample
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.compare import ComparePanel
from desktop.ui.editing.passage_dialogs import BoundsDialog, RelateDialog
from desktop.ui.editing.source_actions import AddSourceDialog, SourceIdentityDialog
from desktop.ui.importing.metadata_form import MetadataForm
from desktop.ui.importing.report_dialog import ImportReportDialog
from desktop.ui.importing.review_panel import ReviewPanel
from desktop.ui.main_window import MainWindow
from desktop.ui.shell import layout
from desktop.ui.shell.about import AboutDialog
from desktop.ui.shell.layout import layout_signature
from desktop.ui.shell.preferences import PreferencesDialog
from desktop.ui.team.connection_dialog import ConnectionDialog
from desktop.ui.timeline.view import TimelineView
from tests.core.importing.helpers import CORPUS, SOURCE_OF, corpus

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
ALL_SIZES = [(1280, 720), (1366, 768), (1600, 1000), (1920, 1080)]
FIVE_SOURCES = "2022-russian-full-scale-invasion"


@pytest.fixture
def sample_library(sqlite_library: Library) -> Library:
    load_sample(sqlite_library)
    return sqlite_library


def open_window(qtbot, library: Library, tmp_path: Path, monkeypatch, size) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window as ``parallax gui`` builds it on a first start, on a screen of ``size``."""
    monkeypatch.setattr(layout, "available_area", lambda _widget: QRect(0, 0, *size))
    bench = Workbench(library)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(bench, WorkbenchSignals(bench), settings)
    qtbot.addWidget(window)
    fill_window(window, window.workbench, window.signals)
    window.show()
    window.finish_layout()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def shown_docks(window: MainWindow) -> list[tuple[str, QDockWidget]]:
    """Docks on screen (a tab behind another keeps a stale size)."""
    return [(n, d) for n, d in window.panels.docks.items() if not d.visibleRegion().isEmpty()]


def fits(widget: QWidget, size: tuple[int, int]) -> bool:
    return QRect(0, 0, *size).contains(widget.frameGeometry())


@pytest.mark.parametrize("size", SIZES)
def test_the_window_fits_and_docks_stay_narrow(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, size)
    assert fits(window, size), (window.frameGeometry(), size)
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert minimum.width() <= 1024 and minimum.height() <= 640, minimum
    for name, dock in shown_docks(window):
        assert dock.width() <= window.width() / 3, (name, dock.width(), window.width())
    window.workbench.select([FIVE_SOURCES])  # a long title and five panes widen nothing
    QApplication.processEvents()
    for name, dock in shown_docks(window):
        assert dock.width() <= window.width() / 3, (name, dock.width())
    assert fits(window, size)


@pytest.mark.parametrize("size", ALL_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_lane_is_on_the_timeline(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, size)
    view = window.findChild(TimelineView)
    assert len(view.scene.data.lanes) == 6
    assert_every_lane_shows(view)  # first start
    window.workbench.select([FIVE_SOURCES])  # the comparison filled
    QApplication.processEvents()
    assert_every_lane_shows(view)
    window.welcome.close_button.click()  # the welcome gone: room for label rows
    QApplication.processEvents()
    assert_every_lane_shows(view)
    lowest = view.minimumHeight()
    for height in range(lowest, lowest + 140, 10):  # a splitter dragged anywhere near the floor
        view.resize(view.width(), height)
        assert_every_lane_shows(view)


def assert_every_lane_shows(view: TimelineView) -> None:
    view.grab()  # paints at the view's current size and keeps the frame
    frame = view.frame
    assert frame is not None
    lanes = len(view.scene.data.lanes)
    bottom = frame.metrics.lane_top(lanes)
    assert bottom <= view.height(), (bottom, view.height(), frame.metrics.lane_rows)


@pytest.mark.parametrize("size", SIZES)
def test_dialogs_fit_the_screen(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, size)
    form = MetadataForm(
        ProposedMetadata("A title", (), "", None, "", "", "en", "news"), "report.txt", window
    )
    form.published_edit.setText("sometime around the war " * 20)  # a long hint is shown
    with sample_library.unit_of_work() as uow:
        source = uow.sources.get(SOURCE_OF[CORPUS[4]])
        passages = list(uow.passages.for_source(source.key))
    long_name = "a-report-with-a-very-long-file-name-" * 3 + ".txt"
    why = "looks like the source 'Russia is a declining great power' (same outlet) " * 3
    report = ImportReport((ImportOutcome(long_name, ImportStatus.SIMILAR, source.key, why),))
    dialogs: list[QDialog] = [
        PreferencesDialog(window.preferences, window),
        AboutDialog(window.workbench.library, window.workbench.catalog, window),
        ConnectionDialog(window.settings.store, window),
        form,
        AddSourceDialog(window),
        SourceIdentityDialog(source, window),
        BoundsDialog(passages[0], source.full_text or "", passages[0].start, 2000, window),
        RelateDialog(passages[1:], window),
        ImportReportDialog(report, window),
    ]
    for dialog in dialogs:
        hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
        assert hint.width() <= size[0] and hint.height() <= size[1], (type(dialog), hint)
        dialog.show()
        QApplication.processEvents()
        assert fits(dialog, size), (type(dialog), dialog.frameGeometry())
        for label in dialog.findChildren(QLabel):  # wrapped hints show whole, never clipped
            if label.isVisible() and label.wordWrap() and label.text():
                wanted = label.heightForWidth(label.width())
                assert label.height() >= wanted, (type(dialog), label.text()[:40], wanted)
        dialog.close()
        dialog.deleteLater()


def test_five_sources_show_side_by_side_at_1366x768(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, (1366, 768))
    window.welcome.close_button.click()
    panel = show_five_sources(qtbot, window)
    area = panel.pane_area
    assert area.horizontalScrollBar().maximum() == 0  # no horizontal scrolling
    viewport = area.viewport().rect()
    for pane in panel.panes:
        box = QRect(pane.mapTo(area.viewport(), pane.rect().topLeft()), pane.size())
        assert viewport.contains(box), (pane.source_key, box, viewport)
        first = pane.blocks[0]
        visible = first.visibleRegion().boundingRect().height()
        assert visible >= 4 * first.fontMetrics().lineSpacing(), (pane.source_key, visible)
    labels = [p.outlet_label.text() for p in panel.panes]
    assert sorted(labels) == sorted(
        ["DW", "EU Reporter", "ConservativeHome", "Policy report", "Bloomberg digest"]
    )


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_welcome_leaves_the_passages_readable_at_first_start(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, size)
    assert window.welcome.isVisible()  # a first start: the welcome stays until "Got it"
    panel = show_five_sources(qtbot, window)
    for pane in panel.panes:
        first = pane.blocks[0]
        visible = first.visibleRegion().boundingRect().height()
        assert visible >= 4 * first.fontMetrics().lineSpacing(), (pane.source_key, visible)


def show_five_sources(qtbot, window: MainWindow) -> ComparePanel:  # type: ignore[no-untyped-def]
    window.workbench.select([FIVE_SOURCES])
    panel = window.findChild(ComparePanel)
    qtbot.waitUntil(lambda: len(panel.panes) == 5, timeout=20000)
    QApplication.processEvents()
    return panel


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_reset_layout_gives_the_first_start_layout(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, size)
    first = layout_signature(window, window.panels.docks)
    first_geometry = window.geometry()
    widths = {name: dock.width() for name, dock in window.panels.docks.items()}
    docks = window.panels.docks
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks["codebook"])
    docks["details"].setFloating(True)
    docks["search"].hide()
    window.resize(900, 600)
    assert layout_signature(window, docks) != first
    window.menu_actions.reset_layout.trigger()
    QApplication.processEvents()
    assert layout_signature(window, docks) == first
    assert window.geometry() == first_geometry
    for name, dock in docks.items():
        if dock.isVisible() and not window.tabifiedDockWidgets(dock):
            assert abs(dock.width() - widths[name]) <= 2, (name, dock.width(), widths[name])


def test_focus_mode_gives_the_comparison_the_window_and_back(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, (1366, 768))
    before = layout_signature(window, window.panels.docks)
    window.menu_actions.focus_comparison.trigger()
    QApplication.processEvents()
    assert not any(d.isVisible() for d in window.panels.docks.values())
    assert not window.slot_hosts[0].isVisible()
    assert window.compare_widget is not None and window.compare_widget.isVisible()
    window.menu_actions.focus_comparison.trigger()
    QApplication.processEvents()
    assert window.slot_hosts[0].isVisible()
    assert layout_signature(window, window.panels.docks) == before


def test_import_review_reads_in_its_dock_at_1366x768(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import_document(sample_library, corpus(CORPUS[4]), suggest=True)
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, (1366, 768))
    window.panels.show("import-review")
    review = window.findChild(ReviewPanel)
    review.show_source(SOURCE_OF[CORPUS[4]])
    QApplication.processEvents()
    assert review.isVisible() and review.items
    table, letters = review.table, review.fontMetrics().averageCharWidth()
    assert table.columnWidth(1) >= 24 * letters, table.columnWidth(1)  # "Link to: <event title…>"
    assert table.columnWidth(0) + table.columnWidth(1) <= table.viewport().width() + 1
    assert review.source_combo.width() >= 12 * letters
    item = review.current_item()
    assert item is not None and item.excerpt.split()[0] in review.details.text()
    assert review.details.isVisible() and review.details.height() <= review.height() / 2


def test_title_names_the_library_not_its_address(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, (1366, 768))
    assert "sqlite:" not in window.windowTitle()
    with sample_library.unit_of_work() as uow:
        assert uow.meta.get("title") in window.windowTitle()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_first_start_fills_the_screen(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, size)
    assert window.frameGeometry() == QRect(0, 0, *size)
