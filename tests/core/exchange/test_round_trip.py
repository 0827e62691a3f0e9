"""The bundled dataset out in each data format and back into an empty library."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.library import Library
from desktop.core.exchange.exporting import export_library
from desktop.core.exchange.importing import import_file
from desktop.core.exchange.library_export import bundle_from_library
from desktop.io.formats.bundle import Bundle
from desktop.model.dates import HistDate


def _bundle(library: Library) -> Bundle:
    with library.unit_of_work() as uow:
        return bundle_from_library(uow)


def _events_by_title(bundle: Bundle) -> dict[str, tuple[str, str | None, str]]:
    lanes = {lane.key: lane.name for lane in bundle.lanes}
    return {e.title: (e.start, e.end, lanes[e.lane]) for e in bundle.events}


def test_json_round_trip_gives_an_identical_library(
    sample_library: Library, empty_library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "library.json"
    export_library(sample_library, path, "json")
    outcome = import_file(empty_library, path)
    assert outcome.format == "json"
    before, after = _bundle(sample_library), _bundle(empty_library)
    assert after.events == before.events
    assert after.passages == before.passages
    assert after.claims == before.claims
    assert after.lanes == before.lanes
    assert after.meta.title == before.meta.title


@pytest.mark.parametrize("target", ["tables", "tables.zip"])
def test_csv_tables_round_trip_keeps_events_dates_and_precision(
    sample_library: Library, empty_library: Library, tmp_path: Path, target: str
) -> None:
    path = tmp_path / target
    outcome = export_library(sample_library, path, "csv")
    if target.endswith(".zip"):
        assert outcome.paths == (path,) and path.is_file()
    else:
        assert sorted(p.name for p in path.iterdir()) == [
            "codings.csv",
            "events.csv",
            "passages.csv",
        ]
    import_file(empty_library, path)
    before, after = _bundle(sample_library), _bundle(empty_library)
    assert after.events == before.events  # keys, dates as EDTF (precision), lanes, lists
    assert {lane.key for lane in after.lanes} == {lane.key for lane in before.lanes}


@pytest.mark.parametrize(
    ("fmt", "name"), [("timelinejs-json", "t.json"), ("timelinejs-csv", "t.csv")]
)
def test_timelinejs_round_trip_keeps_dates_precision_and_lanes(
    sample_library: Library, empty_library: Library, tmp_path: Path, fmt: str, name: str
) -> None:
    path = tmp_path / name
    export_library(sample_library, path, fmt)
    assert import_file(empty_library, path).format == fmt  # recognised without --format
    before, after = _bundle(sample_library), _bundle(empty_library)
    assert _events_by_title(after) == _events_by_title(before)
    precisions = {e.title: HistDate.parse_edtf(e.start).precision for e in after.events}
    assert precisions == {e.title: HistDate.parse_edtf(e.start).precision for e in before.events}
    assert len(set(precisions.values())) == 3  # the dataset has year, month and day dates


def test_qdpx_round_trip_gives_the_same_passages_and_codes(
    sample_library: Library, empty_library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "project.qdpx"
    export_library(sample_library, path, "qdpx")
    import_file(empty_library, path)
    before, after = _bundle(sample_library), _bundle(empty_library)
    assert {p.key: p.quote for p in after.passages} == {p.key: p.quote for p in before.passages}
    titles_before = {s.key: s.title for s in before.sources}
    titles_after = {s.key: s.title for s in after.sources}
    assert {p.key: titles_after[p.source] for p in after.passages} == {
        p.key: titles_before[p.source] for p in before.passages
    }
    names_before = {c.key: c.name for c in before.codes}
    names_after = {c.key: c.name for c in after.codes}
    assert sorted(names_after.values()) == sorted(names_before.values())
    coded = {
        p.key: sorted((names_after[c.code], c.coder) for c in p.codings) for p in after.passages
    }
    assert coded == {
        p.key: sorted((names_before[c.code], c.coder) for c in p.codings) for p in before.passages
    }


def test_coverage_csv_lists_every_event_and_speaking_source(
    sample_library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "coverage.csv"
    outcome = export_library(sample_library, path, "coverage-csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + outcome.events == 1 + 105
    header = lines[0].split(",")
    assert header[:3] == ["event_key", "event", "when"]
    assert len(header) == 3 + 2 * outcome.sources
