"""full-text search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 12:00:00

One table, ``search_index``, holds the searchable text of events (title; summary, actors, tags),
sources (title; outlet, authors, full text), passages (quote) and notes (body). Triggers keep it
in step with those tables, so no application code ever writes it. Its row id is
``record id * 4 + kind number`` (events 0, sources 1, passages 2, notes 3), so a trigger finds the
row of a record without a scan.

SQLite: an FTS5 virtual table (unicode61 tokenizer, diacritics folded). PostgreSQL: a plain
table with a stored ``tsvector`` column ('simple' configuration: no stemming, any language) under
a GIN index, and PL/pgSQL trigger functions. Existing rows are indexed during the upgrade.
"""
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# (kind, number, source table, title expression, body expression) over alias ``r``.
_EVENT_BODY = (
    "concat_ws(' ', r.summary, "
    "(SELECT {agg_actor} FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
    "WHERE ea.event_id = r.id), "
    "(SELECT {agg_tag} FROM event_tags et JOIN tags t ON t.id = et.tag_id "
    "WHERE et.event_id = r.id))"
)
_SQLITE_EVENT_BODY = (
    "coalesce(r.summary, '') || ' ' || "
    "coalesce((SELECT group_concat(a.name, ' ') FROM event_actors ea "
    "JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = r.id), '') || ' ' || "
    "coalesce((SELECT group_concat(t.name, ' ') FROM event_tags et "
    "JOIN tags t ON t.id = et.tag_id WHERE et.event_id = r.id), '')"
)
_PG_EVENT_BODY = _EVENT_BODY.format(
    agg_actor="string_agg(a.name, ' ')", agg_tag="string_agg(t.name, ' ')"
)

_KINDS = {
    "event": (0, "events", "r.title"),
    "source": (1, "sources", "r.title"),
    "passage": (2, "passages", "''"),
    "note": (3, "notes", "''"),
}


def _body(kind: str, dialect: str) -> str:
    if kind == "event":
        return _SQLITE_EVENT_BODY if dialect == "sqlite" else _PG_EVENT_BODY
    if kind == "source":
        authors = "r.authors" if dialect == "sqlite" else "r.authors::text"
        return (f"coalesce(r.outlet, '') || ' ' || coalesce({authors}, '') || ' ' || "
                "coalesce(r.full_text, '')")
    return "r.quote" if kind == "passage" else "r.body"


def _select(kind: str, dialect: str, where: str) -> str:
    """SELECT of the index rows of ``kind`` for the records matching ``where``."""
    number, table, title = _KINDS[kind]
    return (
        f"SELECT CAST(r.id AS BIGINT) * 4 + {number}, '{kind}', r.key, {title}, {_body(kind, dialect)} "
        f"FROM {table} r WHERE {where}"
    )


def _refresh(kind: str, dialect: str, id_expr: str) -> str:
    """Statements that rewrite the index row of one record (none left if it is gone)."""
    number = _KINDS[kind][0]
    rowid = "rowid" if dialect == "sqlite" else "id"
    return (
        f"DELETE FROM search_index WHERE {rowid} = CAST({id_expr} AS BIGINT) * 4 + {number}; "
        f"INSERT INTO search_index ({rowid}, kind, key, title, body) "
        f"{_select(kind, dialect, f'r.id = ({id_expr})')};"
    )


# table -> (kind refreshed, id expression for NEW / OLD rows)
_WATCHED = {
    "events": ("event", "{row}.id"),
    "sources": ("source", "{row}.id"),
    "passages": ("passage", "{row}.id"),
    "notes": ("note", "{row}.id"),
    "event_actors": ("event", "{row}.event_id"),
    "event_tags": ("event", "{row}.event_id"),
}


def _sqlite_upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "kind UNINDEXED, key UNINDEXED, title, body, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    for table, (kind, id_template) in _WATCHED.items():
        new, old = id_template.format(row="NEW"), id_template.format(row="OLD")
        op.execute(f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN "
                   f"{_refresh(kind, 'sqlite', new)} END")
        op.execute(f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN "
                   f"{_refresh(kind, 'sqlite', new)} END")
        op.execute(f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN "
                   f"{_refresh(kind, 'sqlite', old)} END")
    for kind in _KINDS:
        op.execute("INSERT INTO search_index (rowid, kind, key, title, body) "
                   + _select(kind, "sqlite", "1 = 1"))


def _pg_upgrade() -> None:
    op.execute(
        "CREATE TABLE search_index ("
        "id bigint PRIMARY KEY, kind varchar(10) NOT NULL, key varchar(200) NOT NULL, "
        "title text NOT NULL DEFAULT '', body text NOT NULL DEFAULT '', "
        "document tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('simple', left(coalesce(body, ''), 400000)), 'B')) STORED)"
    )
    op.execute("CREATE INDEX ix_search_index_document ON search_index USING gin (document)")
    for table, (kind, id_template) in _WATCHED.items():
        new, old = id_template.format(row="NEW"), id_template.format(row="OLD")
        op.execute(
            f"CREATE FUNCTION search_sync_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN "
            f"IF TG_OP = 'DELETE' THEN {_refresh(kind, 'postgresql', old)} "
            f"ELSE {_refresh(kind, 'postgresql', new)} END IF; "
            "RETURN NULL; END $$"
        )
        op.execute(f"CREATE TRIGGER search_sync AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION search_sync_{table}()")
    for kind in _KINDS:
        op.execute("INSERT INTO search_index (id, kind, key, title, body) "
                   + _select(kind, "postgresql", "true"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _pg_upgrade()


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in _WATCHED:
        if sqlite:
            for suffix in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS search_sync ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS search_sync_{table}()")
    op.execute("DROP TABLE IF EXISTS search_index")
