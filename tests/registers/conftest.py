"""Every register test runs on SQLite and, when ISITUGAS_TEST_PG_URL is set, on PostgreSQL."""

from tests.dbfixtures import database_fixture, url_fixture

db = database_fixture()
db_url = url_fixture()
