"""Importing many files: progress, one failure not stopping the rest, and a clean cancel."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.errors import IntegrityViolationError
from db.library import Library
from db.repositories.sources import SourceRepository
from db.repositories.suggestions import SuggestionRepository
from desktop.core.importing import ImportStatus, import_batch
from desktop.model.palette import SOURCE_COLORS
from tests.core.importing.helpers import CORPUS, corpus, load_dataset


def _files(tmp_path: Path) -> list[Path]:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    return [corpus(CORPUS[0]), bad, corpus(CORPUS[2]), corpus(CORPUS[4])]


def test_batch_reports_each_file_and_goes_on_after_a_failure(
    sqlite_library: Library, tmp_path: Path
) -> None:
    calls: list[tuple[int, int, str]] = []
    files = _files(tmp_path)
    report = import_batch(
        sqlite_library, files, progress=lambda i, n, name: calls.append((i, n, name))
    )
    assert [o.status for o in report.outcomes] == [
        ImportStatus.IMPORTED,
        ImportStatus.FAILED,
        ImportStatus.IMPORTED,
        ImportStatus.IMPORTED,
    ]
    assert [o.file_name for o in report.outcomes] == [p.name for p in files]
    assert calls == [(i, 4, p.name) for i, p in enumerate(files)] + [(4, 4, "")]
    assert report.any_failed and not report.cancelled
    assert report.summary().startswith("3 imported, 0 attached")
    assert sqlite_library.counts().sources == 3


def test_cancel_stops_between_files_and_keeps_the_finished_ones(
    sqlite_library: Library, tmp_path: Path
) -> None:
    files = _files(tmp_path)
    started: list[str] = []

    def cancelled() -> bool:
        return len(started) >= 2

    report = import_batch(
        sqlite_library,
        files,
        progress=lambda _i, _n, name: started.append(name),
        cancelled=cancelled,
    )
    assert report.cancelled and report.total == 4
    assert [o.file_name for o in report.outcomes] == [files[0].name, files[1].name]
    assert "cancelled after 2 of 4 files" in report.summary()
    with sqlite_library.unit_of_work() as uow:
        assert [s.file_name for s in uow.sources.list()] == [files[0].name]


def test_suggestions_are_counted_when_asked(sqlite_library: Library) -> None:
    load_dataset(sqlite_library)
    report = import_batch(sqlite_library, [corpus(CORPUS[4])], with_suggestions=True)
    (outcome,) = report.outcomes
    assert outcome.status is ImportStatus.ATTACHED and outcome.suggestions > 0
    kinds = dict(outcome.suggested)
    assert sum(kinds.values()) == outcome.suggestions and kinds.get("link", 0) > 0
    assert f"awaiting review: {kinds['link']} link" in outcome.describe()
    with sqlite_library.unit_of_work() as uow:
        stored = uow.suggestions.for_source(outcome.source_key or "")
    assert len(stored) == outcome.suggestions


def _notes(folder: Path) -> list[Path]:
    files = []
    for number, place in enumerate(("Aktau", "Tbilisi", "Yerevan")):
        path = folder / f"note-{number}.txt"
        path.write_text(f"Note {number}\n\nOfficials met in {place} on 3 May 2021.\n", "utf-8")
        files.append(path)
    return files


def _refuse_note_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """The write of note-1 fails when its suggestions are stored."""
    store = SuggestionRepository.add_pending

    def add_pending(
        self: SuggestionRepository, key: str, found: object, **given: int | None
    ) -> object:
        stored = store(self, key, found, **given)  # type: ignore[arg-type]
        if key.startswith("note-1"):
            raise IntegrityViolationError("refused for the test")
        return stored

    monkeypatch.setattr(SuggestionRepository, "add_pending", add_pending)


def test_a_document_whose_write_fails_leaves_nothing_and_the_others_are_written(
    sqlite_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _notes(tmp_path)
    load_dataset(sqlite_library)
    _refuse_note_1(monkeypatch)
    report = import_batch(sqlite_library, files, with_suggestions=True)
    assert [o.status for o in report.outcomes] == [
        ImportStatus.IMPORTED,
        ImportStatus.FAILED,
        ImportStatus.IMPORTED,
    ]
    assert "refused for the test" in report.outcomes[1].reason
    with sqlite_library.unit_of_work() as uow:
        names = {s.file_name: s.key for s in uow.sources.list() if s.file_name}
        written = {name: key for name, key in names.items() if name.startswith("note-")}
        assert set(written) == {"note-0.txt", "note-2.txt"}
        pending = uow.suggestions.pending_counts()
        for outcome in (report.outcomes[0], report.outcomes[2]):  # each with its suggestions
            assert outcome.suggestions > 0
            assert pending[written[outcome.file_name]] == outcome.suggestions
        assert not any(key.startswith("note-1") for key in pending)


def test_a_batchs_new_sources_take_the_free_colours_without_reading_every_source(
    sqlite_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the colour column follows the text: reading every source's colour for each file read
    # every text, so a batch slowed down with each file it wrote
    def colors(self: SourceRepository) -> list[str]:
        raise AssertionError("every source's colour read again")

    _refuse_note_1(monkeypatch)
    monkeypatch.setattr(SourceRepository, "colors", colors)
    report = import_batch(sqlite_library, _notes(tmp_path), with_suggestions=True)
    assert [o.status for o in report.outcomes] == [
        ImportStatus.IMPORTED,
        ImportStatus.FAILED,
        ImportStatus.IMPORTED,
    ]
    with sqlite_library.unit_of_work() as uow:
        taken = {s.file_name: s.color for s in uow.sources.list()}
    # the failed file's colour stays free for the next one
    assert taken == {"note-0.txt": SOURCE_COLORS[0], "note-2.txt": SOURCE_COLORS[1]}
