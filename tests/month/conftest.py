from tests.dbfixtures import database_fixture

db = database_fixture()
