"""Bounds on what an imported file may make us read, decompress or hold in memory.

Every importer reads its input through these helpers, so a hostile or broken file is refused
with one line instead of hanging (a FIFO, a device) or exhausting memory (a zip bomb, a flood of
blank CSV rows). Each helper raises the caller's own error type with a readable message.

Limits: a file as given at most ``MAX_FILE_BYTES``; everything a zip (.zip, .docx, .qdpx)
expands to at most ``MAX_EXPANDED_BYTES`` together, counted while decompressing, never trusted
from the zip's own size fields; a CSV at most ``MAX_CSV_ROWS`` rows, blank rows included.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "MAX_CSV_ROWS",
    "MAX_EXPANDED_BYTES",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "ZipBudget",
    "check_regular_file",
    "read_regular_file",
]

MAX_FILE_BYTES = 50 * 2**20
MAX_EXPANDED_BYTES = 100 * 2**20
MAX_CSV_ROWS = 200_000
MAX_TEXT_CHARS = 20_000_000
_CHUNK = 1 << 16

type ErrorFactory = Callable[[str], Exception]


def _megabytes(count: int) -> str:
    return f"{count / 2**20:.0f} MB"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_regular_file(path: str | os.PathLike[str], error: ErrorFactory) -> int:
    """The size of ``path``; ``error`` when it is a pipe, device, socket or folder.

    Such files are refused before they are opened: opening a FIFO blocks until a writer comes.
    ``OSError`` (missing file, no permission) propagates.
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise error(f"{Path(path).name} is {_kind(mode)}, not a file; nothing was read.")
    return os.stat(path).st_size


def read_regular_file(
    path: str | os.PathLike[str], error: ErrorFactory, limit: int = MAX_FILE_BYTES
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (else ``error``)."""
    name = Path(path).name
    if check_regular_file(path, error) > limit:
        raise error(f"{name} is larger than {_megabytes(limit)}, the import limit.")
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise error(f"{name} is larger than {_megabytes(limit)}, the import limit.")
    return data


class ZipBudget:
    """Reads members of one zip while counting every decompressed byte against one limit."""

    def __init__(
        self, archive: zipfile.ZipFile, error: ErrorFactory, limit: int = MAX_EXPANDED_BYTES
    ) -> None:
        self.archive = archive
        self.error = error
        self.limit = limit
        self.used = 0

    def read(self, name: str) -> bytes:
        """The decompressed bytes of member ``name`` (``KeyError`` if it is not there)."""
        parts: list[bytes] = []
        with self.archive.open(name) as member:
            while chunk := member.read(_CHUNK):
                self._spend(len(chunk), name)
                parts.append(chunk)
        return b"".join(parts)

    def check_all(self) -> None:
        """Decompress every member once, keeping nothing, to prove the whole fits the limit."""
        for info in self.archive.infolist():
            if info.is_dir():
                continue
            with self.archive.open(info) as member:
                while chunk := member.read(_CHUNK):
                    self._spend(len(chunk), info.filename)

    def _spend(self, count: int, name: str) -> None:
        self.used += count
        if self.used > self.limit:
            raise self.error(
                f"the archive expands to more than {_megabytes(self.limit)} "
                f"(at {name}); refused as too large or a zip bomb."
            )
