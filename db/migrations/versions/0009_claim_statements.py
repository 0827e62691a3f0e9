"""claim statements and record values

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 03:20:00

Two columns on ``claims``. ``holds`` is the position of a ``statement`` claim (what a source says
a party did or said, or that something is so): true when it says the subject's proposition holds,
false when it says it does not; null for numbers and dates. ``reference`` marks a claim as the
record's value for its subject and names the public record it comes from ("Kazakhstan's transport
ministry, preliminary report, Feb 2025"); empty for a source's own claim. Existing claims keep
null and empty.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (not batch mode), as in 0008.
    op.add_column('claims', sa.Column('holds', sa.Boolean(), nullable=True))
    op.add_column('claims', sa.Column('reference', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    op.drop_column('claims', 'reference')
    op.drop_column('claims', 'holds')
