"""change log

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 09:00:00

One table, ``change_log``: a row per record changed by each committed unit of work (written by
``db.change_log`` in the same transaction), so other clients of a shared library see edits.
Additive: no existing table or row is touched.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('change_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('operation', sa.String(length=10), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('client', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log'))
    )


def downgrade() -> None:
    op.drop_table('change_log')
