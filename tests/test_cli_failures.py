"""Broken libraries, read-only or full storage, odd URLs and hostile files: one line, exit 2,
nothing changed (never a traceback)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import event

from db.errors import LibraryError
from db.library import open_library
from desktop.cli import main

AZAL = "2024-azal-8243-crash"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("failures") / "sample.sqlite"
    assert main(["--db", str(db), "sample"]) == 0
    return db


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def corrupt_db(sample_db: Path, tmp_path: Path) -> Path:
    """A copy of the sample library whose pages after the first few are overwritten."""
    copy = tmp_path / "corrupt.sqlite"
    shutil.copyfile(sample_db, copy)
    data = bytearray(copy.read_bytes())
    for offset in range(8192 + 100, len(data) - 700, 4096 * 3):
        data[offset : offset + 600] = bytes((offset + i) % 251 for i in range(600))
    copy.write_bytes(bytes(data))
    return copy


CORRUPT_COMMANDS = {
    "info": [],
    "export-data": ["OUT/out.json"],
    "compare": [AZAL],
    "export-image": ["OUT/out.png"],
    "export-report": [AZAL, "OUT/out.html"],
    "import-data": ["OUT/in.csv"],
    "agreement": ["--coders", "a,b"],
}


@pytest.mark.parametrize("name", sorted(CORRUPT_COMMANDS))
def test_a_corrupted_library_is_one_line(
    name: str, corrupt_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in.csv").write_text("title,date\nA flood,2001-05-02\n", encoding="utf-8")
    extra = [a.replace("OUT", str(tmp_path)) for a in CORRUPT_COMMANDS[name]]
    before = digest(corrupt_db)
    code = main([name, *extra, "--db", str(corrupt_db)])
    captured = capsys.readouterr()
    if code == 0:  # info may read only intact pages; then it must have printed counts
        assert name == "info" and "events:" in captured.out
        return
    assert code == 2
    assert "damaged" in one_line(captured.err)
    assert digest(corrupt_db) == before
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "out.png").exists()


def test_writing_to_a_read_only_library_is_one_line(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "ro.sqlite"
    shutil.copyfile(sample_db, copy)
    sheet = tmp_path / "in.csv"
    sheet.write_text("title,date\nA flood,2001-05-02\n", encoding="utf-8")
    before = digest(copy)
    url = f"sqlite:///file:{copy}?mode=ro&uri=true"
    assert main(["import-data", str(sheet), "--db", url]) == 2
    assert "read-only" in one_line(capsys.readouterr().err)
    assert digest(copy) == before


def test_a_full_disk_is_one_line_and_keeps_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite"
    open_library(str(db)).dispose()
    from db import engine as engine_module

    real = engine_module.make_engine

    def tiny(url: str):  # type: ignore[no-untyped-def]
        built = real(url)

        @event.listens_for(built, "connect")
        def _limit(connection, _record):  # type: ignore[no-untyped-def]
            cursor = connection.cursor()
            pages = cursor.execute("PRAGMA page_count").fetchone()[0]
            cursor.execute(f"PRAGMA max_page_count={pages + 1}")
            cursor.close()

        return built

    monkeypatch.setattr("db.library.make_engine", tiny)
    sheet = tmp_path / "big.csv"
    rows = "".join(f"Event {i} {'x' * 400},2001-05-02\n" for i in range(300))
    sheet.write_text("title,date\n" + rows, encoding="utf-8")
    assert main(["import-data", str(sheet), "--db", str(db)]) == 2
    assert "disk is full" in one_line(capsys.readouterr().err)
    monkeypatch.undo()
    library = open_library(str(db), create=False)
    try:
        assert library.counts().events == 0
    finally:
        library.dispose()


def test_a_new_library_where_no_folder_can_be_made_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["sample", "--db", str(blocker / "sub" / "lib.sqlite")]) == 2
    assert "Cannot create the library folder" in one_line(capsys.readouterr().err)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("mysql://user:secret@host/db", "'mysql://' is not supported"),
        ("mongodb://host/db", "'mongodb://' is not supported"),
        ("postgresql+nodriver://host/db", "Cannot use"),
    ],
)
def test_unsupported_urls_are_one_line(
    url: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", "--db", url]) == 2
    line = one_line(capsys.readouterr().err)
    assert said in line and "secret" not in line


def test_an_unknown_scheme_is_refused_by_the_library_layer() -> None:
    with pytest.raises(LibraryError, match="not supported"):
        open_library("oracle://host/db")


@pytest.mark.parametrize("fmt", ["json", "timelinejs-json", None])
def test_json_nested_100k_deep_is_one_line(
    fmt: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"events": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    db = tmp_path / "lib.sqlite"
    argv = ["import-data", str(deep), "--db", str(db)] + (["--format", fmt] if fmt else [])
    assert main(argv) == 2
    assert "nested too deeply" in one_line(capsys.readouterr().err)


def test_nul_characters_are_refused_on_every_engine(
    any_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "in.json"
    sheet.write_text(
        json.dumps(
            {
                "title": {"text": {"headline": "T"}},
                "events": [{"start_date": {"year": 2001}, "text": {"headline": "Bad\u0000title"}}],
            }
        ),
        encoding="utf-8",
    )
    open_library(any_url).dispose()
    assert main(["import-data", str(sheet), "--db", any_url]) == 2
    line = one_line(capsys.readouterr().err)
    assert "NUL" in line and "'title'" in line
    library = open_library(any_url, create=False)
    try:
        assert library.counts().events == 0
    finally:
        library.dispose()


def test_agreement_of_coders_without_codings_is_refused(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agreement", "--coders", "nobody,noone", "--db", str(sample_db)]) == 2
    line = one_line(capsys.readouterr().err)
    assert "No coding by nobody, noone" in line


@pytest.mark.parametrize("fmt", ["csv", "json", "qdpx", "timelinejs-csv", "coverage-csv"])
def test_no_export_creates_missing_folders(
    fmt: str, sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "out"
    assert main(["export-data", str(target), "--format", fmt, "--db", str(sample_db)]) == 2
    line = one_line(capsys.readouterr().err)
    assert f"Cannot write {target}: the folder does not exist" in line
    assert not (tmp_path / "missing").exists()


def test_export_errors_name_the_target_not_the_temporary_file(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "taken.json"
    target.mkdir()  # os.replace of a file onto a folder fails
    assert main(["export-data", str(target), "--db", str(sample_db)]) == 2
    line = one_line(capsys.readouterr().err)
    assert str(target) in line and ".tmp" not in line
    assert list(tmp_path.iterdir()) == [target]
