"""The coverage matrix: counts and dominant frames, following the workbench filters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.core.filters import Filters
from desktop.model.changes import Changes
from desktop.ui.compare import CoverageMatrixView
from tests.ui.compare.library_kit import AKTAU, QUIET, WAR
from tests.ui.compare.support import Bench


def _view(bench: Bench, qtbot) -> CoverageMatrixView:  # type: ignore[no-untyped-def]
    """The view shown, once it has read the library's coverage (on a worker thread)."""
    view = CoverageMatrixView(bench.workbench, bench.signals)
    qtbot.addWidget(view)
    view.resize(800, 300)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.show()
    return view


def test_the_matrix_is_read_only_when_shown(bench: Bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = CoverageMatrixView(bench.workbench, bench.signals)
    qtbot.addWidget(view)
    bench.signals.catalog_changed.emit(Changes(everything=True))  # hidden: no read
    qtbot.wait(50)
    assert view.coverage_model.rowCount() == 0
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.show()
    assert view.coverage_model.rowCount() == 3
    with qtbot.waitSignal(view.loaded, timeout=10000):
        bench.signals.catalog_changed.emit(Changes(everything=True))  # shown: read now


def test_cells_count_passages_and_tint_by_dominant_frame(bench: Bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(bench, qtbot)
    model = view.coverage_model
    assert [model.event_key(r) for r in range(model.rowCount())] == [WAR.key, QUIET.key, AKTAU.key]
    outlets = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert outlets[0] == "Wire" and "DW" in outlets and "Silent Weekly" not in outlets
    dw = outlets.index("DW")
    war = model.index(0, dw)
    assert model.data(war) == "1"
    colour = model.data(war, Qt.ItemDataRole.BackgroundRole).color()
    assert colour.rgb() == QColor("#3c78d8").rgb() and 0 < colour.alpha() < 255  # Legality
    assert model.data(model.index(1, dw)) is None  # the quiet summit: nobody speaks of it


def test_rows_follow_the_filters(bench: Bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(bench, qtbot)
    with qtbot.waitSignal(bench.signals.filters_changed, timeout=2000):
        bench.workbench.set_filters(Filters(text="Aktau"))
    model = view.coverage_model
    assert [model.event_key(r) for r in range(model.rowCount())] == [AKTAU.key]


def test_clicking_a_cell_selects_its_event(bench: Bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(bench, qtbot)
    qtbot.waitExposed(view)
    rect = view.visualRect(view.coverage_model.index(2, 1))
    with qtbot.waitSignal(view.event_opened) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [AKTAU.key]
    assert bench.workbench.selection == (AKTAU.key,)
