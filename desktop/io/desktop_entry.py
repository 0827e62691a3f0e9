"""The Linux launcher: a freedesktop desktop entry, the icon and AppStream metainfo, per user.

``install_desktop_entry`` copies the bundled files (``resources/linux``, ``resources/icons``)
into the user's data folder (``$XDG_DATA_HOME``, else ``~/.local/share``), with the desktop
entry's ``Exec`` and ``TryExec`` pointing at the command that started this Parallax, so the
menu entry starts the same installation (a pipx venv, a wheel's venv or the bundle). Each file
is written to a temporary name, replaced in one step and read back.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.io.resources import resource

APP_ID = "io.github.parallax_workbench.Parallax"
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class LauncherFiles:
    """Where the three launcher files go (or are) under one data folder."""

    desktop_entry: Path
    icon: Path
    metainfo: Path

    def all(self) -> tuple[Path, Path, Path]:
        return (self.desktop_entry, self.icon, self.metainfo)


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` when it is an absolute path (the spec ignores others), else
    ``~/.local/share``."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    home = env.get("HOME") or str(Path.home())
    return Path(home) / ".local" / "share"


def launcher_files(home: Path) -> LauncherFiles:
    return LauncherFiles(
        desktop_entry=home / "applications" / f"{APP_ID}.desktop",
        icon=home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        metainfo=home / "metainfo" / f"{APP_ID}.metainfo.xml",
    )


def launch_command() -> list[str]:
    """The command that starts this installation of Parallax.

    The bundle's own executable; else the ``parallax`` script beside this interpreter (pip,
    pipx and virtual environments put it there); else ``python -m desktop``.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).parent / "parallax"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "desktop"]


def quote_exec_argument(argument: str) -> str:
    """One argument of a desktop entry's ``Exec`` key, quoted and escaped as the spec asks."""
    text = argument.replace("%", "%%")
    if not _RESERVED.intersection(text):
        return text
    for char in ("\\", '"', "`", "$"):
        text = text.replace(char, "\\" + char)
    # The value is also a desktop-entry string, whose own escape doubles each backslash.
    return '"' + text.replace("\\", "\\\\") + '"'


def desktop_entry_text(template: str, command: Sequence[str]) -> str:
    """The bundled desktop entry with ``Exec`` running ``command gui`` and ``TryExec`` its
    program."""
    exec_line = " ".join(quote_exec_argument(part) for part in [*command, "gui"])
    text = re.sub(r"(?m)^Exec=.*$", lambda _: f"Exec={exec_line}", template)
    return re.sub(r"(?m)^TryExec=.*$", lambda _: f"TryExec={command[0]}", text)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    if path.read_bytes() != data:
        raise OSError(f"{path} does not hold what was written")


def install_desktop_entry(home: Path, command: Sequence[str]) -> LauncherFiles:
    """Write the desktop entry, icon and metainfo under ``home``; returns where they are.

    Raises OSError (naming the file) when a bundled file cannot be read or a target written.
    """
    files = launcher_files(home)
    template = resource("linux", f"{APP_ID}.desktop", must_exist=True).read_text("utf-8")
    entry = desktop_entry_text(template, command).encode("utf-8")
    icon = resource("icons", "parallax.svg", must_exist=True).read_bytes()
    metainfo = resource("linux", f"{APP_ID}.metainfo.xml", must_exist=True).read_bytes()
    for path, data in zip(files.all(), (entry, icon, metainfo), strict=True):
        _write(path, data)
    return files


def remove_desktop_entry(home: Path) -> list[Path]:
    """Delete the launcher files under ``home``; returns those that were there."""
    removed = []
    for path in launcher_files(home).all():
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
