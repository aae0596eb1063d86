import pytest

from desktop.services.database import open_database


@pytest.fixture
def db(tmp_path):
    database = open_database(str(tmp_path / "t.sqlite"))
    yield database
    database.dispose()


@pytest.fixture
def make_db(tmp_path):
    """Fresh databases on demand (for comparing two fills)."""
    made = []

    def make(name: str):
        database = open_database(str(tmp_path / f"{name}.sqlite"))
        made.append(database)
        return database

    yield make
    for database in made:
        database.dispose()
