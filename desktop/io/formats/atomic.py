"""Write files atomically: a temporary file in the target folder, then ``os.replace``.

Either the complete new file is at ``path`` afterwards or the old one (or none) is: a failure
while writing removes the temporary file and re-raises. The temporary file is flushed to disk
(``fsync``) before it replaces ``path``, so a full disk is an ``OSError`` (naming ``path``, not
the hidden temporary file), never a truncated file reported as written.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_path", "check_folder", "write_bytes_atomic", "write_text_atomic"]


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on normal exit it replaces ``path``.

    The caller writes the temporary file completely inside the ``with`` block. On an exception
    the temporary file is deleted and ``path`` is untouched. A missing folder is refused (no
    export creates folders), and an ``OSError`` names ``path``, never the hidden temporary file.
    """
    target = Path(path)
    check_folder(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        error.filename = str(target)
        raise
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o644)  # mkstemp makes 0600; a written document should be readable like others
    try:
        yield tmp
        _sync(tmp)
        os.replace(tmp, target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        if error.filename in (None, str(tmp), tmp):
            raise OSError(error.errno, error.strerror, str(target)) from error
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _sync(path: Path) -> None:
    """Make sure the file's data reached the disk (a full disk may only show up here)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_folder(target: Path) -> None:
    """Refuse a target whose folder does not exist, as ``FileNotFoundError`` naming it."""
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(target))


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8 (newlines as given) to ``path`` atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_path(path) as tmp, open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
