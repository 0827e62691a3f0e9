"""Texts SQLite joined into one UTF-8 string, cut apart in steps.

A million events' texts joined by SQLite are tens of megabytes. Fetched as a string, the
driver decodes all of it in one C call, and ``str.split`` cuts it in another: each holds the
interpreter's lock from start to end (15-120 ms at 1M events), and a window whose thread waits
for the lock meanwhile is frozen as long. Fetched as bytes (``CAST(... AS BLOB)``), they are
decoded and split here a piece at a time: each step holds the lock for a millisecond or two,
and another thread takes it between two steps. The result is that of the single calls.
"""

from __future__ import annotations

from collections.abc import Callable

STEP_BYTES = 1 << 18  # bytes per step (a step of short keys makes ~30k strings: ~5 ms)


def utf8_parts(
    joined: bytes, separator: str, each: Callable[[str], str] | None = None
) -> list[str]:
    """``joined.decode("utf-8").split(separator)``, with ``each`` applied to the text of every
    step before it is split (a mapping made letter by letter, such as ``str.casefold``, gives
    the same as on the whole text). ``separator`` must be one ASCII character: its byte is
    never part of another letter, so the pieces are cut where it is. Raises
    ``UnicodeDecodeError`` as the decode does."""
    code = separator.encode("ascii")
    if len(code) != 1:
        raise ValueError(f"not one ASCII character: {separator!r}")
    view = memoryview(joined)
    found: list[str] = []
    start, size = 0, len(joined)
    while True:
        end = joined.find(code, start + STEP_BYTES) if start + STEP_BYTES < size else -1
        piece = str(view[start : size if end < 0 else end], "utf-8")
        found.extend((piece if each is None else each(piece)).split(separator))
        if end < 0:
            return found
        start = end + 1
