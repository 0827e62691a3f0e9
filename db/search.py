"""Full-text search over events, sources, passages and notes.

The index (table ``search_index``) is created by Alembic revision 0002 and kept current by
database triggers, so every write through any repository is searchable at once; nothing here
writes to it. SQLite uses FTS5, PostgreSQL a ``tsvector`` column under a GIN index.

A user's query is always read as plain words: punctuation and search syntax (``"``, ``*``, ``-``,
``AND``, ``NEAR``...) are never interpreted, so no query raises. All words must occur; the last
one also matches as a prefix (search as you type).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from db import models

SEARCH_TABLE = "search_index"
KIND_ORDER = ("event", "source", "passage", "note")
MARK_OPEN = "\x02"
MARK_CLOSE = "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_TITLE_LENGTH = 80

_SQLITE_QUERY = text(
    "SELECT kind, key, snippet(search_index, -1, char(2), char(3), '…', 16) AS snippet, "
    "-bm25(search_index, 0.0, 0.0, 4.0, 1.0) AS rank "
    "FROM search_index WHERE search_index MATCH :query ORDER BY bm25(search_index, 0.0, 0.0, "
    "4.0, 1.0) LIMIT :limit"
)
_PG_QUERY = text(
    "SELECT kind, key, ts_headline('simple', "
    "CASE WHEN to_tsvector('simple', title) @@ q THEN title ELSE left(body, 400000) END, q, "
    "concat('StartSel=', chr(2), ', StopSel=', chr(3), "
    "', MaxFragments=1, MaxWords=24, MinWords=8, FragmentDelimiter=…')) AS snippet, "
    "ts_rank(document, q) AS rank "
    "FROM search_index, to_tsquery('simple', :query) AS q "
    "WHERE document @@ q ORDER BY rank DESC, id LIMIT :limit"
)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: what it is, its key, a title to list it by and where the words were found.

    ``snippet`` is plain text; ``marks`` are the (start, end) offsets of the matched words in it.
    ``rank`` is higher for better matches; compare ranks only within one search.
    """

    kind: str
    key: str
    title: str
    snippet: str
    rank: float
    marks: tuple[tuple[int, int], ...] = ()


def is_search_table(name: str | None) -> bool:
    """True for the index table and SQLite's FTS5 shadow tables (not part of the ORM models)."""
    return bool(name) and (name == SEARCH_TABLE or str(name).startswith(SEARCH_TABLE + "_"))


def autogenerate_include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic ``include_name`` hook: leave the hand-made index out of model comparisons."""
    return not (type_ == "table" and is_search_table(name))


MAX_QUERY_WORDS = 32


def query_words(query: str) -> list[str]:
    """The distinct words of what a user typed, with all punctuation and syntax removed; at
    most ``MAX_QUERY_WORDS`` (the last one stays last: it is matched as a prefix)."""
    words = list(dict.fromkeys(_WORD.findall(query.replace("_", " "))))
    if len(words) <= MAX_QUERY_WORDS:
        return words
    return [*words[: MAX_QUERY_WORDS - 1], words[-1]]


def fts5_query(words: list[str]) -> str:
    """An FTS5 MATCH expression: every word as a quoted string, the last as a prefix."""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def tsquery(words: list[str]) -> str:
    """A PostgreSQL ``to_tsquery`` text: every word quoted and ANDed, the last as a prefix."""
    quoted = [f"'{word.lower()}'" for word in words]
    quoted[-1] += ":*"
    return " & ".join(quoted)


def search(session: Session, query: str, limit: int = 50) -> list[SearchHit]:
    """The best ``limit`` matches of ``query``, grouped by kind (events, sources, passages,
    notes) and, within a kind, best first. An empty or punctuation-only query finds nothing."""
    words = query_words(query)
    if not words or limit <= 0:
        return []
    if session.get_bind().dialect.name == "sqlite":
        rows = session.execute(_SQLITE_QUERY, {"query": fts5_query(words), "limit": limit})
    else:
        rows = session.execute(_PG_QUERY, {"query": tsquery(words), "limit": limit})
    found = [(str(r.kind), str(r.key), str(r.snippet or ""), float(r.rank)) for r in rows]
    titles = _titles(session, found)
    hits = [
        _hit(kind, key, titles.get((kind, key), key), snippet, rank)
        for kind, key, snippet, rank in found
    ]
    hits.sort(key=lambda hit: (_kind_position(hit.kind), -hit.rank, hit.key))
    return hits


def _kind_position(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def _hit(kind: str, key: str, title: str, snippet: str, rank: float) -> SearchHit:
    plain, marks = split_marks(snippet)
    return SearchHit(kind, key, title, plain, rank, marks)


def split_marks(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove the match markers from a snippet; return the text and the marked spans."""
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    length, opened = 0, -1
    for piece in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", snippet):
        if piece == MARK_OPEN:
            opened = length
        elif piece == MARK_CLOSE:
            if opened >= 0:
                marks.append((opened, length))
            opened = -1
        else:
            parts.append(piece)
            length += len(piece)
    return "".join(parts), tuple(marks)


def _titles(
    session: Session, found: list[tuple[str, str, str, float]]
) -> dict[tuple[str, str], str]:
    """A title for each hit: the record's title, a passage's source, a note's first line."""
    keys: dict[str, list[str]] = {}
    for kind, key, _snippet, _rank in found:
        keys.setdefault(kind, []).append(key)
    titles: dict[tuple[str, str], str] = {}
    for kind, wanted in keys.items():
        for key, title in session.execute(_title_statement(kind, wanted)):
            titles[(kind, key)] = _shorten(str(title or ""))
    return titles


def _title_statement(kind: str, keys: list[str]) -> Any:
    if kind == "event":
        return select(models.Event.key, models.Event.title).where(models.Event.key.in_(keys))
    if kind == "source":
        return select(models.Source.key, models.Source.title).where(models.Source.key.in_(keys))
    if kind == "passage":
        return (
            select(models.Passage.key, models.Source.title)
            .join(models.Source, models.Passage.source_id == models.Source.id)
            .where(models.Passage.key.in_(keys))
        )
    return select(models.Note.key, models.Note.body).where(models.Note.key.in_(keys))


def _shorten(title: str) -> str:
    first_line = title.strip().splitlines()[0] if title.strip() else ""
    if len(first_line) <= _TITLE_LENGTH:
        return first_line
    return first_line[: _TITLE_LENGTH - 1].rstrip() + "…"


_INDEX_REVISION = "db.migrations.versions.0002_full_text_search"
_PG_EVENT_TRIGGER = "search_sync"


@contextmanager
def suspended_event_triggers(connection: Connection) -> Iterator[None]:
    """Inside the block, writes to ``events`` leave the search index alone (for bulk loads).

    On a normal exit the index triggers are back and the events' index rows are rebuilt in one
    statement (``rebuild_event_index``), so the index ends as if every row had fired its trigger.
    On an exception nothing is restored here: the caller's transaction must roll back, which on
    SQLite and PostgreSQL also undoes the trigger changes (DDL is transactional on both).
    Run it inside one transaction (``engine.begin()``); other writers must not touch events
    meanwhile.
    """
    if connection.dialect.name == "sqlite":
        _begin_sqlite(connection)
        found = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'events' AND name LIKE 'search_%'"
        ).all()
        for name, _sql in found:
            connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
        yield
        for _name, sql in found:
            connection.exec_driver_sql(sql)
    else:
        connection.exec_driver_sql(f"ALTER TABLE events DISABLE TRIGGER {_PG_EVENT_TRIGGER}")
        yield
        connection.exec_driver_sql(f"ALTER TABLE events ENABLE TRIGGER {_PG_EVENT_TRIGGER}")
    rebuild_event_index(connection)


def _begin_sqlite(connection: Connection) -> None:
    """Open the transaction now: pysqlite would otherwise run the DDL below in autocommit."""
    if not connection.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN")


def rebuild_event_index(connection: Connection) -> None:
    """Rewrite the index rows of every event from the events table, in two statements.

    The rows are the ones the triggers of revision 0002 write (the same SELECT is used), so a
    rebuilt index answers every search exactly like a trigger-maintained one. Revision 0002's
    index is a plain (not external-content) FTS5 table, so FTS5's own ``'rebuild'`` command does
    not apply: the event rows are deleted and selected in again.
    """
    dialect = "sqlite" if connection.dialect.name == "sqlite" else "postgresql"
    rowid = "rowid" if dialect == "sqlite" else "id"
    every = "1 = 1" if dialect == "sqlite" else "true"
    select_rows = importlib.import_module(_INDEX_REVISION)._select("event", dialect, every)
    connection.exec_driver_sql(f"DELETE FROM {SEARCH_TABLE} WHERE kind = 'event'")
    connection.exec_driver_sql(
        f"INSERT INTO {SEARCH_TABLE} ({rowid}, kind, key, title, body) {select_rows}"
    )
