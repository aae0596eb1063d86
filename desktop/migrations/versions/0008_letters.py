"""issued letters, their numbers and prefixes, the letterhead logo, the app's secrets

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'issued_letter',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('reference', sa.String(length=100), nullable=False),
        sa.Column('issued_on', sa.Date(), nullable=False),
        sa.Column('subject', sa.Text(), nullable=False),
        sa.Column('person', sa.String(length=200), nullable=False),
        sa.Column('mykad', sa.String(length=12), nullable=False),
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('entity_id', sa.Integer(), nullable=False),
        sa.Column('document', sa.Text(), nullable=False),
        sa.Column('essentials', sa.Text(), nullable=False),
        sa.Column('checksum', sa.String(length=64), nullable=False),
        sa.Column('qr_text', sa.String(length=200), nullable=False),
        sa.Column('copies_printed', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('actor', sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_letter')),
        sa.UniqueConstraint('kind', 'year', 'seq', name=op.f('uq_issued_letter_kind')),
        sa.UniqueConstraint('reference', name=op.f('uq_issued_letter_reference')),
    )
    with op.batch_alter_table('issued_letter') as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_letter_issued_on'), ['issued_on'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_issued_letter_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_letter_person'), ['person'], unique=False)
    op.create_table(
        'letter_sequence',
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('last_seq', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('kind', 'year', name=op.f('pk_letter_sequence')),
    )
    op.create_table(
        'letter_prefix',
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('prefix', sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint('kind', name=op.f('pk_letter_prefix')),
        sa.UniqueConstraint('prefix', name=op.f('uq_letter_prefix_prefix')),
    )
    op.create_table(
        'letter_asset',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('mime', sa.String(length=40), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('sha256', name=op.f('pk_letter_asset')),
    )
    op.create_table(
        'app_secret',
        sa.Column('name', sa.String(length=60), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_app_secret')),
    )
    with op.batch_alter_table('office') as batch_op:
        batch_op.add_column(sa.Column('logo_sha', sa.String(length=64), server_default='',
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('office') as batch_op:
        batch_op.drop_column('logo_sha')
    op.drop_table('app_secret')
    op.drop_table('letter_asset')
    op.drop_table('letter_prefix')
    op.drop_table('letter_sequence')
    with op.batch_alter_table('issued_letter') as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_letter_person'))
        batch_op.drop_index(batch_op.f('ix_issued_letter_kind'))
        batch_op.drop_index(batch_op.f('ix_issued_letter_issued_on'))
    op.drop_table('issued_letter')
