"""db, desktop.model, desktop.core and desktop.io import without Qt (STYLE.md: layers)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def qt_free_modules() -> list[str]:
    names = []
    for package in ("db", "desktop.model", "desktop.core", "desktop.io"):
        folder = REPO.joinpath(*package.split("."))
        names.append(package)
        for info in pkgutil.walk_packages([str(folder)], prefix=package + "."):
            if ".migrations" not in info.name:
                names.append(info.name)
    return names


def test_core_io_and_db_import_without_pyside() -> None:
    modules = qt_free_modules()
    assert len(modules) > 10
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_ui_never_opens_a_unit_of_work() -> None:
    """Views read through ``desktop.core.reads`` and write through commands: every query lives in
    a ``db`` repository (the import contract keeps ``db.uow`` and SQLAlchemy out of ``ui``)."""
    import ast

    opened = []
    for path in sorted((REPO / "desktop" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("unit_of_work", "session_factory"):
                opened.append(f"{path.relative_to(REPO)}:{node.lineno} .{node.attr}")
    assert opened == []


def test_rendering_draws_without_widgets() -> None:
    """The paint routine and the figure/report writers use QtGui, never widgets, so the
    command line renders files with no window; only ``headless`` makes the application."""
    import ast

    used = []
    for path in sorted((REPO / "desktop" / "rendering").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "PySide6.QtWidgets":
                used.append(path.stem)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop.ui"):
                used.append(f"{path.stem} -> {node.module}")
    assert used == ["headless"]
