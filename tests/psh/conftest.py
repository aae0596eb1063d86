"""A fresh migrated database per test: SQLite, and PostgreSQL too when ISITUGAS_TEST_PG_URL
names a server (tests/dbfixtures.py)."""

import pytest

from tests.dbfixtures import database_fixture, url_fixture

from . import factories as F

db = database_fixture()
db_url = url_fixture()


@pytest.fixture
def office(db) -> F.Office:
    """A Selangor office with a Tabika and a Taska, grades S11, S17, S22 and S27, and an
    OS29000 allocation of RM 50,000.00 for 2026."""
    return F.make_office(db)
