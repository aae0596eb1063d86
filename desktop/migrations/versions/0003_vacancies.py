"""vacancies, workflow steps, recruitment exercises and candidates

Revision ID: 0003
Revises: see down_revision below (the only line that changes when the chain is re-ordered)
Create Date: 2026-11-25

Two partial unique indexes hold rules in the database on SQLite and PostgreSQL alike: one
live (OPEN or FILLED) vacancy per post, and each workflow step once per vacancy unless undone.
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

LIVE = "status IN ('OPEN', 'FILLED')"
STEP_LIVE = "undone_at IS NULL"


def upgrade() -> None:
    op.create_table('recruitment_exercise',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('grade_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['grade_id'], ['grade.id'], name=op.f('fk_recruitment_exercise_grade_id_grade')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recruitment_exercise'))
    )
    op.create_index(op.f('ix_recruitment_exercise_grade_id'), 'recruitment_exercise', ['grade_id'], unique=False)

    op.create_table('vacancy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('premises_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('incumbent_id', sa.Integer(), nullable=True),
    sa.Column('expected_end', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('filled_method', sa.String(length=20), nullable=True),
    sa.Column('filled_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('close_note', sa.Text(), nullable=False),
    sa.Column('chosen_method', sa.String(length=20), nullable=True),
    sa.Column('method_reason', sa.Text(), server_default='', nullable=False),
    sa.Column('method_costs', sa.Text(), server_default='', nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['incumbent_id'], ['staff.id'], name=op.f('fk_vacancy_incumbent_id_staff')),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_vacancy_post_id_post')),
    sa.ForeignKeyConstraint(['premises_id'], ['premises.id'], name=op.f('fk_vacancy_premises_id_premises')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vacancy'))
    )
    op.create_index(op.f('ix_vacancy_incumbent_id'), 'vacancy', ['incumbent_id'], unique=False)
    op.create_index(op.f('ix_vacancy_post_id'), 'vacancy', ['post_id'], unique=False)
    op.create_index(op.f('ix_vacancy_premises_id'), 'vacancy', ['premises_id'], unique=False)
    op.create_index(op.f('ix_vacancy_status'), 'vacancy', ['status'], unique=False)
    op.create_index('uq_vacancy_live_post', 'vacancy', ['post_id'], unique=True,
                    sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))

    op.create_table('candidate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vacancy_id', sa.Integer(), nullable=True),
    sa.Column('exercise_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('mykad', sa.String(length=12), nullable=False),
    sa.Column('citizen', sa.Boolean(), nullable=False),
    sa.Column('public_officer', sa.Boolean(), nullable=False),
    sa.Column('qualification', sa.String(length=20), nullable=True),
    sa.Column('health_certified', sa.Boolean(), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('outcome_on', sa.Date(), nullable=True),
    sa.Column('outcome_note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('vacancy_id IS NOT NULL OR exercise_id IS NOT NULL', name=op.f('ck_candidate_scope')),
    sa.ForeignKeyConstraint(['exercise_id'], ['recruitment_exercise.id'], name=op.f('fk_candidate_exercise_id_recruitment_exercise')),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_candidate_vacancy_id_vacancy')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate'))
    )
    op.create_index(op.f('ix_candidate_exercise_id'), 'candidate', ['exercise_id'], unique=False)
    op.create_index(op.f('ix_candidate_mykad'), 'candidate', ['mykad'], unique=False)
    op.create_index(op.f('ix_candidate_vacancy_id'), 'candidate', ['vacancy_id'], unique=False)

    op.create_table('vacancy_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vacancy_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('psh_application_ref', sa.String(length=100), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('undo_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_vacancy_step_vacancy_id_vacancy')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vacancy_step'))
    )
    op.create_index(op.f('ix_vacancy_step_vacancy_id'), 'vacancy_step', ['vacancy_id'], unique=False)
    op.create_index('uq_vacancy_step_live', 'vacancy_step', ['vacancy_id', 'code'], unique=True,
                    sqlite_where=sa.text(STEP_LIVE), postgresql_where=sa.text(STEP_LIVE))


def downgrade() -> None:
    # Dropping a table drops its indexes too, on SQLite and PostgreSQL.
    op.drop_table('vacancy_step')
    op.drop_table('candidate')
    op.drop_table('vacancy')
    op.drop_table('recruitment_exercise')
