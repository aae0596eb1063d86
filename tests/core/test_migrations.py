"""Migrations: from empty to head, round trip, and a file from a newer app left untouched."""

import hashlib

import pytest
from sqlalchemy import inspect, text

from desktop.models import Base, Database
from desktop.services import schema
from desktop.services.database import Unsound, open_database


def test_upgrade_from_empty_creates_every_model_table(tmp_path):
    db = open_database(str(tmp_path / "a.sqlite"))
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert schema.current_revision(db.engine) == schema.head_revision()
    db.dispose()


def test_round_trip_down_to_base_and_up_again(tmp_path):
    db = Database(str(tmp_path / "b.sqlite"))
    schema.upgrade(db.engine)
    schema.downgrade(db.engine, "base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    schema.upgrade(db.engine)
    assert schema.current_revision(db.engine) == schema.head_revision()
    db.dispose()


def test_models_and_migrations_agree(tmp_path):
    """Autogenerate finds nothing to do: every model change has its migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = open_database(str(tmp_path / "c.sqlite"))
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    db.dispose()


def test_newer_schema_is_refused_without_touching_the_file(tmp_path):
    path = tmp_path / "newer.sqlite"
    db = open_database(str(path))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(Unsound) as info:
        open_database(str(path))
    assert "lebih baharu" in info.value.message("ms")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_sqlite_pragmas(tmp_path):
    db = open_database(str(tmp_path / "p.sqlite"))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.dispose()


def test_garbage_file_is_unsound(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 200)
    with pytest.raises(Unsound) as info:
        open_database(str(bad))
    assert "bukan pangkalan data" in info.value.message("ms")
