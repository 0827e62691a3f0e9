"""Readers and writers of data formats: the Parallax library JSON, CSV tables, TimelineJS and
REFI-QDA (.qdpx). Pure Python, no Qt, no database; every reader returns complete, checked
records or raises ``FormatError``.
"""

from desktop.io.formats.errors import FormatError

__all__ = ["FormatError"]
