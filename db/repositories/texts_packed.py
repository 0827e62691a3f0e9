"""Every event's key, title, start and end from SQLite as four joined strings, not a row each.

Fetching a million rows of four texts costs the driver a tuple and four objects per event,
with the interpreter held throughout (0.9 s of CPU at 1M, on the worker that reads the texts
after the first frame); SQLite joins each column in one pass with the interpreter let go, and
``utf8_parts`` decodes and cuts it up in steps (0.3 s; in one call, each held the window's
thread for up to 120 ms). Exact, or not used: an end that is NULL is joined as
``ABSENT``, and a count of the ends that are not tells it from an end that is ``ABSENT``; any
surprise (a text holding the separator, a NULL where none may be) returns None, and the caller
reads rows.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.repositories.joined_parts import utf8_parts
from db.repositories.plain_rows import plain_rows
from db.repositories.timeline_packed import SEPARATOR

ABSENT = "\x1e"  # in place of an end that is NULL: the ASCII record separator
_TEXTS = f"""
SELECT count(*), count("end"), CAST(group_concat(key, '{SEPARATOR}') AS BLOB),
    CAST(group_concat(title, '{SEPARATOR}') AS BLOB),
    CAST(group_concat(start, '{SEPARATOR}') AS BLOB),
    CAST(group_concat(coalesce("end", '{ABSENT}'), '{SEPARATOR}') AS BLOB)
FROM events
"""

type Texts = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str | None, ...]]


def packed_texts(session: Session) -> Texts | None:
    """(keys, titles, starts, ends) of every event in id order from one statement; None when
    the library is not SQLite or the joined strings do not add up."""
    if session.connection().dialect.name != "sqlite":
        return None
    head = plain_rows(session, text(_TEXTS))[0]
    count, ended = int(head[0]), int(head[1])
    if count == 0:
        return (), (), (), ()
    try:  # fetched as bytes and cut in steps: the window's thread takes turns between them
        keys, titles, starts, ends = (utf8_parts(joined, SEPARATOR) for joined in head[2:])
    except UnicodeDecodeError:  # not UTF-8: the row read says why
        return None
    if any(len(column) != count for column in (keys, titles, starts, ends)):
        return None
    if ends.count(ABSENT) != count - ended:  # an end that is ABSENT itself: read rows
        return None
    return tuple(keys), tuple(titles), tuple(starts), _ends(ends, ended < count)


def _ends(ends: list[str], some_absent: bool) -> tuple[str | None, ...]:
    if not some_absent:
        return tuple(ends)
    return tuple([None if end == ABSENT else end for end in ends])
