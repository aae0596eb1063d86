"""Backups, restore and recovery of the SQLite file (services only, real files in tmp_path)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from desktop.rules import Refused
from desktop.services import backup, schema
from desktop.services.database import Unsound, open_database
from tests.reliability.backup_fixtures import (
    damage,
    make_db,
    office_name,
    raw_office_name,
    set_office,
    set_revision,
)

PG_URL = "postgresql://isitugas:secret@server.example/isitugas"


def codes(info) -> set[str]:
    return {v.code for v in info.value.violations}


def journal_mode(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


# ---------------------------------------------------------------- the copy

def test_backup_of_a_live_database_holds_its_uncheckpointed_changes(tmp_path):
    path = make_db(tmp_path / "office.sqlite", "Nama Lama")
    db = open_database(str(path))
    try:
        set_office(db, "Nama Baharu")  # committed into the -wal while the engine is open
        assert (tmp_path / "office.sqlite-wal").exists()
        out = backup.backup_sqlite(db, tmp_path / "copy.sqlite")
    finally:
        db.dispose()
    assert out == tmp_path / "copy.sqlite"
    assert raw_office_name(out) == "Nama Baharu"
    assert backup.is_sound(out)
    assert journal_mode(out) == "delete"  # one self-contained file, no -wal beside it
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_backup_of_a_missing_or_damaged_file_is_refused_and_leaves_nothing(tmp_path):
    with pytest.raises(Refused) as info:
        backup.backup_sqlite(tmp_path / "none.sqlite", tmp_path / "out.sqlite")
    assert codes(info) == {"BACKUP_NO_FILE"}
    path = make_db(tmp_path / "office.sqlite")
    damage(path)
    with pytest.raises(Refused) as info:
        backup.backup_sqlite(path, tmp_path / "out.sqlite")
    assert codes(info) <= {"BACKUP_FAILED", "BACKUP_UNSOUND"}
    assert not (tmp_path / "out.sqlite").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["office.sqlite"]


def test_postgresql_is_refused_naming_its_own_tools(tmp_path):
    with pytest.raises(Refused) as info:
        backup.backup_sqlite(PG_URL, tmp_path / "out.sqlite")
    assert codes(info) == {"BACKUP_POSTGRESQL"}
    assert "pg_dump" in info.value.message("ms") and "pg_restore" in info.value.message("en")
    with pytest.raises(Refused) as info:
        backup.restore(PG_URL, make_db(tmp_path / "b.sqlite"))
    assert "pg_restore" in info.value.message("ms")
    with pytest.raises(Refused):
        backup.take_backup(PG_URL, backup.MANUAL)


# ---------------------------------------------------------------- the folder

def test_automatic_backups_are_named_by_database_reason_and_time(tmp_path):
    path = make_db(tmp_path / "isitugas-demo.sqlite")
    other = make_db(tmp_path / "isitugas.sqlite")
    when = datetime(2026, 3, 9, 8, 5, 7)
    first = backup.take_backup(str(path), backup.MANUAL, now=when)
    second = backup.take_backup(str(path), backup.MANUAL, now=when)  # same second
    backup.take_backup(str(other), backup.MANUAL, now=when)
    assert first == tmp_path / "sandaran" / "isitugas-demo-manual-20260309-080507.sqlite"
    assert second.name == "isitugas-demo-manual-20260309-080507-2.sqlite"
    rows = backup.backups_of(str(path))
    # rotation keeps the newest of the day: the second, which the first is then deleted for
    assert [r.path for r in rows] == [second] and not first.exists()
    assert all(r.stem == "isitugas-demo" and r.reason == "manual" and r.taken_at == when
               and r.sound and r.size == r.path.stat().st_size for r in rows)
    assert rows[0].reason_text("ms") == "Manual"
    assert len(backup.list_backups(tmp_path / "sandaran")) == 2  # one of each database


def test_backup_folder_may_be_named_by_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(backup.FOLDER_ENV, str(tmp_path / "elsewhere"))
    path = make_db(tmp_path / "office.sqlite")
    out = backup.take_backup(str(path), backup.MANUAL)
    assert out.parent == tmp_path / "elsewhere"
    assert not (tmp_path / "sandaran").exists()


def test_startup_backup_at_most_once_a_day(tmp_path):
    path = make_db(tmp_path / "office.sqlite")
    db = open_database(str(path))
    try:
        morning = backup.startup_backup(db, now=datetime(2026, 3, 9, 8, 0, 0))
        noon = backup.startup_backup(db, now=datetime(2026, 3, 9, 12, 0, 0))
        tomorrow = backup.startup_backup(db, now=datetime(2026, 3, 10, 8, 0, 0))
    finally:
        db.dispose()
    assert morning is not None and noon is None and tomorrow is not None
    assert [r.reason for r in backup.backups_of(str(path))] == ["startup", "startup"]


def test_newest_sound_backup_skips_a_damaged_newer_one(tmp_path):
    path = make_db(tmp_path / "office.sqlite")
    good = backup.take_backup(str(path), backup.MANUAL, now=datetime(2026, 3, 1, 9, 0, 0))
    bad = backup.take_backup(str(path), backup.MANUAL, now=datetime(2026, 3, 2, 9, 0, 0))
    damage(bad)
    rows = backup.backups_of(str(path))
    assert [(r.path, r.sound) for r in rows] == [(bad, False), (good, True)]
    assert backup.newest_sound_backup_of(str(path)).path == good


def test_upgrade_of_an_older_file_is_preceded_by_a_backup_of_it(tmp_path):
    path = make_db(tmp_path / "office.sqlite")
    db = open_database(str(path))
    schema.downgrade(db.engine, "0006")
    db.dispose()
    open_database(str(path)).dispose()  # upgrades 0006 -> head
    rows = backup.backups_of(str(path))
    assert [r.reason for r in rows] == ["migration"]
    conn = sqlite3.connect(rows[0].path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0006"
    conn.close()
    open_database(str(path)).dispose()  # already at head: no second backup
    assert len(backup.backups_of(str(path))) == 1


def test_a_new_file_and_a_newer_file_get_no_migration_backup(tmp_path):
    open_database(str(tmp_path / "new.sqlite")).dispose()
    assert backup.backups_of(str(tmp_path / "new.sqlite")) == []
    path = make_db(tmp_path / "office.sqlite")
    set_revision(path, "9999")
    before = path.read_bytes()
    with pytest.raises(Unsound) as info:
        open_database(str(path))
    assert info.value.kind == Unsound.NEWER
    assert path.read_bytes() == before
    assert not (tmp_path / "sandaran").exists()


def test_month_close_is_preceded_by_a_backup_and_a_refused_close_makes_none(tmp_path):
    from desktop.services.month import close_month
    from desktop.services.unit import perform

    path = tmp_path / "office.sqlite"
    db = open_database(str(path))
    try:
        with pytest.raises(Refused):  # no office yet: the close is refused before any backup
            perform(db, close_month, 2026, 4)
        assert backup.backups_of(db) == []
        set_office(db, "JPNIN Negeri Selangor")
        perform(db, close_month, 2026, 4)
    finally:
        db.dispose()
    rows = backup.backups_of(str(path))
    assert [r.reason for r in rows] == ["month-close"]
    conn = sqlite3.connect(rows[0].path)  # taken before the close was written
    assert conn.execute("SELECT count(*) FROM month_close").fetchone()[0] == 0
    conn.close()


def test_the_month_close_hook_skips_memory_databases():
    from sqlalchemy import create_engine

    assert backup.before_change(create_engine("sqlite://"), backup.MONTH_CLOSE) is None


# ---------------------------------------------------------------- restore

def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(tmp_path):
    path = make_db(tmp_path / "office.sqlite", "Sebelum")
    saved = backup.take_backup(str(path), backup.MANUAL, now=datetime(2026, 3, 1, 9, 0, 0))
    db = open_database(str(path))
    set_office(db, "Selepas")
    db.dispose()
    (tmp_path / "office.sqlite-wal").write_bytes(b"stale")  # left by a crash
    restored = backup.restore(str(path), saved)
    assert restored.revision == schema.head_revision()
    assert not (tmp_path / "office.sqlite-wal").exists()
    assert office_name(path) == "Sebelum"
    assert restored.previous_saved_as is not None
    assert restored.previous_saved_as.name.startswith("office-pre-restore-")
    assert raw_office_name(restored.previous_saved_as) == "Selepas"
    assert saved.exists() and backup.is_sound(saved)  # the backup itself is not consumed


def test_restore_of_an_older_schema_is_upgraded_at_the_next_open(tmp_path):
    old = make_db(tmp_path / "old.sqlite", "Lama")
    db = open_database(str(old))
    schema.downgrade(db.engine, "0006")
    db.dispose()
    path = make_db(tmp_path / "office.sqlite", "Kini")
    assert backup.restore(str(path), old).revision == "0006"
    db = open_database(str(path))
    assert schema.current_revision(db.engine) == schema.head_revision()
    db.dispose()
    assert office_name(path) == "Lama"


@pytest.mark.parametrize("spoil, expected", [
    ("garbage", {"RESTORE_UNREADABLE"}),
    ("damaged", {"RESTORE_UNREADABLE", "RESTORE_UNSOUND"}),
    ("no_schema", {"RESTORE_NOT_ISITUGAS"}),
    ("newer", {"RESTORE_NEWER_SCHEMA"}),
    ("missing", {"RESTORE_NO_FILE"}),
])
def test_restore_refuses_a_bad_file_and_changes_nothing(tmp_path, spoil, expected):
    path = make_db(tmp_path / "office.sqlite", "Tetap")
    candidate = tmp_path / "candidate.sqlite"
    if spoil == "garbage":
        candidate.write_bytes(b"\x00not a database" * 400)
    elif spoil == "damaged":
        make_db(candidate)
        damage(candidate)
    elif spoil == "no_schema":
        conn = sqlite3.connect(candidate)
        conn.execute("CREATE TABLE office (name TEXT)")
        conn.commit()
        conn.close()
    elif spoil == "newer":
        make_db(candidate)
        set_revision(candidate, "9999")
    before = path.read_bytes()
    candidate_before = candidate.read_bytes() if candidate.exists() else None
    with pytest.raises(Refused) as info:
        backup.restore(str(path), candidate)
    assert codes(info) <= expected
    assert info.value.message("ms") != info.value.message("en")  # a Malay message of its own
    assert path.read_bytes() == before
    if candidate_before is not None:
        assert candidate.read_bytes() == candidate_before
    assert not (tmp_path / "sandaran").exists()  # nothing was backed up: nothing changed
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_restore_of_a_damaged_current_file_keeps_a_raw_copy_of_it(tmp_path):
    good = make_db(tmp_path / "good.sqlite", "Baik")
    path = make_db(tmp_path / "office.sqlite")
    damage(path)
    damaged = path.read_bytes()
    with pytest.raises(Unsound) as info:
        open_database(str(path))
    assert info.value.kind in (Unsound.DAMAGED, Unsound.UNREADABLE)
    restored = backup.restore(str(path), good)
    assert restored.previous_saved_as.read_bytes() == damaged
    assert office_name(path) == "Baik"
