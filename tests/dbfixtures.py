"""Database fixtures for service tests, reusable in any test folder.

Each test gets a fresh database: a SQLite file in its ``tmp_path``, and also (the test is
parametrized) a new database on the PostgreSQL server named by ``ISITUGAS_TEST_PG_URL``, created
before the test and dropped after it. In a ``conftest.py``::

    from tests.dbfixtures import database_fixture, url_fixture

    db = database_fixture()          # an open, migrated Database named "db"
    db_url = url_fixture()           # just the URL of an empty database, for migration tests
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy.engine import make_url

PG_ENV = "ISITUGAS_TEST_PG_URL"
SQLITE, POSTGRESQL = "sqlite", "postgresql"


def backends() -> list[str]:
    """SQLite always; PostgreSQL too when the environment names a server."""
    return [SQLITE, POSTGRESQL] if os.environ.get(PG_ENV) else [SQLITE]


def _libpq(url) -> str:
    """A URL psycopg understands (no SQLAlchemy driver suffix)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def fresh_pg_database(server_url: str) -> Iterator[str]:
    """CREATE a uniquely named database on the server, yield its URL, DROP it afterwards."""
    import psycopg

    server = make_url(server_url.replace("postgres://", "postgresql://", 1))
    name = "isitugas_test_" + uuid.uuid4().hex[:16]
    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _libpq(server.set(database=name))
    finally:
        with psycopg.connect(_libpq(server), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def fresh_url(backend: str, tmp_path) -> Iterator[str]:
    """The URL of a new, empty database of ``backend``."""
    if backend == SQLITE:
        yield str(tmp_path / "test.sqlite")
    elif backend == POSTGRESQL:
        with fresh_pg_database(os.environ[PG_ENV]) as url:
            yield url
    else:
        raise AssertionError(f"unknown backend {backend}")


def url_fixture(name: str = "db_url"):
    """A fixture yielding the URL of a fresh, empty (not migrated) database per backend."""

    @pytest.fixture(name=name, params=backends())
    def _url(request, tmp_path):
        with fresh_url(request.param, tmp_path) as url:
            yield url

    return _url


def database_fixture(name: str = "db"):
    """A fixture yielding an open :class:`~desktop.models.Database`, migrated to head, per
    backend; disposed (and on PostgreSQL dropped) after the test."""

    @pytest.fixture(name=name, params=backends())
    def _db(request, tmp_path):
        from desktop.services.database import open_database

        with fresh_url(request.param, tmp_path) as url:
            database = open_database(url)
            try:
                yield database
            finally:
                database.dispose()

    return _db
