"""The one error every reader and writer in ``desktop.io.formats`` raises for bad input."""

from __future__ import annotations

__all__ = ["FormatError"]


class FormatError(ValueError):
    """A file or document cannot be read or written in the requested format.

    The message names where the problem is (record kind and key or index, row number, field) so
    that a user can find and fix it; it is meant to be shown as is.
    """
