"""Turn the expected failures of an export or import into one sentence for the user."""

from __future__ import annotations

import errno

from db.errors import LibraryError
from desktop.core.exchange.merging import ImportConflictError
from desktop.io.formats.errors import FormatError

__all__ = ["EXPECTED_FAILURES", "failure_message"]

EXPECTED_FAILURES: tuple[type[Exception], ...] = (
    FormatError,
    ImportConflictError,
    LibraryError,
    OSError,
)
_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the disk is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.EISDIR: "it is a folder",
}


def failure_message(error: Exception, action: str = "write") -> str:
    """A readable sentence: the file and the reason for an ``OSError``, else the error's text."""
    if isinstance(error, OSError):
        where = error.filename or "the file"
        reason = _REASONS.get(error.errno or 0, error.strerror or str(error))
        return f"Cannot {action} {where}: {reason}. Nothing was written."
    return str(error)
