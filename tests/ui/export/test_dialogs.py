"""The export dialogs: the image dialog prefilled from the view, import with a rename prompt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db.library import Library, open_library
from desktop.core.exchange.exporting import export_library
from desktop.core.exchange.importing import ImportOutcome
from desktop.core.timeline.scale import TimeScale
from desktop.ui.export.data_actions import import_data
from desktop.ui.export.image_dialog import ImageExportDialog, image_job


def test_image_dialog_starts_from_the_current_view(qtbot: QtBot, tmp_path: Path) -> None:
    view = TimeScale(730_000.0, 731_000.0, 1234.0)
    dialog = ImageExportDialog(None, view, "My view")
    qtbot.addWidget(dialog)
    request = dialog.request(tmp_path / "v.svg")
    assert (request.t0, request.t1, request.width, request.title) == (
        730_000.0,
        731_000.0,
        1234,
        "My view",
    )
    dialog.range_box.setCurrentText("Whole library")
    dialog.size_box.setCurrentText("A0")
    request = dialog.request(tmp_path / "v.pdf")
    assert (request.t0, request.t1, request.page) == (None, None, "A0")


def test_image_job_reports_progress_and_writes_the_file(
    qapp: object, sample_library: Library, tmp_path: Path
) -> None:
    dialog = ImageExportDialog(None, None)
    job = image_job(sample_library, dialog.request(tmp_path / "whole.png"))
    seen: list[str] = []
    result = job(lambda _done, _total, message: seen.append(message), lambda: False)
    assert result == tmp_path / "whole.png" and result.stat().st_size > 0
    assert seen[0] == "Reading the library…" and len(seen) >= 3


def test_import_conflict_asks_to_rename_then_imports(
    qtbot: QtBot, sample_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.csv"
    path.write_text("key,title,start,lane\n2024-azal-8243-crash,Other,2024,georgia\n", "utf-8")
    target = open_library(str(tmp_path / "copy.sqlite"))
    try:
        export_library(sample_library, tmp_path / "lib.json", "json")
        from desktop.core.exchange.importing import import_file

        import_file(target, tmp_path / "lib.json")
        asked: list[str] = []
        monkeypatch.setattr(
            QMessageBox,
            "question",
            lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes,
        )
        parent = QWidget()
        qtbot.addWidget(parent)
        done: list[ImportOutcome] = []
        import_data(parent, target, done.append, str(path))
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
        assert "event '2024-azal-8243-crash'" in asked[0]
        assert done[0].plan.renamed == {
            ("events", "2024-azal-8243-crash"): "2024-azal-8243-crash-2"
        }
    finally:
        target.dispose()
