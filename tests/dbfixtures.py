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
from collections.abc import Callable, Iterator
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


def _server(server_url: str):
    return make_url(server_url.replace("postgres://", "postgresql://", 1))


# Databases built once per test session (migrated, or with the demo office) and copied by
# CREATE DATABASE ... TEMPLATE, a file copy on the server: far faster than migrating or
# filling each test's database again.
_TEMPLATES: dict[str, str] = {}


def pg_template(server_url: str, key: str, build: Callable[[str], None]) -> str:
    """The name of the session's template database ``key``, built by ``build(url)`` on first
    use (``build`` must leave no connection open)."""
    import psycopg

    if key not in _TEMPLATES:
        server = _server(server_url)
        name = "isitugas_tpl_" + uuid.uuid4().hex[:12]
        with psycopg.connect(_libpq(server), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        _TEMPLATES[key] = name
        build(_libpq(server.set(database=name)))
    return _TEMPLATES[key]


def drop_pg_templates(server_url: str) -> None:
    import psycopg

    with psycopg.connect(_libpq(_server(server_url)), autocommit=True) as conn:
        for name in _TEMPLATES.values():
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _TEMPLATES.clear()


def _migrated(url: str) -> None:
    from desktop.services.database import open_database

    open_database(url).dispose()


@contextmanager
def fresh_pg_database(server_url: str, template: str | None = None) -> Iterator[str]:
    """CREATE a uniquely named database on the server (a copy of ``template`` if given), yield
    its URL, DROP it afterwards."""
    import psycopg

    server = _server(server_url)
    name = "isitugas_test_" + uuid.uuid4().hex[:16]
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"{copy}')
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


@contextmanager
def migrated_url(backend: str, tmp_path) -> Iterator[str]:
    """Like :func:`fresh_url`, but on PostgreSQL a copy of the session's migrated template
    (SQLite files are migrated by ``open_database`` itself, which is quick)."""
    if backend == POSTGRESQL:
        server = os.environ[PG_ENV]
        with fresh_pg_database(server, pg_template(server, "migrated", _migrated)) as url:
            yield url
    else:
        with fresh_url(backend, tmp_path) as url:
            yield url


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

        with migrated_url(request.param, tmp_path) as url:
            database = open_database(url)
            try:
                yield database
            finally:
                database.dispose()

    return _db
