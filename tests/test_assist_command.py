"""Assisted reading end to end, through the CLI as a user runs it (in process, to keep it quick).

Two short articles written for this test (English and Russian) about the AZAL crash with
different death tolls are imported into the bundled dataset's library, their suggestions are
accepted above a threshold, and the comparison shows both as coded panes and the toll
disagreement in its facts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.library import open_library
from desktop.cli import main
from desktop.core.sample import load_sample
from tests.support import REPO

ARTICLES = REPO / "tests" / "fixtures" / "assist"
EVENT = "2024-azal-8243-crash"


def _cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    capsys.readouterr()
    status = main(["--db", str(db), *args])
    out = capsys.readouterr()
    assert status == 0, out.err
    return out.out


def _source_key(db: Path, outlet: str) -> str:
    library = open_library(str(db))
    try:
        with library.unit_of_work() as uow:
            return next(s.key for s in uow.sources.list() if s.outlet == outlet)
    finally:
        library.dispose()


@pytest.mark.slow
def test_import_review_compare_shows_both_panes_coded_and_the_toll_disagreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "library.sqlite"
    library = open_library(str(db))
    try:
        load_sample(library)
    finally:
        library.dispose()
    keys = []
    for name, outlet in (("azal_en.txt", "Caspian Wire"), ("azal_ru.txt", "Вести Каспия")):
        _cli(capsys, db, "import", str(ARTICLES / name), "--outlet", outlet,
             "--published", "2024-12-26", "--format", "json")  # fmt: skip
        keys.append(_source_key(db, outlet))

    listed = json.loads(_cli(capsys, db, "suggestions", keys[1], "--kind", "claim",
                             "--format", "json"))  # fmt: skip
    claims = {row["details"]["claim"]["subject"]: row["details"]["claim"] for row in
              listed["suggestions"]}  # fmt: skip
    assert claims["azal-8243.deaths"]["low"] == 30  # "тридцать" read as a number
    assert claims["azal-8243.deaths"]["stated"].startswith("погибли тридцать")
    kinds = json.loads(_cli(capsys, db, "suggestions", keys[0], "--format", "json"))
    assert {"passage", "claim", "code"} <= {row["kind"] for row in kinds["suggestions"]}

    for key in keys:
        line = _cli(capsys, db, "review", key, "--accept-above", "0.6")
        assert "accepted" in line and "passages made" in line, line

    comparison = json.loads(_cli(capsys, db, "compare", EVENT, "--format", "json"))
    panes = {pane["header"]["source_key"]: pane for pane in comparison["panes"]}
    for key in keys:
        assert any(passage["codes"] for passage in panes[key]["passages"]), key
    deaths = next(f for f in comparison["facts"] if f["subject"] == "azal-8243.deaths")
    assert deaths["verdict"] == "disagree"
    stated = {s["source_key"]: s["value"] for s in deaths["statements"]}
    assert stated[keys[0]] == "38 people"
    assert stated[keys[1]] == "30 people"
    assert stated["kuzio-eureporter-2025"] == "28 people"
    source_of = {s["claim_key"]: s["source_key"] for s in deaths["statements"]}
    pairs = [{source_of[a], source_of[b]} for a, b in deaths["conflicts"]]
    assert {keys[0], "kuzio-eureporter-2025"} in pairs  # 38 against EU Reporter's 28
    assert {keys[0], keys[1]} in pairs
