"""Migration 0005 on SQLite and PostgreSQL: up, down to the revision before it, up again; the
database agrees with the models; its check constraints hold in the database itself."""

from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import IntegrityError

from desktop.models import (
    ActingAssignment,
    Base,
    Database,
    FillingStatus,
    GantianAppointment,
    Vacancy,
)
from desktop.services import schema

from . import factories as F
from .factories import acting_form, assign

NEW_TABLES = {"acting_assignment", "acting_interruption", "gantian_appointment"}


def tables(engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def before_0005() -> str:
    """The revision 0005 follows (whatever the chain's order when merged)."""
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS))
    return ScriptDirectory.from_config(config).get_revision("0005").down_revision


def vacancies(db) -> int:
    with db.session() as s:
        return s.execute(sa.select(sa.func.count()).select_from(Vacancy)).scalar_one()


def test_up_down_and_up_again_keeps_the_other_tables(db_url):
    db = Database(db_url)
    try:
        schema.upgrade(db.engine)
        assert tables(db.engine) >= NEW_TABLES
        world = F.build_world(db)
        aid = assign(db, acting_form(world.taska_s27, world.aminah))
        assert aid == 1
        kept = vacancies(db)

        schema.downgrade(db.engine, before_0005())
        assert not NEW_TABLES & tables(db.engine)
        assert schema.current_revision(db.engine) == before_0005()
        assert vacancies(db) == kept  # the registers and vacancies are untouched

        schema.upgrade(db.engine)
        assert tables(db.engine) >= NEW_TABLES
        assert schema.current_revision(db.engine) == schema.head_revision()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            count = conn.execute(sa.text("SELECT COUNT(*) FROM acting_assignment")).scalar_one()
        assert diff == [] and count == 0
    finally:
        db.dispose()


def _row(model, world, **dates):
    common = dict(vacancy_id=world.tabika_s17, status=FillingStatus.ACTIVE, end_reason="",
                  approval_ref="X", approval_date=date(2026, 3, 1))
    if model is ActingAssignment:
        common.update(staff_id=world.aminah, grade_id=world.s17, instruction_ref="X",
                      instruction_date=date(2026, 3, 1), authority="KP")
    else:
        common.update(name="A", mykad="900505105566", grade_code="S17", per="HARI",
                      amount="60.00")
    return model(**common, **dates)


@pytest.mark.parametrize("model", [ActingAssignment, GantianAppointment])
@pytest.mark.parametrize("dates", [
    dict(start=date(2026, 3, 16), end=date(2026, 3, 15)),  # end before start
    dict(start=date(2026, 3, 16), end=date(2026, 3, 31), ended_on=date(2026, 4, 1)),
    dict(start=date(2026, 3, 16), end=date(2026, 3, 31), ended_on=date(2026, 3, 15)),
])
def test_the_database_refuses_dates_out_of_order(db_url, model, dates):
    db = Database(db_url)
    try:
        schema.upgrade(db.engine)
        world = F.build_world(db)
        with pytest.raises(IntegrityError), db.session() as s:
            s.add(_row(model, world, **dates))
            s.flush()
        with db.session() as s:  # the same row with its dates in order is accepted
            s.add(_row(model, world, start=date(2026, 3, 16), end=date(2026, 3, 31),
                       ended_on=date(2026, 3, 31)))
    finally:
        db.dispose()
