"""The Linux launcher: where it goes, what its Exec line runs, and that install/remove do it."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.io.desktop_entry import (
    APP_ID,
    data_home,
    desktop_entry_text,
    install_desktop_entry,
    launcher_files,
    quote_exec_argument,
    remove_desktop_entry,
)
from desktop.io.resources import resource

REPO = Path(__file__).resolve().parents[2]


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_data_home_follows_xdg_data_home_when_absolute(tmp_path: Path) -> None:
    assert data_home({"XDG_DATA_HOME": str(tmp_path), "HOME": "/h"}) == tmp_path
    assert data_home({"XDG_DATA_HOME": "relative/dir", "HOME": "/h"}) == Path("/h/.local/share")
    assert data_home({"HOME": "/h"}) == Path("/h/.local/share")


def test_exec_arguments_are_quoted_as_the_spec_asks() -> None:
    assert quote_exec_argument("/usr/bin/parallax") == "/usr/bin/parallax"
    assert quote_exec_argument("/opt/my apps/parallax") == '"/opt/my apps/parallax"'
    assert quote_exec_argument("/opt/a$b c") == '"/opt/a\\\\$b c"'
    assert quote_exec_argument("/opt/100%") == "/opt/100%%"


def test_the_entry_runs_the_given_command_and_keeps_the_rest() -> None:
    template = resource("linux", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    text = desktop_entry_text(template, ["/opt/my apps/bin/python", "-m", "desktop"])
    assert 'Exec="/opt/my apps/bin/python" -m desktop gui' in text.splitlines()
    assert "TryExec=/opt/my apps/bin/python" in text.splitlines()
    assert text.count("Name=Parallax") == 1 and f"Icon={APP_ID}" in text


def test_install_writes_entry_icon_and_metainfo_that_agree(tmp_path: Path) -> None:
    files = install_desktop_entry(tmp_path, ["/venv/bin/parallax"])
    assert files == launcher_files(tmp_path)
    entry = read_entry(files.desktop_entry)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "/venv/bin/parallax gui"
    assert entry["Icon"] == files.icon.stem == APP_ID
    assert files.icon.read_bytes() == (REPO / "resources/icons/parallax.svg").read_bytes()
    component = ET.parse(files.metainfo).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == files.desktop_entry.name
    assert files.desktop_entry.parent == tmp_path / "applications"
    assert files.metainfo.parent == tmp_path / "metainfo"


def test_install_twice_replaces_and_remove_takes_everything_away(tmp_path: Path) -> None:
    install_desktop_entry(tmp_path, ["/old/parallax"])
    files = install_desktop_entry(tmp_path, ["/new/parallax"])
    assert read_entry(files.desktop_entry)["Exec"] == "/new/parallax gui"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(
        p.name for p in files.all()
    )
    assert remove_desktop_entry(tmp_path) == list(files.all())
    assert not any(p.exists() for p in files.all())
    assert remove_desktop_entry(tmp_path) == []


def test_a_target_that_cannot_be_written_raises_oserror(tmp_path: Path) -> None:
    (tmp_path / "applications").write_text("a file where the folder should be")
    with pytest.raises(OSError):
        install_desktop_entry(tmp_path, ["/venv/bin/parallax"])


def test_the_command_installs_into_xdg_data_home_and_says_so_in_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "desktop", "install-desktop-entry"]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1
    files = launcher_files(tmp_path)
    assert str(files.desktop_entry) in result.stdout
    program = read_entry(files.desktop_entry)["TryExec"]
    assert Path(program).parent == Path(sys.executable).parent
    removed = subprocess.run([*command, "--remove"], cwd=REPO, env=env, capture_output=True)
    assert removed.returncode == 0 and not files.desktop_entry.exists()
