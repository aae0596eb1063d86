"""closed months and their snapshots

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'month_close',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('month', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('closed_at', sa.DateTime(), nullable=False),
        sa.Column('closed_by', sa.String(length=100), nullable=False),
        sa.Column('snapshot', sa.Text(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('reopened_at', sa.DateTime(), nullable=True),
        sa.Column('reopened_by', sa.String(length=100), server_default='', nullable=False),
        sa.Column('reopen_reason', sa.Text(), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_month_close')),
        sa.UniqueConstraint('year', 'month', 'version',
                            name=op.f('uq_month_close_year')),
    )
    with op.batch_alter_table('month_close') as batch_op:
        batch_op.create_index(batch_op.f('ix_month_close_status'), ['status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('month_close') as batch_op:
        batch_op.drop_index(batch_op.f('ix_month_close_status'))
    op.drop_table('month_close')
