"""Errors whose message is meant for the user as it is."""

from db.errors import LibraryError


class UserError(Exception):
    """Something the user can fix: a wrong argument, a missing file, an unreadable library."""


__all__ = ["LibraryError", "UserError"]
