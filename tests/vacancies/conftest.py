"""A fresh database per test: a SQLite file, and also a fresh PostgreSQL database when
ISITUGAS_TEST_PG_URL is set (created for the test, dropped after it)."""

import os
import uuid

import pytest
from sqlalchemy.engine import make_url

from desktop.services.database import open_database

PG_URL = os.environ.get("ISITUGAS_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _pg_admin():
    import psycopg

    url = make_url(PG_URL).set(drivername="postgresql")
    return psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)


@pytest.fixture
def pg_database():
    """The URL of a new, empty PostgreSQL database; dropped when the test ends."""
    name = "isitugas_t_" + uuid.uuid4().hex[:12]
    with _pg_admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with _pg_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "t.sqlite")
    else:
        yield request.getfixturevalue("pg_database")


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    database.dispose()
