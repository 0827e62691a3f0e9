"""Dropping files on the window: which drops to accept and the paths they carry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

from desktop.io.documents import documents_in


def paths_from_drop(mime: QMimeData) -> list[Path]:
    """The local files of a drop whose extension we read, in the order dropped; a dropped
    folder gives its documents and those of its subfolders, in name order."""
    if not mime.hasUrls():
        return []
    dropped = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return documents_in(dropped, recursive=True)


def accepts_drop(mime: QMimeData) -> bool:
    """True when the drop holds at least one document we can import."""
    return bool(paths_from_drop(mime))
