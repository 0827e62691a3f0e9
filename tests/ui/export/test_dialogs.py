"""The export dialogs: the image dialog prefilled from the view, import with a rename prompt,
the report refused over the open library."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db.library import Library, open_library
from desktop.core.catalog import Catalog
from desktop.core.exchange.exporting import export_library
from desktop.core.exchange.importing import ImportOutcome
from desktop.core.exchange.report import load_comparison
from desktop.core.timeline.scale import TimeScale
from desktop.ui.exchange.data_actions import import_data, save_comparison_report
from desktop.ui.export.image_dialog import ImageExportDialog, image_job
from desktop.ui.export.image_memory import (
    defaults_from_preferences,
    load_choices,
    save_choices,
    start_path,
)


def test_image_dialog_starts_from_preferences_then_remembers(
    qtbot: QtBot, tmp_path: Path, sample_library: Library
) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = load_choices(store, defaults_from_preferences(1600, "print"))
    assert (first.width, first.theme, first.folder) == ("1600px", "print", "")
    view = TimeScale(730_000.0, 731_000.0, 1234.0)
    catalog = Catalog.load(sample_library)
    dialog = ImageExportDialog(None, view, "My view", first, lambda: catalog)
    qtbot.addWidget(dialog)
    request = dialog.request(tmp_path / "v.png")
    assert (request.t0, request.t1, request.width, request.theme) == (None, None, "1600px", "print")
    dialog.range_box.setCurrentText("Current view")
    dialog.size_box.setCurrentText("journal-column")
    request = dialog.request(tmp_path / "v.pdf")
    assert (request.t0, request.t1, request.preset) == (730_000.0, 731_000.0, "journal-column")
    dialog.refresh_preview()
    preview = dialog.preview.pixmap()
    assert not preview.isNull() and preview.width() <= 560
    assert dialog.size_note.text().startswith("85 × ")  # the preview is the real 85 mm figure
    save_choices(store, replace(dialog.choices(), folder=str(tmp_path), file_name="fig.pdf"))
    again = load_choices(store, defaults_from_preferences(1600, "light"))
    assert (again.size, again.theme, again.range) == ("journal-column", "print", "Current view")
    assert start_path(again) == str(tmp_path / "fig.pdf")


def test_image_job_reports_progress_and_writes_the_file(
    qapp: object, sample_library: Library, tmp_path: Path
) -> None:
    dialog = ImageExportDialog(None, None)
    request = dialog.request(tmp_path / "whole.png")
    job = image_job(sample_library, request, (str(tmp_path / "w.bib"), None))
    seen: list[str] = []
    result = job(lambda _done, _total, message: seen.append(message), lambda: False)
    assert result == tmp_path / "whole.png" and result.stat().st_size > 0
    assert seen[0] == "Reading the library…" and len(seen) >= 3
    assert "@misc{bloomberg-digest-2023," in (tmp_path / "w.bib").read_text(encoding="utf-8")


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


def test_save_report_refuses_the_open_library_and_writes_elsewhere(
    qtbot: QtBot, sample_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    comparison = load_comparison(sample_library, "2024-azal-8243-crash")
    library_file = Path(sample_library.files()[0])
    before = library_file.read_bytes()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    for name in (str(library_file), f"{library_file}-wal"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, n=name, **_k: (n, ""))
        assert save_comparison_report(parent, sample_library, comparison) is None
    assert len(warned) == 2 and all("is the open library" in text for text in warned)
    assert library_file.read_bytes() == before
    out = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    assert save_comparison_report(parent, sample_library, comparison) == out
    assert "AZAL" in out.read_text(encoding="utf-8")
