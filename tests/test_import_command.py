"""``parallax import`` run as a user would: a subprocess on a temporary library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from db.library import open_library
from desktop.core.sample import load_sample
from desktop.io.documents import read_document
from tests.support import REPO, shared_path

REPORT = "jankowski-bouvery-policy-report-2022-12.txt"


def _parallax(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PARALLAX_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), "import", "--no-assist", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=180,
    )


def _dataset_library(tmp_path: Path) -> Path:
    db = tmp_path / "library.sqlite"
    library = open_library(str(db))
    try:
        load_sample(library)
    finally:
        library.dispose()
    return db


def _counts(db: Path) -> object:
    library = open_library(str(db))
    try:
        return library.counts()
    finally:
        library.dispose()


def test_corpus_files_attach_with_one_line_each(tmp_path: Path) -> None:
    db = _dataset_library(tmp_path)
    files = [
        shared_path("corpus", REPORT),
        shared_path("corpus", "kuzio-eureporter-2025-03-10.txt"),
    ]
    result = _parallax(db, *map(str, files))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(
        f"{REPORT}: attached to jankowski-bouvery-2022: 62 passages ok, 0 relocated, 0 orphaned"
    )
    assert lines[1].startswith("kuzio-eureporter-2025-03-10.txt: attached to kuzio-eureporter-2025")


def test_a_near_copy_is_offered_then_attached_on_request(tmp_path: Path) -> None:
    db = _dataset_library(tmp_path)
    text = read_document(shared_path("corpus", REPORT)).text
    paragraphs = text.split("\n")
    longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
    edited = tmp_path / "edited.txt"
    edited.write_text("\n".join(paragraphs[:longest] + paragraphs[longest + 1 :]), "utf-8")
    before = _counts(db)
    offered = _parallax(db, str(edited))
    assert offered.returncode == 0, offered.stderr
    assert "looks like source jankowski-bouvery-2022" in offered.stdout
    assert "rerun with --attach-to jankowski-bouvery-2022" in offered.stdout
    assert _counts(db) == before
    attached = _parallax(db, str(edited), "--attach-to", "jankowski-bouvery-2022")
    assert attached.returncode == 0, attached.stderr
    line = attached.stdout.strip()
    assert line.startswith("edited.txt: attached to jankowski-bouvery-2022: ")
    orphaned = int(line.split(" relocated, ")[1].split(" orphaned")[0])
    assert orphaned > 0 and "orphaned (" in line
    assert _counts(db) == before


def test_failures_give_status_one_and_new_files_take_the_given_metadata(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    note = tmp_path / "note.txt"
    note.write_text("A short note about the 2008 war in Georgia.\n", "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _parallax(
        db,
        str(note),
        str(empty),
        "--published",
        "March 2025",
        "--outlet",
        "Desk",
        "--author",
        "A. Writer",
        "--kind",
        "commentary",
    )
    assert result.returncode == 1
    first, second = result.stdout.strip().splitlines()
    assert first.startswith("note.txt: imported as ")
    assert second == "empty.txt: failed: empty.txt is empty."
    library = open_library(str(db))
    try:
        with library.unit_of_work() as uow:
            (source,) = uow.sources.list()
    finally:
        library.dispose()
    assert (source.published, source.outlet, source.authors, source.kind) == (
        "2025-03",
        "Desk",
        ("A. Writer",),
        "commentary",
    )


def test_a_date_it_cannot_read_is_a_usage_error(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Words.\n", "utf-8")
    result = _parallax(tmp_path / "x.sqlite", str(note), "--published", "someday")
    assert result.returncode == 2
    assert result.stderr.startswith("parallax: --published:")
    assert result.stdout == ""
