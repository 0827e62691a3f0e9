"""The CLI and the Import review panel give the same suggestions for a source: the same ids, in
the same order, with the same confidence (one core, ``review_suggestions``, behind both)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from db.library import open_library
from desktop.core.sample import load_sample
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.importing import ReviewPanel
from tests.test_review_command import ARTICLE, _parallax

RUSSIAN = """\
Самолёт из Баку упал под Актау

25 декабря 2024 года самолёт «Азербайджанских авиалиний», летевший рейсом 8243 из Баку в \
Грозный, разбился под Актау; в Баку заявили, что над Грозным по нему стреляли с земли.
"""


def test_the_panel_lists_what_the_cli_lists(qtbot: Any, tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    library = open_library(str(db))
    try:
        load_sample(library)
    finally:
        library.dispose()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    imported = _parallax(db, "import", str(folder), "--format", "json", "--no-assist")
    assert imported.returncode == 0, imported.stderr
    keys = [row["source_key"] for row in json.loads(imported.stdout)]
    library = open_library(str(db))
    try:
        workbench = Workbench(library, author="tester")
        panel = ReviewPanel(workbench, WorkbenchSignals(workbench))
        qtbot.addWidget(panel)
        for key in keys:
            listed = _parallax(db, "suggestions", key, "--format", "json")
            assert listed.returncode == 0, listed.stderr
            cli = [(i["id"], i["confidence"]) for i in json.loads(listed.stdout)["suggestions"]]
            panel.show_source(key)
            shown = [(item.id, item.confidence) for item in panel.items]
            assert cli and shown == cli
            assert panel.table.topLevelItemCount() == len(cli)
    finally:
        library.dispose()
