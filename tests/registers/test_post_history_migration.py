"""Migration 0002 on a database that already holds 0001 data: upgrade, downgrade, upgrade."""

from datetime import date

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop.models import Base, Database
from desktop.services import schema

grade = sa.table("grade", sa.column("id"), sa.column("code"), sa.column("title"),
                 sa.column("active", sa.Boolean))
premises = sa.table("premises", sa.column("id"), sa.column("code"), sa.column("name"),
                    sa.column("kind"), sa.column("state"), sa.column("district"),
                    sa.column("address"), sa.column("active", sa.Boolean),
                    sa.column("created_at", sa.DateTime), sa.column("updated_at", sa.DateTime))
staff = sa.table("staff", sa.column("id"), sa.column("name"), sa.column("mykad"),
                 sa.column("grade_id"), sa.column("service_start", sa.Date),
                 sa.column("confirmed_on", sa.Date), sa.column("qualification"),
                 sa.column("active", sa.Boolean))
post = sa.table("post", sa.column("id"), sa.column("premises_id"), sa.column("grade_id"),
                sa.column("incumbent_id"), sa.column("active", sa.Boolean))


def fill_0001(engine) -> None:
    """A small office as 0001 could hold it, with the cases the backfill must handle."""
    now = sa.func.current_timestamp()
    with engine.begin() as conn:
        conn.execute(grade.insert(), [dict(id=1, code="S17", title="Pembantu Pendidik",
                                           active=True)])
        conn.execute(premises.insert().values(created_at=now, updated_at=now),
                     [dict(id=1, code="TBK-1", name="Tabika", kind="TABIKA", state="SGR",
                           district="", address="", active=True)])
        conn.execute(staff.insert(), [
            dict(id=1, name="Siti", mykad="850615101234", grade_id=1,
                 service_start=date(2015, 3, 1), confirmed_on=None, qualification="SPM",
                 active=True),
            dict(id=2, name="Ali", mykad="900101015679", grade_id=1, service_start=None,
                 confirmed_on=None, qualification="SPM", active=True),
            dict(id=3, name="Lama", mykad="BAD", grade_id=None, service_start=None,
                 confirmed_on=None, qualification="SPM", active=False),
        ])
        conn.execute(post.insert(), [
            dict(id=1, premises_id=1, grade_id=1, incumbent_id=1, active=True),
            dict(id=2, premises_id=1, grade_id=1, incumbent_id=2, active=True),
            dict(id=3, premises_id=1, grade_id=1, incumbent_id=1, active=True),  # Siti again
            dict(id=4, premises_id=1, grade_id=1, incumbent_id=None, active=True),
        ])


def tables(engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def staff_columns(engine) -> set[str]:
    return {c["name"] for c in sa.inspect(engine).get_columns("staff")}


def check_upgraded(engine, *, again: bool = False) -> None:
    """``again``: after a downgrade and a second upgrade, where the second post that 0001 gave
    Siti is already vacant (the first upgrade released it) and its history went with 0002."""
    today = date.today()
    derived_t = sa.table("staff", sa.column("id"), sa.column("birth_date", sa.Date),
                         sa.column("sex"))
    holding_t = sa.table("post_incumbency", sa.column("post_id"), sa.column("staff_id"),
                         sa.column("start_date", sa.Date), sa.column("end_date", sa.Date),
                         sa.column("note"))
    with engine.connect() as conn:
        derived = conn.execute(sa.select(derived_t).order_by(derived_t.c.id)).all()
        holdings = conn.execute(sa.select(holding_t).order_by(holding_t.c.post_id)).all()
        incumbents = conn.execute(sa.select(post.c.id, post.c.incumbent_id)
                                  .order_by(post.c.id)).all()
    # by hand from the MyKad numbers: 15 Jun 1985 even = P; 1 Jan 1990 odd = L; "BAD" unread
    assert [tuple(r) for r in derived] == [(1, date(1985, 6, 15), "P"), (2, date(1990, 1, 1), "L"),
                                          (3, None, None)]
    expected = [
        (1, 1, date(2015, 3, 1), None),  # from Siti's service start
        (2, 2, today, None),  # Ali's start unknown: today, with a note saying so
        (3, 1, date(2015, 3, 1), today),  # Siti's second post: released today, kept in history
    ]
    assert [tuple(r[:4]) for r in holdings] == (expected[:2] if again else expected)
    assert holdings[0][4] == ""
    assert "tarikh mula tidak direkodkan" in holdings[1][4]
    if not again:
        assert "jawatan lain" in holdings[2][4]
    assert [tuple(r) for r in incumbents] == [(1, 1), (2, 2), (3, None), (4, None)]


def test_upgrade_downgrade_upgrade_with_data(db_url):
    db = Database(db_url)
    try:
        schema.upgrade(db.engine, "0001")
        fill_0001(db.engine)

        schema.upgrade(db.engine, "0002")
        assert schema.current_revision(db.engine) == "0002"
        assert "post_incumbency" in tables(db.engine)
        assert {"birth_date", "sex"} <= staff_columns(db.engine)
        check_upgraded(db.engine)

        schema.downgrade(db.engine, "0001")
        assert schema.current_revision(db.engine) == "0001"
        assert "post_incumbency" not in tables(db.engine)
        assert not {"birth_date", "sex"} & staff_columns(db.engine)
        with db.engine.connect() as conn:  # the 0001 data is still there
            assert conn.execute(sa.text("SELECT count(*) FROM staff")).scalar_one() == 3
            assert conn.execute(sa.text(
                "SELECT incumbent_id FROM post WHERE id = 2")).scalar_one() == 2

        schema.upgrade(db.engine)
        assert schema.current_revision(db.engine) == schema.head_revision()
        check_upgraded(db.engine, again=True)
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.dispose()


def test_upgrade_of_an_empty_database_and_back_to_base(db_url):
    db = Database(db_url)
    try:
        schema.upgrade(db.engine)
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            indexes = {i["name"]: i for i in sa.inspect(conn).get_indexes("post_incumbency")}
        assert indexes["uq_post_incumbency_open_post"]["unique"]
        assert indexes["uq_post_incumbency_open_staff"]["unique"]
        schema.downgrade(db.engine, "base")
        assert tables(db.engine) <= {"alembic_version"}
    finally:
        db.dispose()
