"""``parallax import`` → ``suggestions`` → ``review`` → ``compare``, run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from db.library import open_library
from desktop.core.sample import load_sample
from tests.support import REPO

ARTICLE = """\
Plane from Baku came down near Aktau

Azerbaijan Airlines flight 8243 from Baku to Grozny crashed near Aktau in Kazakhstan on \
25 December 2024, and investigators in Baku said the aircraft had been hit by fire from the \
ground over Grozny.
"""


def _parallax(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PARALLAX_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=180,
    )


def test_import_list_accept_and_the_source_becomes_a_pane(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    library = open_library(str(db))
    try:
        load_sample(library)
    finally:
        library.dispose()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "azal.txt").write_text(ARTICLE, encoding="utf-8")
    imported = _parallax(db, "import", str(folder), "--format", "json", "--no-assist")
    assert imported.returncode == 0, imported.stderr
    (row,) = json.loads(imported.stdout)
    assert row["status"] == "imported" and row["suggestions"].get("link", 0) >= 1
    key = row["source_key"]
    before = json.loads(_parallax(db, "compare", "2024-azal-8243-crash", "--format", "json").stdout)
    awaiting = [ref["key"] for ref in before["blind_spots"]["awaiting"]]
    assert key in awaiting
    listed = _parallax(db, "suggestions", key, "--kind", "link", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    items = json.loads(listed.stdout)["suggestions"]
    azal = next(i for i in items if i["event_key"] == "2024-azal-8243-crash")
    assert azal["reasons"] and 0 < azal["confidence"] <= 1
    assert "Aktau" in azal["passage"]["text"]
    reviewed = _parallax(db, "review", key, "--accept", str(azal["id"]))
    assert reviewed.returncode == 0, reviewed.stderr
    after = json.loads(_parallax(db, "compare", "2024-azal-8243-crash", "--format", "json").stdout)
    assert key in [pane["header"]["source_key"] for pane in after["panes"]]
    again = _parallax(db, "review", key, "--accept", str(azal["id"]))
    assert again.returncode != 0 and "already accepted" in again.stderr


def test_review_refuses_an_unknown_id_and_a_missing_source(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    doc = tmp_path / "azal.txt"
    doc.write_text(ARTICLE, encoding="utf-8")
    (row,) = json.loads(_parallax(db, "import", str(doc), "--format", "json", "--no-assist").stdout)
    unknown = _parallax(db, "review", row["source_key"], "--reject", "99999")
    assert unknown.returncode != 0 and "Nothing was changed" in unknown.stderr
    missing = _parallax(db, "suggestions", "no-such-source")
    assert missing.returncode != 0 and "no-such-source" in missing.stderr
