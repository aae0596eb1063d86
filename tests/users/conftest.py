"""A fresh migrated database per test: SQLite, and PostgreSQL too when ISITUGAS_TEST_PG_URL
names a server (tests/dbfixtures.py)."""

from tests.dbfixtures import database_fixture

db = database_fixture()
