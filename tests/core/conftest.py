import pytest

from desktop.services.database import open_database


@pytest.fixture
def db(tmp_path):
    database = open_database(str(tmp_path / "t.sqlite"))
    yield database
    database.dispose()
