"""attendance (absences), office holidays (cuti peristiwa) and official-duty trips

Revision ID: 0006
Revises: see down_revision below (the only line that changes when the chain is re-ordered)
Create Date: 2026-11-26

Three new tables and nothing else touched, so the revision only creates and drops them; it
upgrades and downgrades the same way on SQLite and PostgreSQL. Money is whole sen (BIGINT),
hours away whole minutes and distances tenths of a km (INTEGER).
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('office_holiday',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office_holiday')),
    sa.UniqueConstraint('day', name=op.f('uq_office_holiday_day'))
    )

    op.create_table('absence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('psh_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('FULL', 'HALF')", name=op.f('ck_absence_kind_known')),
    sa.ForeignKeyConstraint(['psh_id'], ['psh_appointment.id'], name=op.f('fk_absence_psh_id_psh_appointment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absence')),
    sa.UniqueConstraint('psh_id', 'day', name=op.f('uq_absence_psh_id'))
    )
    op.create_index(op.f('ix_absence_day'), 'absence', ['day'], unique=False)
    op.create_index(op.f('ix_absence_psh_id'), 'absence', ['psh_id'], unique=False)

    op.create_table('duty_trip',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('psh_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('minutes_away', sa.Integer(), nullable=False),
    sa.Column('km_tenths', sa.Integer(), nullable=False),
    sa.Column('nights', sa.Integer(), nullable=False),
    sa.Column('lodging', sa.String(length=10), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('rate_snapshot', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_duty_trip_amount_not_negative')),
    sa.CheckConstraint('minutes_away >= 0 AND km_tenths >= 0 AND nights >= 0', name=op.f('ck_duty_trip_figures_not_negative')),
    sa.ForeignKeyConstraint(['psh_id'], ['psh_appointment.id'], name=op.f('fk_duty_trip_psh_id_psh_appointment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_trip'))
    )
    op.create_index(op.f('ix_duty_trip_day'), 'duty_trip', ['day'], unique=False)
    op.create_index(op.f('ix_duty_trip_psh_id'), 'duty_trip', ['psh_id'], unique=False)


def downgrade() -> None:
    # Dropping a table drops its indexes too, on SQLite and PostgreSQL.
    op.drop_table('duty_trip')
    op.drop_table('absence')
    op.drop_table('office_holiday')
