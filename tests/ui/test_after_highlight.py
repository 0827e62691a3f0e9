"""A selection paints the timeline's highlight first; the panels fill in the next turn."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.library import Library
from desktop.app import fill_window
from desktop.ui.compare import ComparePanel
from desktop.ui.main_window import MainWindow
from desktop.ui.timeline.panel import TimelinePanel
from tests.ui.shell.support import fill_library, make_window


@pytest.fixture
def window(qtbot: QtBot, sqlite_library: Library, tmp_path: Path) -> MainWindow:
    """The filled window on a small library, as the app shows it."""
    fill_library(sqlite_library)
    shown = make_window(qtbot, sqlite_library, tmp_path)
    fill_window(shown, shown.workbench, shown.signals)
    return shown


def test_the_highlight_is_painted_before_the_panels_fill(qtbot: QtBot, window: MainWindow) -> None:
    view = window.findChild(TimelinePanel).view
    compare = window.findChild(ComparePanel)
    details = window.details_panel
    qtbot.waitUntil(lambda: view.frame is not None)
    war = view.scene.data.id_of_key["war-2008"]
    seen: list[tuple[bool, str, bool]] = []

    def at_the_signal() -> None:  # runs after every view's selection slot, in the same turn
        painted = view.frame is not None and view.scene.selected == {war}
        seen.append((painted, details.toPlainText(), compare.comparison is None))

    view.frame = None
    window.signals.selection_changed.connect(at_the_signal)
    with qtbot.waitSignal(window.signals.selection_changed):
        window.workbench.select(["war-2008"])
    assert [(painted, empty) for painted, _, empty in seen] == [(True, True)]
    assert "Russo-Georgian war" not in seen[0][1]  # the panels have not filled yet
    qtbot.waitUntil(lambda: "Russo-Georgian war" in details.toPlainText())
    qtbot.waitUntil(lambda: compare.comparison is not None)
    assert compare.comparison is not None and compare.comparison.event.key == "war-2008"
    assert "Russo-Georgian war" in compare.event_label.text()


def test_quick_selections_fill_the_panels_once_with_the_last(
    qtbot: QtBot, window: MainWindow
) -> None:
    compare = window.findChild(ComparePanel)
    filled: list[str] = []
    compare.strip.show_comparison = lambda c: filled.append(c.event.key if c else "")
    for key in ("war-2008", "crimea-2014", "rose-2003"):
        window.workbench.select([key])
        window.signals._flush()  # each selection reaches the views in its own turn
    qtbot.waitUntil(lambda: not compare.fill_after_highlight.pending)
    assert filled == ["rose-2003"]
    assert "Rose Revolution" in window.details_panel.toPlainText()
