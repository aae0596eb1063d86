"""Import tests run on SQLite and, when ISITUGAS_TEST_PG_URL is set, on PostgreSQL."""

import pytest
from sqlalchemy import func, select

from desktop.models import Base
from tests.dbfixtures import database_fixture

db = database_fixture()


@pytest.fixture
def counts(db):
    """``counts()`` -> rows in every table of the schema (the audit log among them), to show
    that a refused import saved nothing at all."""

    def _counts() -> dict[str, int]:
        with db.session() as s:
            return {t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in Base.metadata.sorted_tables}

    return _counts
