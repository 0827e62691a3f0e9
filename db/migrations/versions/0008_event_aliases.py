"""event aliases

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 00:35:00

One column on ``events``: ``aliases``, a JSON list of other names of the event and of its main
actors and places, in any language or script ("Актау", "AZAL", "аннексия Крыма"). The
importer's suggestions match them like the title. Existing events get an empty list.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (not batch mode): SQLite keeps the table and its full-text triggers.
    op.add_column('events', sa.Column('aliases', sa.JSON(), nullable=False, server_default='[]'))


def downgrade() -> None:
    op.drop_column('events', 'aliases')
