"""the Ketua Pengarah's address for letters to Ibu Pejabat (office settings)

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('office') as batch_op:
        batch_op.add_column(sa.Column('hq_address', sa.Text(), server_default='',
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('office') as batch_op:
        batch_op.drop_column('hq_address')
