"""named coders

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 00:30:00

Codings made in the window before it asked for a name have an empty coder, which our library
format refuses (so JSON export of the whole library failed). They get the coder "unnamed coder";
where that coder already coded the same passage with the same code, the empty duplicate goes.
No other row is touched.
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

UNNAMED = "unnamed coder"


def upgrade() -> None:
    connection = op.get_bind()
    empty = "TRIM(coder) = ''"
    connection.execute(
        sa.text(
            f"DELETE FROM codings WHERE {empty} AND EXISTS ("
            "SELECT 1 FROM codings AS named WHERE named.passage_id = codings.passage_id "
            "AND named.code_id = codings.code_id AND named.coder = :unnamed)"
        ),
        {"unnamed": UNNAMED},
    )
    connection.execute(
        sa.text(
            f"DELETE FROM codings WHERE {empty} AND id NOT IN ("
            f"SELECT MIN(id) FROM codings WHERE {empty} GROUP BY passage_id, code_id)"
        )
    )
    connection.execute(
        sa.text(f"UPDATE codings SET coder = :unnamed WHERE {empty}"), {"unnamed": UNNAMED}
    )


def downgrade() -> None:
    pass  # the empty names are not wanted back
