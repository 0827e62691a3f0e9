"""The Filters dock at laptop sizes: every control usable without scrolling sideways.

A first start at 1280x720 or 1366x768 gives the Filters column a width against the screen's;
its content fits that width (no horizontal scroll bar, nothing past the right edge), long
names are elided with the whole name as the row's tooltip, and the "Others: Hide / Dim" row
shows both choices. (That a width the user gave the dock is the next start's is checked under
Xvfb: the offscreen screen is 800x800, too small to restore a laptop-sized window.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from db.library import Library
from desktop.core.sample import load_sample
from desktop.ui.filters_panel import CheckList, FiltersPanel
from desktop.ui.shell.layout import CENTRE_WIDTH, LEFT_SHARE, MIN_DOCK_WIDTH
from tests.ui.test_screen_sizes import open_window

LAPTOPS = [(1280, 720), (1366, 768)]
LONG_LANE = "Baltics and the EU/NATO flank"


@pytest.fixture
def sample_library(sqlite_library: Library) -> Library:
    load_sample(sqlite_library)
    return sqlite_library


def assert_fits(panel: FiltersPanel) -> None:
    """No sideways scrolling and every visible control inside the panel's viewport."""
    viewport = panel.viewport()
    body = panel.widget()
    assert not panel.horizontalScrollBar().isVisible()
    assert body.minimumSizeHint().width() <= viewport.width(), (
        body.minimumSizeHint(),
        viewport.width(),
    )
    assert body.width() <= viewport.width(), (body.width(), viewport.width())
    right = viewport.width()
    for child in body.findChildren(QWidget):
        if child.isVisible() and child.parentWidget() is not None:
            corner = child.mapTo(body, child.rect().topRight())
            assert corner.x() < right, (child.objectName() or type(child).__name__, corner, right)


def row_named(checklist: CheckList, name: str) -> int:
    texts = [checklist.item(r).text().strip() for r in range(checklist.count())]
    return texts.index(name)


@pytest.mark.parametrize("size", LAPTOPS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_filters_fit_their_dock_at_a_first_start(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, size)
    panel = window.filters_panel
    dock = window.panels.docks["filters"]
    assert dock.width() <= window.width() / 4  # the timeline and comparison keep the most
    separators = 2 * window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent)
    assert window.centralWidget().width() + separators >= CENTRE_WIDTH  # five panes' room
    right = window.panels.docks["details"].width()
    spare = window.width() - right - CENTRE_WIDTH  # what the centre gives up to the names
    assert dock.width() >= min(panel.sizeHint().width(), spare) - separators, (dock.width(), spare)
    assert dock.width() > window.width() * LEFT_SHARE  # more than the old fixed share
    assert_fits(panel)
    for radio in (panel.hide_radio, panel.dim_radio):  # "Others: Hide / Dim" both whole
        assert radio.isVisible()
        assert radio.width() >= radio.sizeHint().width(), (radio.text(), radio.width())
    assert panel.importance.width() >= panel.importance.minimumSizeHint().width()


def test_the_filters_fit_a_dock_at_its_narrowest(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, (1280, 720))
    dock = window.panels.docks["filters"]
    window.resizeDocks([dock], [MIN_DOCK_WIDTH], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert dock.width() <= MIN_DOCK_WIDTH + 10, dock.width()
    assert_fits(window.filters_panel)


@pytest.mark.parametrize("size", LAPTOPS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_long_lane_name_is_elided_with_the_whole_name_as_tooltip(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, size)
    panel = window.filters_panel
    lanes = panel.lanes
    item = lanes.item(row_named(lanes, LONG_LANE))
    assert item.toolTip() == LONG_LANE
    box = lanes.visualItemRect(item)  # the row ends where the list and the panel show it
    assert box.right() < lanes.viewport().width(), (box, lanes.viewport().width())
    right = lanes.viewport().mapTo(panel.viewport(), box.topRight()).x()
    assert right < panel.viewport().width(), (right, panel.viewport().width())
    assert lanes.horizontalScrollBar().maximum() == 0


def test_every_row_names_itself_in_its_tooltip(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_library, tmp_path, monkeypatch, (1280, 720))
    panel = window.filters_panel
    for checklist in (panel.lanes, panel.sources, panel.codes, panel.tags):
        assert checklist.count()
        for row in range(checklist.count()):
            item = checklist.item(row)
            assert item.text().strip() in item.toolTip(), (item.text(), item.toolTip())
    codes = panel.codes
    item = codes.item(row_named(codes, "Treatment recommendation"))
    assert item.toolTip().startswith("Treatment recommendation\n")  # then its definition
