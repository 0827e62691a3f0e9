"""claims name the event they are about

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 23:50:00

One nullable column, ``claims.event_key``: the event a claim is about, so an event's Facts leave
out claims about other events that the same passage mentions. Existing claims keep NULL (about
their passage's events, as before).
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims') as batch:
        batch.add_column(sa.Column('event_key', sa.String(length=200), nullable=True))
        batch.create_index(batch.f('ix_claims_event_key'), ['event_key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('claims') as batch:
        batch.drop_index(batch.f('ix_claims_event_key'))
        batch.drop_column('event_key')
