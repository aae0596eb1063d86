"""acting assignments, their interruptions, and replacement officers (gantian)

Revision ID: 0005
Revises: see down_revision below (the only line that changes when the chain is re-ordered)
Create Date: 2026-11-25

Three new tables and nothing else touched, so the revision only creates and drops them; it
upgrades and downgrades the same way on SQLite and PostgreSQL.
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

DATES_IN_ORDER = 'end_date >= start_date'
ENDED_IN_TERM = 'ended_on IS NULL OR (ended_on >= start_date AND ended_on <= end_date)'


def upgrade() -> None:
    op.create_table('acting_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vacancy_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('grade_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('instruction_ref', sa.String(length=100), nullable=False),
    sa.Column('instruction_date', sa.Date(), nullable=False),
    sa.Column('approval_ref', sa.String(length=100), nullable=False),
    sa.Column('approval_date', sa.Date(), nullable=False),
    sa.Column('authority', sa.String(length=200), nullable=False),
    sa.Column('unconfirmed_reason', sa.Text(), nullable=True),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_kind', sa.String(length=20), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(DATES_IN_ORDER, name=op.f('ck_acting_assignment_dates_in_order')),
    sa.CheckConstraint(ENDED_IN_TERM, name=op.f('ck_acting_assignment_ended_in_term')),
    sa.ForeignKeyConstraint(['grade_id'], ['grade.id'], name=op.f('fk_acting_assignment_grade_id_grade')),
    sa.ForeignKeyConstraint(['previous_id'], ['acting_assignment.id'], name=op.f('fk_acting_assignment_previous_id_acting_assignment')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_acting_assignment_staff_id_staff')),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_acting_assignment_vacancy_id_vacancy')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acting_assignment'))
    )
    op.create_index(op.f('ix_acting_assignment_grade_id'), 'acting_assignment', ['grade_id'], unique=False)
    op.create_index(op.f('ix_acting_assignment_previous_id'), 'acting_assignment', ['previous_id'], unique=False)
    op.create_index(op.f('ix_acting_assignment_staff_id'), 'acting_assignment', ['staff_id'], unique=False)
    op.create_index(op.f('ix_acting_assignment_status'), 'acting_assignment', ['status'], unique=False)
    op.create_index(op.f('ix_acting_assignment_vacancy_id'), 'acting_assignment', ['vacancy_id'], unique=False)

    op.create_table('acting_interruption',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(DATES_IN_ORDER, name=op.f('ck_acting_interruption_dates_in_order')),
    sa.ForeignKeyConstraint(['assignment_id'], ['acting_assignment.id'], name=op.f('fk_acting_interruption_assignment_id_acting_assignment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acting_interruption'))
    )
    op.create_index(op.f('ix_acting_interruption_assignment_id'), 'acting_interruption', ['assignment_id'], unique=False)

    op.create_table('gantian_appointment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vacancy_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('mykad', sa.String(length=12), nullable=False),
    sa.Column('grade_code', sa.String(length=10), nullable=False),
    sa.Column('per', sa.String(length=10), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('approval_ref', sa.String(length=100), nullable=False),
    sa.Column('approval_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(DATES_IN_ORDER, name=op.f('ck_gantian_appointment_dates_in_order')),
    sa.CheckConstraint(ENDED_IN_TERM, name=op.f('ck_gantian_appointment_ended_in_term')),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_gantian_appointment_vacancy_id_vacancy')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gantian_appointment'))
    )
    op.create_index(op.f('ix_gantian_appointment_mykad'), 'gantian_appointment', ['mykad'], unique=False)
    op.create_index(op.f('ix_gantian_appointment_status'), 'gantian_appointment', ['status'], unique=False)
    op.create_index(op.f('ix_gantian_appointment_vacancy_id'), 'gantian_appointment', ['vacancy_id'], unique=False)


def downgrade() -> None:
    # Dropping a table drops its indexes too, on SQLite and PostgreSQL; the interruptions go
    # first, as they reference the assignments.
    op.drop_table('gantian_appointment')
    op.drop_table('acting_interruption')
    op.drop_table('acting_assignment')
