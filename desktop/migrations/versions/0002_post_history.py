"""post history: who held which post and when; staff birth date and sex from the MyKad

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from datetime import date

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

OPEN = sa.text('end_date IS NULL')
BACKFILL_NOTE = 'Penyandang semasa naik taraf skema; tarikh mula tidak direkodkan sebelum ini.'
DOUBLED_NOTE = ('Pegawai ini juga penyandang jawatan lain; dilepaskan daripada jawatan ini semasa '
                'naik taraf skema.')


def _birth_date(mykad: str, today: date):
    """YYMMDD in the latest century not after today (kept here: a migration must not change
    when the app's code does)."""
    if len(mykad) != 12 or not mykad.isdigit():
        return None
    yy, mm, dd = int(mykad[0:2]), int(mykad[2:4]), int(mykad[4:6])
    century = today.year // 100 * 100
    for year in (century + yy, century - 100 + yy):
        try:
            born = date(year, mm, dd)
        except ValueError:
            continue
        if born <= today:
            return born
    return None


def upgrade() -> None:
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.add_column(sa.Column('birth_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('sex', sa.String(length=1), nullable=True))

    op.create_table('post_incumbency',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_post_incumbency_dates_in_order')),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_post_incumbency_post_id_post')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_post_incumbency_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_incumbency'))
    )
    with op.batch_alter_table('post_incumbency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_incumbency_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_post_incumbency_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index('uq_post_incumbency_open_post', ['post_id'], unique=True,
                              sqlite_where=OPEN, postgresql_where=OPEN)
        batch_op.create_index('uq_post_incumbency_open_staff', ['staff_id'], unique=True,
                              sqlite_where=OPEN, postgresql_where=OPEN)

    _backfill()


def _backfill() -> None:
    """Existing rows: birth date and sex read from each MyKad, and one open incumbency for each
    post that has an incumbent (from the officer's service start, else today, with a note)."""
    conn = op.get_bind()
    today = date.today()
    staff = sa.table('staff', sa.column('id', sa.Integer), sa.column('mykad', sa.String),
                     sa.column('service_start', sa.Date), sa.column('birth_date', sa.Date),
                     sa.column('sex', sa.String))
    post = sa.table('post', sa.column('id', sa.Integer), sa.column('incumbent_id', sa.Integer))
    incumbency = sa.table('post_incumbency', sa.column('post_id', sa.Integer),
                          sa.column('staff_id', sa.Integer), sa.column('start_date', sa.Date),
                          sa.column('end_date', sa.Date), sa.column('note', sa.String))
    starts, derived = {}, []
    for sid, mykad, service_start in conn.execute(
            sa.select(staff.c.id, staff.c.mykad, staff.c.service_start)).all():
        starts[sid] = service_start
        digits = (mykad or '').strip()
        sex = None
        if len(digits) == 12 and digits.isdigit():
            sex = 'L' if int(digits[-1]) % 2 else 'P'
        derived.append(dict(sid=sid, born=_birth_date(digits, today), sex=sex))
    if derived:
        conn.execute(staff.update().where(staff.c.id == sa.bindparam('sid'))
                     .values(birth_date=sa.bindparam('born'), sex=sa.bindparam('sex')), derived)
    rows, held, doubled = [], set(), []
    for pid, sid in conn.execute(sa.select(post.c.id, post.c.incumbent_id)
                                 .where(post.c.incumbent_id.is_not(None)).order_by(post.c.id)).all():
        start = min(starts.get(sid) or today, today)
        note = '' if starts.get(sid) else BACKFILL_NOTE
        if sid in held:
            # 0001 did not stop one officer holding two posts; from now on the database does.
            # The later post is released today and the fact kept in its history.
            rows.append(dict(post_id=pid, staff_id=sid, start_date=start, end_date=today,
                             note=DOUBLED_NOTE))
            doubled.append(pid)
            continue
        held.add(sid)
        rows.append(dict(post_id=pid, staff_id=sid, start_date=start, end_date=None, note=note))
    if doubled:
        conn.execute(post.update().where(post.c.id.in_(doubled)).values(incumbent_id=None))
    if rows:
        conn.execute(incumbency.insert(), rows)


def downgrade() -> None:
    with op.batch_alter_table('post_incumbency', schema=None) as batch_op:
        batch_op.drop_index('uq_post_incumbency_open_staff', sqlite_where=OPEN,
                            postgresql_where=OPEN)
        batch_op.drop_index('uq_post_incumbency_open_post', sqlite_where=OPEN,
                            postgresql_where=OPEN)
        batch_op.drop_index(batch_op.f('ix_post_incumbency_staff_id'))
        batch_op.drop_index(batch_op.f('ix_post_incumbency_post_id'))

    op.drop_table('post_incumbency')
    # A plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): batch mode would copy staff and drop
    # the old table, which post's foreign key still references, and SQLite refuses that.
    with op.batch_alter_table('staff', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('sex')
        batch_op.drop_column('birth_date')
