"""``--db`` before or after every sub-command; read commands never create a library."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import build_parser, main
from desktop.cli_commands import COMMANDS

# The arguments each command needs besides --db, so that parsing succeeds.
REQUIRED = {
    "gui": [],
    "info": [],
    "sample": [],
    "copy": ["--from", "a.sqlite", "--to", "b.sqlite"],
    "compare": ["event"],
    "import": ["doc.txt"],
    "export-data": ["out.json"],
    "import-data": ["in.json"],
    "export-report": ["event", "out.html"],
    "export-image": ["out.png"],
    "agreement": ["--coders", "a,b"],
    "suggestions": ["source"],
    "review": ["source", "--accept-above", "0.9"],
    "install-desktop-entry": [],
}
READ_COMMANDS = {
    "info": [],
    "compare": ["event"],
    "export-data": ["OUT/out.json"],
    "export-image": ["OUT/out.png"],
    "export-report": ["event", "OUT/out.html"],
    "agreement": ["--coders", "a,b"],
    "suggestions": ["source"],
    "review": ["source", "--accept-above", "0.9"],
}


def test_every_command_is_listed_here() -> None:
    assert {command.name for command in COMMANDS} == set(REQUIRED)


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_db_after_the_command(name: str) -> None:
    args = build_parser().parse_args([name, *REQUIRED[name], "--db", "after.sqlite"])
    assert args.db == "after.sqlite"


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_db_before_the_command(name: str) -> None:
    args = build_parser().parse_args(["--db", "before.sqlite", name, *REQUIRED[name]])
    assert args.db == "before.sqlite"


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_db_after_the_command_wins(name: str) -> None:
    argv = ["--db", "before.sqlite", name, *REQUIRED[name], "--db", "after.sqlite"]
    assert build_parser().parse_args(argv).db == "after.sqlite"


@pytest.mark.parametrize("name", sorted(READ_COMMANDS))
def test_read_commands_never_create_a_library(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo" / "lib.sqlite"
    extra = [a.replace("OUT", str(tmp_path)) for a in READ_COMMANDS[name]]
    assert main([name, *extra, "--db", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"parallax: No library at {missing}."
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_is_no_library_to_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "lib.sqlite"
    empty.write_bytes(b"")
    assert main(["info", "--db", str(empty)]) == 2
    assert "No library at" in capsys.readouterr().err
    assert empty.read_bytes() == b""


def test_an_empty_db_option_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PARALLAX_DB", str(tmp_path / "env.sqlite"))
    assert main(["--db", "", "info"]) == 2
    assert main(["info", "--db", "  "]) == 2
    err = capsys.readouterr().err
    assert err.count("--db is empty") == 2
    assert list(tmp_path.iterdir()) == []


def test_write_commands_still_create_a_new_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("A short note about the weather on 3 May 2024.\n", encoding="utf-8")
    lib = tmp_path / "new" / "lib.sqlite"
    assert main(["import", str(doc), "--db", str(lib)]) == 0
    assert lib.is_file()
    capsys.readouterr()
    assert main(["info", "--db", str(lib)]) == 0
    assert "sources:   1" in capsys.readouterr().out
