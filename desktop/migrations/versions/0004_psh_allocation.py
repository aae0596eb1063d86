"""PSH appointments and extensions; OS29000 allocation entries and commitments

Revision ID: 0004
Revises: see down_revision below (the only line that changes when the chain is re-ordered)
Create Date: 2026-11-25

A partial unique index keeps one active commitment per PSH and year, on SQLite and PostgreSQL
alike; check constraints keep a PSH's dates in order and amounts positive.
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

ACTIVE = "active"


def upgrade() -> None:
    op.create_table('psh_appointment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vacancy_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('mykad', sa.String(length=12), nullable=False),
    sa.Column('qualification_held', sa.String(length=20), nullable=False),
    sa.Column('qualification_used', sa.String(length=20), nullable=False),
    sa.Column('daily_rate', sa.BigInteger(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('kp_approval_ref', sa.String(length=100), nullable=False),
    sa.Column('kp_approval_date', sa.Date(), nullable=False),
    sa.Column('osa_declared_on', sa.Date(), nullable=False),
    sa.Column('health_certified_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_psh_appointment_dates_in_order')),
    sa.CheckConstraint('ended_on IS NULL OR (ended_on >= start_date AND ended_on <= end_date)', name=op.f('ck_psh_appointment_ended_within_term')),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_psh_appointment_candidate_id_candidate')),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_psh_appointment_vacancy_id_vacancy')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_psh_appointment'))
    )
    op.create_index(op.f('ix_psh_appointment_candidate_id'), 'psh_appointment', ['candidate_id'], unique=False)
    op.create_index(op.f('ix_psh_appointment_mykad'), 'psh_appointment', ['mykad'], unique=False)
    op.create_index(op.f('ix_psh_appointment_status'), 'psh_appointment', ['status'], unique=False)
    op.create_index(op.f('ix_psh_appointment_vacancy_id'), 'psh_appointment', ['vacancy_id'], unique=False)

    op.create_table('psh_extension',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appointment_id', sa.Integer(), nullable=False),
    sa.Column('previous_end', sa.Date(), nullable=False),
    sa.Column('new_end', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('approved_by', sa.String(length=200), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('new_end > previous_end', name=op.f('ck_psh_extension_later')),
    sa.ForeignKeyConstraint(['appointment_id'], ['psh_appointment.id'], name=op.f('fk_psh_extension_appointment_id_psh_appointment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_psh_extension'))
    )
    op.create_index(op.f('ix_psh_extension_appointment_id'), 'psh_extension', ['appointment_id'], unique=False)

    op.create_table('allocation_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_allocation_entry_amount_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allocation_entry'))
    )
    op.create_index(op.f('ix_allocation_entry_year'), 'allocation_entry', ['year'], unique=False)

    op.create_table('allocation_commitment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('psh_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('projected', sa.BigInteger(), nullable=False),
    sa.Column('spent', sa.BigInteger(), nullable=False),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('projected >= 0 AND spent >= 0', name=op.f('ck_allocation_commitment_amounts_not_negative')),
    sa.ForeignKeyConstraint(['psh_id'], ['psh_appointment.id'], name=op.f('fk_allocation_commitment_psh_id_psh_appointment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allocation_commitment'))
    )
    op.create_index(op.f('ix_allocation_commitment_psh_id'), 'allocation_commitment', ['psh_id'], unique=False)
    op.create_index(op.f('ix_allocation_commitment_year'), 'allocation_commitment', ['year'], unique=False)
    op.create_index('uq_allocation_commitment_active', 'allocation_commitment', ['psh_id', 'year'], unique=True,
                    sqlite_where=sa.text(ACTIVE), postgresql_where=sa.text(ACTIVE))


def downgrade() -> None:
    # Children first; dropping a table drops its indexes too, on SQLite and PostgreSQL.
    op.drop_table('allocation_commitment')
    op.drop_table('allocation_entry')
    op.drop_table('psh_extension')
    op.drop_table('psh_appointment')
