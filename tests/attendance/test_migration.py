"""Migration 0006 (attendance, office holidays, duty trips): up from 0005 with data, down,
up again; the database's own checks hold on SQLite and PostgreSQL alike."""

from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from desktop.models import Base, Database
from desktop.services import attendance as A
from desktop.services import claims as C
from desktop.services import office_holidays as H
from desktop.services import schema
from desktop.services.unit import perform

from . import factories as F

NEW_TABLES = {"office_holiday", "absence", "duty_trip"}


def tables(engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def fill(db) -> F.May:
    may = F.make_may(db)
    perform(db, H.add_office_holiday, F.OFFICE_HOLIDAY, "Hari Keluarga")
    perform(db, A.set_absence, may.aminah, date(2026, 5, 4))
    perform(db, C.add_trip, C.DutyTripForm(may.aminah, date(2026, 5, 12), "Kursus", "12",
                                           "85.5"))
    return may


def test_round_trip_keeps_the_older_data(db_url, lampiran_a):
    db = Database(db_url)
    try:
        schema.upgrade(db.engine)
        assert schema.current_revision(db.engine) == schema.head_revision()
        fill(db)
        assert [count(db.engine, t) for t in sorted(NEW_TABLES)] == [1, 1, 1]

        schema.downgrade(db.engine, "0005")
        assert schema.current_revision(db.engine) == "0005"
        assert not NEW_TABLES & tables(db.engine)
        assert count(db.engine, "psh_appointment") == 3

        schema.upgrade(db.engine)
        assert tables(db.engine) >= NEW_TABLES
        assert count(db.engine, "absence") == 0
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        schema.downgrade(db.engine, "base")
        assert tables(db.engine) <= {"alembic_version"}
    finally:
        db.dispose()


def test_the_database_holds_its_own_checks(db_url, lampiran_a):
    db = Database(db_url)
    try:
        schema.upgrade(db.engine)
        may = fill(db)
        bad = [
            ("INSERT INTO office_holiday (day, name, created_at) VALUES (:d, 'x', CURRENT_TIMESTAMP)",
             dict(d=F.OFFICE_HOLIDAY)),
            ("INSERT INTO absence (psh_id, day, kind, note, created_at) "
             "VALUES (:p, :d, 'FULL', '', CURRENT_TIMESTAMP)", dict(p=may.aminah, d=date(2026, 5, 4))),
            ("INSERT INTO absence (psh_id, day, kind, note, created_at) "
             "VALUES (:p, :d, 'SAKIT', '', CURRENT_TIMESTAMP)", dict(p=may.aminah, d=date(2026, 5, 5))),
            ("INSERT INTO absence (psh_id, day, kind, note, created_at) "
             "VALUES (:p, :d, 'FULL', '', CURRENT_TIMESTAMP)", dict(p=999, d=date(2026, 5, 5))),
            ("UPDATE duty_trip SET minutes_away = -1", {}),
            ("UPDATE duty_trip SET km_tenths = -1", {}),
            ("UPDATE duty_trip SET amount = -1", {}),
        ]
        for statement, values in bad:
            with pytest.raises(IntegrityError), db.engine.begin() as conn:
                conn.execute(sa.text(statement), values)
        # the same rows, made good, are accepted: the checks above failed for their reason
        good = [
            ("INSERT INTO office_holiday (day, name, created_at) "
             "VALUES (:d, 'x', CURRENT_TIMESTAMP)", dict(d=date(2026, 5, 12))),
            ("INSERT INTO absence (psh_id, day, kind, note, created_at) "
             "VALUES (:p, :d, 'HALF', '', CURRENT_TIMESTAMP)",
             dict(p=may.aminah, d=date(2026, 5, 5))),
            ("UPDATE duty_trip SET minutes_away = 0, km_tenths = 0, amount = 0", {}),
        ]
        with db.engine.begin() as conn:
            for statement, values in good:
                conn.execute(sa.text(statement), values)
    finally:
        db.dispose()
