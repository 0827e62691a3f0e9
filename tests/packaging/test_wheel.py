"""The wheel carries what an installed Parallax reads: dataset, schema, icons, migrations."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop import __version__

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("desktop", "db", "resources", "pyproject.toml", "README.md")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """Build the wheel from a copy of the sources, so the checkout gains no build/ folder."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, symlinks=True, ignore=ignore)
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(origin, source / name)
    command = [sys.executable, "-m", "build", "--wheel", "--no-isolation"]
    result = subprocess.run(
        [*command, "--outdir", str(work / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (built,) = (work / "dist").glob("parallax-*.whl")
    return zipfile.ZipFile(built)


@pytest.mark.slow
def test_the_wheel_is_named_after_the_version(wheel: zipfile.ZipFile) -> None:
    assert Path(str(wheel.filename)).name == f"parallax-{__version__}-py3-none-any.whl"


@pytest.mark.slow
def test_the_wheel_holds_every_bundled_file_of_the_checkout(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    bundled = [
        "desktop/" + path.relative_to(REPO).as_posix()
        for path in (REPO / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    migrations = [
        path.relative_to(REPO).as_posix() for path in (REPO / "db/migrations").rglob("*.py")
    ]
    assert bundled and migrations
    assert [name for name in bundled + migrations if name not in names] == []
    for needed in (
        "desktop/resources/dataset/russia-neighbourhood.parallax.json",
        "desktop/resources/schema/parallax-library.schema.json",
        "desktop/resources/icons/zoom-in.svg",
        "desktop/io/resources.py",
        "desktop/core/importing/__init__.pyi",
        "db/migrations/env.py",
    ):
        assert needed in names


@pytest.mark.slow
def test_the_wheel_installs_the_parallax_command(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode("utf-8")
    assert "parallax = desktop.cli:main" in text


@pytest.mark.slow
def test_the_bundled_dataset_in_the_wheel_is_the_checkout_s(wheel: zipfile.ZipFile) -> None:
    name = "desktop/resources/dataset/russia-neighbourhood.parallax.json"
    dataset = REPO / "resources" / "dataset" / "russia-neighbourhood.parallax.json"
    assert wheel.read(name) == dataset.read_bytes()
