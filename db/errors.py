"""Errors the data layer raises, each with a message a user can read."""


class LibraryError(Exception):
    """The library cannot be opened or used (foreign file, broken database, server down)."""


class NotFoundError(LibraryError):
    """A record named by key does not exist (any more)."""


class ConflictError(LibraryError):
    """Someone else changed or deleted the record since it was loaded."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"The {kind} '{key}' was changed by someone else since you loaded it.")
        self.kind = kind
        self.key = key


class IntegrityViolationError(LibraryError):
    """A write would break the library's rules (duplicate key, dangling reference)."""


class LibraryUnavailableError(LibraryError):
    """The database could not be reached or dropped the connection; nothing was committed
    unless the connection dropped during the commit itself (then the change may be there)."""


_FAULTS = (
    (
        ("malformed", "not a database", "corrupt"),
        "The library file is damaged ({detail}); restore it from a backup.",
    ),
    (
        ("readonly", "read-only", "read only"),
        "The library is read-only ({detail}); nothing was changed.",
    ),
    (
        ("disk is full", "no space", "disk full"),
        "The disk is full ({detail}); nothing was changed.",
    ),
    (
        ("(0x00)", "nul character"),
        "Text with a NUL character (\\x00) cannot be stored ({detail}); nothing was changed.",
    ),
)


def fault_error(detail: str) -> LibraryError | None:
    """The readable error for a database's own message of a known fault (a damaged file, a
    read-only library, a full disk, a NUL in text), or None for any other message."""
    lowered = detail.lower()
    for words, message in _FAULTS:
        if any(word in lowered for word in words):
            return LibraryError(message.format(detail=detail))
    return None
