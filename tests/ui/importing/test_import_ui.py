"""The import flow in the window: file dialog, metadata form, progress, report, review panel."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from db.library import Library
from desktop.core.importing import (
    ImportReport,
    ImportStatus,
    MetadataOverrides,
    NewEventDetails,
    ProposedMetadata,
    SuggestionKind,
    import_document,
)
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.importing import (
    ImportController,
    MetadataForm,
    ReviewPanel,
    accepts_drop,
    paths_from_drop,
)
from tests.core.importing.helpers import CORPUS, SOURCE_OF, corpus, load_dataset


@pytest.fixture
def bench(sqlite_library: Library) -> tuple[Workbench, WorkbenchSignals]:
    workbench = Workbench(sqlite_library, author="tester")
    return workbench, WorkbenchSignals(workbench)


def _run(qtbot: Any, controller: ImportController, start: Any) -> ImportReport:
    with qtbot.waitSignal(controller.finished, timeout=60_000) as blocker:
        start()
    report = blocker.args[0]
    assert isinstance(report, ImportReport)
    return report


def test_import_with_the_file_dialog_ends_with_the_report(
    qtbot: Any, bench: tuple[Workbench, WorkbenchSignals], monkeypatch: pytest.MonkeyPatch
) -> None:
    workbench, signals = bench
    load_dataset(workbench.library)
    chosen = [str(corpus(CORPUS[1])), str(corpus(CORPUS[2]))]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    reloads: list[int] = []
    workbench.events.catalog.connect(lambda _changes: reloads.append(1))
    controller = ImportController(workbench, signals)
    report = _run(qtbot, controller, controller.choose_and_import)
    assert [o.status for o in report.outcomes] == [ImportStatus.ATTACHED] * 2
    dialog = controller.report_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.row_texts()
    assert [row[:3] for row in rows] == [
        (CORPUS[1], "attached", SOURCE_OF[CORPUS[1]]),
        (CORPUS[2], "attached", SOURCE_OF[CORPUS[2]]),
    ]
    assert rows[0][3].startswith("15 passages ok, 0 relocated, 0 orphaned")
    assert dialog.summary_label.text().startswith("0 imported, 2 attached")
    assert reloads


def test_a_single_new_file_asks_for_its_metadata(
    qtbot: Any, bench: tuple[Workbench, WorkbenchSignals]
) -> None:
    workbench, signals = bench
    controller = ImportController(workbench, signals)
    asked: list[ProposedMetadata] = []

    def ask(proposed: ProposedMetadata, _name: str) -> MetadataOverrides | None:
        asked.append(proposed)
        return MetadataOverrides(title="Confirmed title", published="2025-03")

    controller.ask_metadata = ask  # type: ignore[method-assign]
    report = _run(qtbot, controller, lambda: controller.import_paths([corpus(CORPUS[4])]))
    assert asked[0].authors == ("Taras Kuzio",)
    (outcome,) = report.outcomes
    with workbench.library.unit_of_work() as uow:
        source = uow.sources.get(outcome.source_key or "")
    assert (source.title, source.published) == ("Confirmed title", "2025-03")


def test_cancelling_the_form_imports_nothing(bench: tuple[Workbench, WorkbenchSignals]) -> None:
    workbench, signals = bench
    controller = ImportController(workbench, signals)
    controller.ask_metadata = lambda *_a: None  # type: ignore[method-assign]
    controller.import_paths([corpus(CORPUS[4])])
    assert controller.task is None and workbench.library.counts().sources == 0


def test_cancel_keeps_the_files_already_imported(
    qtbot: Any, bench: tuple[Workbench, WorkbenchSignals], tmp_path: Path
) -> None:
    workbench, signals = bench
    rng = random.Random(5)
    vocabulary = [f"word{n}" for n in range(3000)]
    files = []
    for number in range(40):
        path = tmp_path / f"note-{number}.txt"
        path.write_text(" ".join(rng.choices(vocabulary, k=1500)) + ".\n", "utf-8")
        files.append(path)
    controller = ImportController(workbench, signals)
    controller.confirm_attach = lambda _o: False  # type: ignore[method-assign]

    def start() -> None:
        controller.import_paths(files)
        assert controller.task is not None
        qtbot.waitUntil(lambda: workbench.library.counts().sources >= 1, timeout=30_000)
        controller.task.cancel()

    report = _run(qtbot, controller, start)
    assert report.cancelled and 1 <= len(report.outcomes) < 40
    assert workbench.library.counts().sources == report.count(ImportStatus.IMPORTED)
    assert controller.report_dialog is not None
    assert "cancelled after" in controller.report_dialog.summary_label.text()


def test_a_look_alike_is_attached_when_the_person_agrees(
    qtbot: Any, bench: tuple[Workbench, WorkbenchSignals], tmp_path: Path
) -> None:
    workbench, signals = bench
    load_dataset(workbench.library)
    text = corpus(CORPUS[3]).read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(text.replace("Russia", "the Russian Federation", 5), "utf-8")
    other = tmp_path / "other.txt"
    other.write_text(text.replace("Moscow", "the Kremlin", 5), "utf-8")
    controller = ImportController(workbench, signals)
    questions: list[str] = []
    controller.confirm_attach = lambda o: questions.append(o.file_name) or True  # type: ignore[method-assign]
    report = _run(qtbot, controller, lambda: controller.import_paths([edited, other]))
    assert questions == ["edited.txt", "other.txt"]
    assert [o.status for o in report.outcomes] == [ImportStatus.ATTACHED] * 2
    assert workbench.library.counts().sources == 5


def test_metadata_form_says_how_it_understood_the_date(qtbot: Any) -> None:
    proposed = ProposedMetadata("Title", ("A",), "Outlet", "2025-03-10", "", "", "en", "other")
    form = MetadataForm(proposed, "file.txt")
    qtbot.addWidget(form)
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert form.published_edit.text() == "10 March 2025"
    form.published_edit.setText("March 2025")
    assert form.understood_label.text() == "Understood as March 2025" and ok.isEnabled()
    form.published_edit.setText("someday")
    assert form.understood_label.text().startswith("Not understood") and not ok.isEnabled()
    form.published_edit.setText("c. 2012")
    form.authors_edit.setText("A. One, B. Two")
    form.kind_combo.setCurrentText("op-ed")
    overrides = form.overrides()
    assert (overrides.published, overrides.authors, overrides.kind) == (
        "2012~",
        ("A. One", "B. Two"),
        "op-ed",
    )


def test_drops_carry_only_documents_we_read(tmp_path: Path) -> None:
    text, script = tmp_path / "a.txt", tmp_path / "b.py"
    text.write_text("words", "utf-8")
    script.write_text("pass", "utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(script)), QUrl.fromLocalFile(str(text))])
    assert paths_from_drop(mime) == [text] and accepts_drop(mime)
    only_script = QMimeData()
    only_script.setUrls([QUrl.fromLocalFile(str(script)), QUrl("https://example.org/a.txt")])
    assert paths_from_drop(only_script) == [] and not accepts_drop(only_script)


def test_a_dropped_folder_gives_its_documents_and_those_of_its_subfolders(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    (folder / "ru").mkdir(parents=True)
    for name in ("b.html", "a.txt", "ru/c.md", "notes.py"):
        (folder / name).write_text("words", "utf-8")
    single = tmp_path / "single.txt"
    single.write_text("words", "utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(single)), QUrl.fromLocalFile(str(folder))])
    assert paths_from_drop(mime) == [
        single,
        folder / "a.txt",
        folder / "b.html",
        folder / "ru" / "c.md",
    ]


@pytest.fixture
def panel(qtbot: Any, bench: tuple[Workbench, WorkbenchSignals]) -> ReviewPanel:
    workbench, signals = bench
    load_dataset(workbench.library)
    import_document(workbench.library, corpus(CORPUS[4]), suggest=True)
    workbench.reload()
    widget = ReviewPanel(workbench, signals)
    qtbot.addWidget(widget)
    widget.show_source(SOURCE_OF[CORPUS[4]])
    return widget


def _select(panel: ReviewPanel, kind: SuggestionKind) -> int:
    row = next(i for i, item in enumerate(panel.items) if item.kind == kind)
    panel.table.setCurrentItem(panel.table.topLevelItem(row))
    return row


def test_review_panel_accept_creates_the_passage_and_link(panel: ReviewPanel) -> None:
    library = panel.workbench.library
    shown = panel.table.topLevelItemCount()
    assert shown == len(panel.items) > 0
    assert panel.status_label.text() == f"{shown} suggestions to review"
    item = panel.items[_select(panel, SuggestionKind.LINK)]
    before = library.counts().passages
    panel.accept_button.click()
    assert library.counts().passages == before + 1
    with library.unit_of_work() as uow:
        made = [
            p
            for p in uow.passages.for_source(panel.source_key or "")
            if p.links and p.links[0].origin == "suggested"
        ]
    assert [(p.start, p.end, p.links[0].event_key) for p in made] == [
        (item.start, item.end, item.event_key)
    ]
    assert item.id not in {i.id for i in panel.items}
    assert panel.table.topLevelItemCount() == shown - 1


def test_review_panel_reject_edit_span_and_new_event(panel: ReviewPanel) -> None:
    library = panel.workbench.library
    rejected = panel.items[_select(panel, SuggestionKind.LINK)]
    panel.reject_button.click()
    assert rejected.id not in {i.id for i in panel.items}
    item = panel.items[_select(panel, SuggestionKind.LINK)]
    panel.ask_span = lambda it, _text: (it.start + 2, it.end)  # type: ignore[method-assign]
    panel.edit_button.click()
    with library.unit_of_work() as uow:
        spans = {(p.start, p.end) for p in uow.passages.for_source(panel.source_key or "")}
    assert (item.start + 2, item.end) in spans
    new = panel.items[_select(panel, SuggestionKind.NEW_EVENT)]
    panel.ask_new_event = lambda _it: NewEventDetails("A new event")  # type: ignore[method-assign]
    events_before = library.counts().events
    panel.accept_button.click()
    assert library.counts().events == events_before + 1
    assert new.id not in {i.id for i in panel.items}


def test_review_panel_walks_sources_with_next_and_previous(panel: ReviewPanel) -> None:
    combo = panel.source_combo
    assert combo.count() >= 1
    combo.setCurrentIndex(0)
    assert not panel.previous_button.isEnabled()
    if combo.count() > 1:
        panel.next_button.click()
        assert combo.currentIndex() == 1 and panel.previous_button.isEnabled()
        panel.previous_button.click()
        assert combo.currentIndex() == 0
    panel.show_source(SOURCE_OF[CORPUS[4]])
    assert "awaiting review" in combo.currentText()
