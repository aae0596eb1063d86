"""Fixtures of the acting and gantian tests: a fresh database per test on SQLite and, when
ISITUGAS_TEST_PG_URL is set, on PostgreSQL; a filled honorarium table when a test asks."""

import pytest
from sqlalchemy import func, select

from desktop.models import (
    ActingAssignment,
    ActingInterruption,
    AuditRecord,
    GantianAppointment,
    Vacancy,
    VacancyStep,
)
from desktop.paths import resource
from desktop.rules import rates
from tests.dbfixtures import database_fixture, url_fixture

from . import factories as F

db = database_fixture()
db_url = url_fixture()

COUNTED = (ActingAssignment, ActingInterruption, GantianAppointment, Vacancy, VacancyStep,
           AuditRecord)

# The administrator's honorarium table as a test fills it (the shipped one is empty).
GANTIAN_ROWS = '''
[[table]]
effective_from = 2016-06-16
rows = [
  { grade = "S17", per = "HARI", amount = "60.00" },
  { grade = "S22", per = "BULAN", amount = "1200.00" },
]
'''


@pytest.fixture
def counts(db):
    """``counts()`` -> rows of every table these services write, and of the audit log."""

    def _counts() -> dict[str, int]:
        with db.session() as s:
            return {m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one()
                    for m in COUNTED}

    return _counts


@pytest.fixture
def rates_dir(tmp_path, monkeypatch):
    """A copy of resources/rates that a test may change; the loader reads it instead."""
    folder = tmp_path / "rates"
    folder.mkdir()
    for file in resource("rates/psh.toml").parent.iterdir():
        if file.is_file():
            (folder / file.name).write_bytes(file.read_bytes())

    def copied(rel):
        path = tmp_path / rel
        if not path.is_file():
            raise FileNotFoundError(rel)
        return path

    monkeypatch.setattr(rates, "resource", copied)
    rates.clear_cache()
    yield folder
    rates.clear_cache()


@pytest.fixture
def gantian_rates(rates_dir):
    """The honorarium table filled: S17 RM60.00 a working day, S22 RM1,200.00 a month."""
    path = rates_dir / "gantian.toml"
    path.write_text('title = "bayaran saguhati pegawai gantian"\n' + GANTIAN_ROWS,
                    encoding="utf-8")
    rates.clear_cache()
    return path


@pytest.fixture
def world(db):
    """The Selangor office of :func:`factories.build_world`."""
    return F.build_world(db)
