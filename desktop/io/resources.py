"""Where Parallax finds its bundled data files (dataset, schemas, icons, launcher files).

The files live in the repository's top-level ``resources/`` folder. ``desktop/resources`` is a
symbolic link to it, so the folder is package data of ``desktop``: a wheel, an editable install,
a source checkout and the PyInstaller bundle all hold it at ``desktop/resources``, and
``importlib.resources`` finds it in each. ``resource`` is the one function that locates a
bundled file; nothing is read at import time.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["MissingResourceError", "resource"]

PACKAGE = "desktop"
FOLDER = "resources"


class MissingResourceError(FileNotFoundError):
    """A bundled file is absent: the installation is incomplete."""


def resource(*parts: str, must_exist: bool = False) -> Path:
    """Path of ``resources/<parts...>`` inside the installed ``desktop`` package.

    Parallax is always installed as plain files (pip, pipx, a wheel, the bundle), so the result
    is a real path that can be opened or handed to Qt. With ``must_exist`` a missing file raises
    MissingResourceError naming it; otherwise callers get OSError when they open it.
    """
    root = files(PACKAGE)
    if not isinstance(root, Path):
        raise MissingResourceError(f"Parallax's package {PACKAGE!r} is not a folder: {root}")
    path = root.joinpath(FOLDER, *parts)
    if must_exist and not path.exists():
        raise MissingResourceError(
            f"Parallax's bundled file {'/'.join(parts)} is missing from this installation "
            f"({path}); reinstall Parallax."
        )
    return path
