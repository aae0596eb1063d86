"""Every register test runs on SQLite and, when ISITUGAS_TEST_PG_URL is set, on PostgreSQL."""

import pytest
from sqlalchemy import func, select

from desktop.models import (
    AuditRecord,
    Grade,
    GradeSalary,
    Post,
    PostIncumbency,
    Premises,
    Staff,
)
from tests.dbfixtures import database_fixture, url_fixture

db = database_fixture()
db_url = url_fixture()

COUNTED = (Premises, Grade, GradeSalary, Staff, Post, PostIncumbency, AuditRecord)


@pytest.fixture
def counts(db):
    """``counts()`` -> rows in every register table and the audit log, to show that a refused
    action saved nothing."""

    def _counts() -> dict[str, int]:
        with db.session() as s:
            return {m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one()
                    for m in COUNTED}

    return _counts


@pytest.fixture
def last_audit(db):
    """``last_audit()`` -> the newest audit record (detached, fields loaded)."""

    def _last() -> AuditRecord:
        with db.session() as s:
            return s.execute(select(AuditRecord).order_by(AuditRecord.id.desc())).scalars().first()

    return _last
