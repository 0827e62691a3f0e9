"""record values without a passage

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 06:00:00

``claims.passage_id`` becomes nullable. A claim marked as the record's value (a non-empty
``reference``) no longer has to borrow a passage of some source that does not state it: it
names its event and cites its own reference (text, and a URL when there is one). A source's own
claim still sits on the passage that makes it; the application refuses a claim with neither a
passage nor a reference. Existing claims keep their passages.
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims') as batch:
        batch.alter_column('passage_id', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # A record value without a passage has nowhere to go in the older schema.
    op.execute('DELETE FROM claims WHERE passage_id IS NULL')
    with op.batch_alter_table('claims') as batch:
        batch.alter_column('passage_id', existing_type=sa.Integer(), nullable=False)
