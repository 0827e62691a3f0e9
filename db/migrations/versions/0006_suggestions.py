"""suggestions

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 23:40:00

One table, ``suggestions``: machine proposals about a source's text (links to events, new
events, claims, codes, ...) kept until a person accepts or rejects them, so a source with
pending suggestions is "awaiting review" and a rejection is remembered. Additive: no existing
table or row is touched. Rejections recorded earlier in ``library_meta`` ("review.rejected")
are moved into the table.
"""
import json

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('suggestions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('ref', sa.String(length=300), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'],
                            name=op.f('fk_suggestions_source_id_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suggestions')),
    sa.UniqueConstraint('source_id', 'kind', 'ref', name=op.f('uq_suggestions_source_id'))
    )
    op.create_index('ix_suggestions_source_status', 'suggestions', ['source_id', 'status'],
                    unique=False)
    _move_rejections()


def _move_rejections() -> None:
    bind = op.get_bind()
    raw = bind.execute(sa.text(
        "SELECT value FROM library_meta WHERE name = 'review.rejected'")).scalar()
    try:
        rejected = json.loads(raw) if raw else {}
    except ValueError:
        rejected = {}
    if not isinstance(rejected, dict):
        return
    for source_key, refs in rejected.items():
        source_id = bind.execute(sa.text("SELECT id FROM sources WHERE key = :k"),
                                 {"k": source_key}).scalar()
        if source_id is None or not isinstance(refs, list):
            continue
        for ref in {r for r in refs if isinstance(r, str)}:
            kind = 'link' if ref.startswith('link:') else 'new-event'
            bind.execute(sa.text(
                "INSERT INTO suggestions (source_id, kind, ref, target, start, \"end\", quote, "
                "confidence, reasons, payload, status, created_at) VALUES (:s, :k, :r, '', 0, 0, "
                "'', 0, '[]', '{}', 'rejected', CURRENT_TIMESTAMP)"), {"s": source_id, "k": kind,
                                                                        "r": ref})
    bind.execute(sa.text("DELETE FROM library_meta WHERE name = 'review.rejected'"))


def downgrade() -> None:
    op.drop_index('ix_suggestions_source_status', table_name='suggestions')
    op.drop_table('suggestions')
