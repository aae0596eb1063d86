"""rate tables the administrator enters in the app (gantian, Lampiran A)

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'entered_rate_table',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('effective_from', sa.Date(), nullable=False),
        sa.Column('source', sa.String(length=300), nullable=False),
        sa.Column('rows_json', sa.Text(), nullable=False),
        sa.Column('entered_by', sa.String(length=60), nullable=False),
        sa.Column('entered_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_entered_rate_table')),
        sa.UniqueConstraint('name', 'effective_from',
                            name=op.f('uq_entered_rate_table_name')),
    )


def downgrade() -> None:
    op.drop_table('entered_rate_table')
