"""``parallax agreement`` and ``parallax copy`` SQLite -> PostgreSQL -> SQLite with the dataset."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from db.library import Library, open_library
from desktop.cli import main
from desktop.core.editing import ApplyCode, perform
from desktop.core.exchange.library_export import bundle_from_library
from desktop.core.sample import load_sample


def two_coders(path: Path) -> str:
    library = open_library(str(path))
    load_sample(library)
    with library.unit_of_work() as uow:
        coded = [p for p in uow.passages.list() if p.codings][:5]
    for p in coded[:3]:
        perform(ApplyCode(p.key, p.codings[0].code_key, author="bob"), library)
    library.dispose()
    return coded[0].source_key


def test_agreement_command_prints_figures_and_writes_csv(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.sqlite"
    source = two_coders(db)
    out = tmp_path / "dis.csv"
    status = main(
        [
            "--db",
            str(db),
            "agreement",
            "--coders",
            "parallax-team,bob",
            "--sources",
            source,
            "--csv",
            str(out),
        ]
    )
    printed = capsys.readouterr().out
    assert status == 0
    assert "Agreement of parallax-team, bob" in printed and "all codes" in printed
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0][-2:] == ["parallax-team", "bob"] and len(rows) > 1
    assert {row[0] for row in rows[1:]} == {source}


def test_agreement_command_refuses_one_coder(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.sqlite"
    two_coders(db)
    assert main(["--db", str(db), "agreement", "--coders", "bob"]) == 2
    assert "two different coders" in capsys.readouterr().err


def snapshot(library: Library) -> object:
    with library.unit_of_work() as uow:
        return bundle_from_library(uow)


@pytest.mark.postgres
def test_copy_sqlite_to_postgres_and_back_keeps_the_dataset(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first, last = tmp_path / "first.sqlite", tmp_path / "last.sqlite"
    library = open_library(str(first))
    load_sample(library)
    original = snapshot(library)
    counts = library.counts()
    library.dispose()
    assert main(["copy", "--from", str(first), "--to", pg_url]) == 0
    assert main(["copy", "--from", pg_url, "--to", str(last)]) == 0
    assert "Copied 5 sources, 105 events, 176 passages" in capsys.readouterr().out
    for url in (pg_url, str(last)):
        copied = open_library(url)
        try:
            assert copied.counts() == counts
            assert snapshot(copied) == original
        finally:
            copied.dispose()
