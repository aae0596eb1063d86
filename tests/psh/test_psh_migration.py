"""Migration 0004 (PSH and OS29000): up from 0003 with data, down, up again; the database's own
checks hold on SQLite and PostgreSQL alike."""

from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from desktop.models import Base, Database
from desktop.services import psh as P
from desktop.services import schema
from desktop.services.unit import perform

from . import factories as F

NEW_TABLES = {"psh_appointment", "psh_extension", "allocation_entry", "allocation_commitment"}


def tables(engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_round_trip_keeps_the_older_data(db_url):
    db = Database(db_url)
    try:
        # data is written at head (the services see every table), then taken down past 0004
        schema.upgrade(db.engine)
        assert schema.current_revision(db.engine) == schema.head_revision()
        assert tables(db.engine) >= NEW_TABLES
        office = F.make_office(db)
        vid = F.hakiki_vacancy(db, office.tabika, office.s17)
        pid = F.appoint(db, F.psh_form(vid, F.candidate(db, vid)))
        perform(db, P.extend_psh, pid, date(2026, 6, 30), "Sebab", "Pengarah", today=F.TODAY)
        assert [count(db.engine, t) for t in sorted(NEW_TABLES)] == [1, 1, 1, 1]

        schema.downgrade(db.engine, "0003")
        assert schema.current_revision(db.engine) == "0003"
        assert not NEW_TABLES & tables(db.engine)
        assert count(db.engine, "vacancy") == 1 and count(db.engine, "candidate") == 1

        schema.upgrade(db.engine)
        assert tables(db.engine) >= NEW_TABLES
        assert count(db.engine, "psh_appointment") == 0
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            indexes = {i["name"]: i for i in sa.inspect(conn).get_indexes(
                "allocation_commitment")}
        assert indexes["uq_allocation_commitment_active"]["unique"]
        schema.downgrade(db.engine, "base")
        assert tables(db.engine) <= {"alembic_version"}
    finally:
        db.dispose()


def test_the_database_holds_dates_amounts_and_one_active_commitment(db_url):
    db = Database(db_url)
    try:
        schema.upgrade(db.engine)
        office = F.make_office(db)
        vid = F.hakiki_vacancy(db, office.tabika, office.s17)
        pid = F.appoint(db, F.psh_form(vid, F.candidate(db, vid)))
        now = sa.func.current_timestamp()
        bad = [
            ("UPDATE psh_appointment SET end_date = :d WHERE id = :id",
             dict(d=date(2026, 3, 1), id=pid)),
            ("UPDATE psh_appointment SET ended_on = :d WHERE id = :id",
             dict(d=date(2026, 6, 1), id=pid)),
            ("UPDATE allocation_entry SET amount = 0", {}),
            ("UPDATE allocation_commitment SET spent = -1", {}),
        ]
        for statement, values in bad:
            with pytest.raises(IntegrityError), db.engine.begin() as conn:
                conn.execute(sa.text(statement), values)
        commitment = sa.table("allocation_commitment", sa.column("psh_id"), sa.column("year"),
                              sa.column("projected"), sa.column("spent"),
                              sa.column("active", sa.Boolean), sa.column("created_at"),
                              sa.column("updated_at"))
        row = dict(psh_id=pid, year=2026, projected=100, spent=0, active=True)
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.execute(commitment.insert().values(created_at=now, updated_at=now), [row])
        with db.engine.begin() as conn:  # an inactive one beside it is history, allowed
            conn.execute(commitment.insert().values(created_at=now, updated_at=now),
                         [{**row, "active": False}])
    finally:
        db.dispose()
