"""source label and colour

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 23:30:00

Two columns on ``sources``: ``label`` (short name shown in panes and legends) and ``color``
(``#rrggbb``). Existing sources keep the colours they were drawn with until now: the palette in
order of publication date, then key. Their label stays empty, which shows a label made from the
outlet until the researcher gives one.
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# desktop.model.palette.SOURCE_COLORS when this revision was written (migrations stand alone).
_PALETTE = (
    "#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442", "#7F7F7F",
    "#8C564B", "#17BECF", "#BCBD22", "#9467BD",
)


def upgrade() -> None:
    # Plain ADD COLUMN (not batch mode): SQLite keeps the table, so the full-text triggers on
    # ``sources`` stay in place. The empty server default only fills existing rows.
    op.add_column(
        'sources', sa.Column('label', sa.String(length=80), nullable=False, server_default='')
    )
    op.add_column(
        'sources', sa.Column('color', sa.String(length=7), nullable=False, server_default='')
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id FROM sources ORDER BY published_t, key")
    ).all()
    for index, (row_id,) in enumerate(rows):
        connection.execute(
            sa.text("UPDATE sources SET color = :color WHERE id = :id"),
            {"color": _PALETTE[index % len(_PALETTE)], "id": row_id},
        )


def downgrade() -> None:
    op.drop_column('sources', 'color')
    op.drop_column('sources', 'label')
