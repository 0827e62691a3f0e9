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
