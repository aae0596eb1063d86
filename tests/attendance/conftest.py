"""A fresh migrated database per test (SQLite, and PostgreSQL when ISITUGAS_TEST_PG_URL names
a server), the May 2026 office of the attendance tests, and a copy of the rate tables a test
may fill."""

import pytest

from tests.dbfixtures import database_fixture, url_fixture

from . import factories as F

db = database_fixture()
db_url = url_fixture()


@pytest.fixture
def may(db) -> F.May:
    """A Selangor office; PSH Aminah at a Selangor Tabika (2 March to 29 May 2026) and PSH
    Badrul at a Kedah Tabika (6 May to 5 August 2026), both paid RM54.00 a day (SPM)."""
    return F.make_may(db)


@pytest.fixture
def lampiran_a(rates_dir):
    """Lampiran A filled with illustrative rates (the real ones are not public)."""
    F.fill_lampiran_a(rates_dir)
    return rates_dir


@pytest.fixture
def locked_may(monkeypatch):
    """May 2026 closed, as the month-close service will say through services.month_lock."""
    from desktop.services import month_lock

    monkeypatch.setattr(month_lock, "is_month_locked",
                        lambda session, year, month: (year, month) == (2026, 5))
