"""Reading many rows as the driver's plain tuples (SQLAlchemy Row objects cost twice)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def plain_rows(session: Session, statement: Any) -> list[Any]:
    """Every row of ``statement`` (without bound parameters) as the DB-API's tuples, run on
    the session's connection and so inside its transaction."""
    connection = session.connection()
    sql = str(statement.compile(dialect=connection.dialect))
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()
