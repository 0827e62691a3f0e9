"""``parallax compare``: the comparison of one event, headless, as JSON, Markdown or HTML."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.library import open_library
from desktop.cli import main
from tests.ui.compare.library_kit import AKTAU, INJECTION, WAR, fill_library

REPO = Path(__file__).resolve().parents[1]
DATASET = REPO / "resources" / "dataset" / "russia-neighbourhood.parallax.json"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "library.sqlite"
    library = open_library(str(path))
    try:
        fill_library(library)
    finally:
        library.dispose()
    return str(path)


def test_json_has_panes_frames_facts_blind_spots_and_words(db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", db, "compare", "Azerbaijan Airlines", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["event"]["key"] == AKTAU.key
    assert [p["header"]["outlet"] for p in data["panes"]] == ["EU Reporter", "DW"]
    assert data["panes"][1]["passages"][0]["codes"][0]["key"] == "issue.humanitarian"
    assert data["discrepancies"] == ["azal-8243.deaths"]
    values = [s["value"] for s in data["facts"][0]["statements"]]
    assert values == ["28 people", "at least 38 people"]
    assert data["frames"]["sources"] == ["eur-2025", "dw-2025"]
    assert {w["source_key"] for w in data["words"]} == {"eur-2025", "dw-2025"}


def test_markdown_by_default_and_sources_filter(db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", db, "compare", WAR.key, "--sources", "wire-2008,dw-2025"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Russo-Georgian war")
    assert "### Wire" in out and "### DW" in out and "Analysis Quarterly:" not in out


def test_html_escapes_source_text(db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", db, "compare", "Russo-Georgian", "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert "<script>alert(1)</script>" not in out and "<img src=http" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert INJECTION not in out


def test_no_match_is_a_user_error_listing_close_titles(db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", db, "compare", "Azerbaijan Railways strike"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("parallax: No event matches")
    assert AKTAU.title in err


def test_unknown_source_is_a_user_error(db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", db, "compare", WAR.key, "--sources", "nope"]) == 2
    assert "Unknown source key(s): nope" in capsys.readouterr().err


def _bundled_db(tmp_path: Path) -> str:
    if not DATASET.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"bundled dataset missing: {DATASET}")
        pytest.skip(f"bundled dataset not built yet: {DATASET}")
    from desktop.core.sample import load_sample

    path = tmp_path / "sample.sqlite"
    library = open_library(str(path))
    try:
        load_sample(library, DATASET)
    finally:
        library.dispose()
    return str(path)


def _run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", db, "compare", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_bundled_dataset_azal_8243_death_toll(tmp_path: Path) -> None:
    done = _run(_bundled_db(tmp_path), "Azerbaijan Airlines", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    deaths = [f for f in data["facts"] if f["verdict"] == "disagree" and "death" in f["subject"]]
    assert deaths, data["discrepancies"]
    values = " / ".join(s["value"] for s in deaths[0]["statements"])
    assert "38" in values and "28" in values


def test_bundled_dataset_2008_war_has_three_panes(tmp_path: Path) -> None:
    done = _run(_bundled_db(tmp_path), "Russo-Georgian war", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["event"]["when"].endswith("2008") or "2008" in data["event"]["when"]
    assert len(data["panes"]) >= 3


def test_ambiguous_query_lists_matches_and_first_takes_the_best(tmp_path: Path) -> None:
    db = _bundled_db(tmp_path)
    asked = _run(db, "Karabakh", "--format", "json")
    assert asked.returncode == 2 and asked.stdout == ""
    assert "Second Karabakh War" in asked.stderr and "--first" in asked.stderr
    taken = _run(db, "Karabakh", "--first", "--format", "json")
    assert taken.returncode == 0, taken.stderr
    assert json.loads(taken.stdout)["event"]["key"] == "2020-second-karabakh-war"
