"""The parallax command: help, info, the GUI's message when there is no display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.library import open_library

REPO = Path(__file__).resolve().parents[1]


def parallax(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


def test_help_lists_the_subcommands() -> None:
    result = parallax("--help")
    assert result.returncode == 0
    for command in ("gui", "info", "sample"):
        assert command in result.stdout


def test_info_reports_location_revision_and_counts(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    open_library(str(db)).dispose()
    result = parallax("--db", str(db), "info")
    assert result.returncode == 0, result.stderr
    assert str(db) in result.stdout
    assert "schema:" in result.stdout and "(newest)" in result.stdout
    assert "events:    0" in result.stdout


def test_info_on_a_foreign_file_is_one_readable_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database " * 10)
    result = parallax("--db", str(bad), "info")
    assert result.returncode == 2
    assert "not a Parallax library" in result.stderr
    assert "Traceback" not in result.stderr


def test_gui_without_display_explains_instead_of_crashing(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    result = parallax("--db", str(tmp_path / "lib.sqlite"), env=env)
    assert result.returncode == 2
    assert "No display" in result.stderr and "parallax info" in result.stderr
    assert "Traceback" not in result.stderr


def test_env_var_picks_the_library(tmp_path: Path) -> None:
    db = tmp_path / "from-env.sqlite"
    open_library(str(db)).dispose()
    result = parallax("info", env={**os.environ, "PARALLAX_DB": str(db)})
    assert result.returncode == 0 and str(db) in result.stdout


def test_gui_names_the_missing_x11_library_instead_of_a_qt_abort(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.cli import main
    from desktop.cli_commands import gui

    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(gui, "find_library", lambda name: None if "xcb-icccm" in name else name)
    assert main(["--db", str(tmp_path / "lib.sqlite")]) == 2
    said = capsys.readouterr().err
    assert "apt install libxcb-icccm4'" in said and "Traceback" not in said
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert gui.missing_x11_packages() == []  # another platform needs no X11 library


def test_version_names_the_package_version() -> None:
    from desktop import __version__

    result = parallax("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"parallax {__version__}"


def test_gui_screenshot_saves_the_painted_window_and_quits(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    db, picture = tmp_path / "lib.sqlite", tmp_path / "window.png"
    assert parallax("--db", str(db), "sample", "--yes").returncode == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = parallax("--db", str(db), "gui", "--screenshot", str(picture), env=env)
    assert result.returncode == 0, result.stderr
    assert "Saved the window" in result.stdout
    image = QImage(str(picture))
    assert image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in (60, 250, 400)}
    assert len(colours) > 5, "the window picture is blank"


def test_gui_event_on_first_start_names_an_event_of_the_bundled_dataset(tmp_path: Path) -> None:
    import argparse

    from desktop.cli_commands.gui import event_key
    from desktop.errors import UserError

    db = tmp_path / "first-start.sqlite"  # no library yet: the window would fill one
    args = argparse.Namespace(db=str(db), event="Second Karabakh War", first=False)
    key = event_key(args)
    assert key is not None and "karabakh" in key
    library = open_library(str(db), create=False)
    try:
        assert library.counts().events > 100  # filled from the bundled dataset, once
    finally:
        library.dispose()
    args.event = "no such event anywhere"
    with pytest.raises(UserError):
        event_key(args)


def test_gui_range_needs_both_ends_and_readable_dates() -> None:
    import argparse

    from desktop.cli_commands.gui import time_range
    from desktop.errors import UserError
    from desktop.model.dates import DateSpan

    def args(date_from: str | None, date_to: str | None) -> argparse.Namespace:
        return argparse.Namespace(date_from=date_from, date_to=date_to)

    assert time_range(args(None, None)) is None
    september = time_range(args("Sep 2022", "2022-09-30"))
    assert september == (DateSpan.parse("2022-09-01").t_lo, DateSpan.parse("2022-09-30").t_hi)
    for wrong in (("Sep 2022", None), ("2023", "2022"), ("someday", "2022")):
        with pytest.raises(UserError):
            time_range(args(*wrong))


def test_info_as_json_gives_the_same_facts_to_scripts(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    open_library(str(db)).dispose()
    result = parallax("--db", str(db), "info", "--format", "json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert str(db) in facts["library"] and facts["engine"] == "sqlite"
    assert facts["schema"]["is_newest"] and facts["schema"]["revision"] == facts["schema"]["newest"]
    assert facts["counts"] == dict.fromkeys(
        ("sources", "events", "passages", "codes", "notes", "claims", "codings"), 0
    )
    assert facts["backup"] is None
