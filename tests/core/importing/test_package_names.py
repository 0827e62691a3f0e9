"""The names of desktop.core.importing are listed once (its stub) and loaded on first use."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import desktop.core.importing as importing

REPO = Path(__file__).resolve().parents[3]


def test_every_listed_name_is_the_object_of_its_module() -> None:
    stub = Path(importing.__file__).with_suffix(".pyi").read_text(encoding="utf-8")
    listed = [line.split() for line in stub.splitlines() if line.startswith("from .")]
    names = [words[-1] for words in listed]
    assert sorted(names) == importing.__all__ == sorted(dir(importing))
    assert len(names) == len(set(names)) > 30
    for words in listed:
        home = importlib.import_module(f"desktop.core.importing{words[1]}")
        assert getattr(importing, words[-1]) is getattr(home, words[-1])


def test_a_worker_importing_prepare_loads_neither_the_database_nor_the_review() -> None:
    code = (
        "import sys, desktop.core.importing.prepare; "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'desktop.core.importing.review') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=REPO,
    )
    assert result.stdout.strip() == "[]"
