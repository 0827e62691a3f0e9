"""actor aliases

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 06:20:00

One column on ``actors``: ``aliases``, a JSON list of the actor's other names in any language
or script ("Россия", "Росія", "РФ" for "Russia"). The importer's suggestions match them as the
actor's name. Existing actors get an empty list.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (not batch mode), as 0008 did for events.
    op.add_column('actors', sa.Column('aliases', sa.JSON(), nullable=False, server_default='[]'))


def downgrade() -> None:
    op.drop_column('actors', 'aliases')
