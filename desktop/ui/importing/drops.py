"""Dropping files on the window: which drops to accept and the paths they carry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

from desktop.io.documents import SUPPORTED_EXTENSIONS


def paths_from_drop(mime: QMimeData) -> list[Path]:
    """The local files of a drop whose extension we read, in the order dropped (no folders)."""
    if not mime.hasUrls():
        return []
    paths = []
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.suffix.lower() in SUPPORTED_EXTENSIONS and path.is_file():
            paths.append(path)
    return paths


def accepts_drop(mime: QMimeData) -> bool:
    """True when the drop holds at least one document we can import."""
    return bool(paths_from_drop(mime))
