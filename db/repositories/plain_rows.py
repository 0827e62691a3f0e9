"""Reading many rows as the driver's plain tuples (SQLAlchemy Row objects cost twice)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def plain_rows(session: Session, statement: Any) -> list[Any]:
    """Every row of ``statement`` as the DB-API's tuples, run on the session's connection and
    so inside its transaction. Its parameters are written into the SQL (``literal_binds``):
    only for constants of the code (numbers, short strings), never for user input."""
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
    sql = str(compiled)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()
