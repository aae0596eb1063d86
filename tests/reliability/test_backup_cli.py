"""`isitugas backup`, `restore` and `check` with backups; writers refused while the file is
held by the window (the lock of desktop.services.db_lock)."""

from __future__ import annotations

import pytest

from desktop.__main__ import main
from desktop.services import backup, db_lock
from tests.reliability.backup_fixtures import damage, make_db, office_name, set_office

PG_URL = "postgresql://isitugas:secret@server.example/isitugas"


def test_backup_goes_to_the_backup_folder_by_default(tmp_path, capsys):
    path = make_db(tmp_path / "office.sqlite", "Pejabat A")
    assert main(["--db", str(path), "backup"]) == 0
    rows = backup.backups_of(str(path))
    assert [r.reason for r in rows] == ["manual"] and rows[0].sound
    assert f"Sandaran ditulis: {rows[0].path}" in capsys.readouterr().out


def test_backup_to_a_named_file_or_folder(tmp_path, capsys):
    path = make_db(tmp_path / "office.sqlite", "Pejabat A")
    out = tmp_path / "usb" / "salinan.sqlite"
    assert main(["--db", str(path), "--lang", "en", "backup", "--out", str(out)]) == 0
    assert f"Backup written: {out}" in capsys.readouterr().out
    assert backup.is_sound(out) and office_name(out) == "Pejabat A"
    assert main(["--db", str(path), "backup", "--out", str(tmp_path / "usb")]) == 0
    names = sorted(p.name for p in (tmp_path / "usb").iterdir())
    assert len(names) == 2 and names[0].startswith("office-manual-")
    assert not (tmp_path / "sandaran").exists()  # only where the user said


def test_restore_replaces_the_file_and_says_where_the_old_one_went(tmp_path, capsys):
    from desktop.services.database import open_database

    path = make_db(tmp_path / "office.sqlite", "Sebelum")
    saved = tmp_path / "saved.sqlite"
    assert main(["--db", str(path), "backup", "--out", str(saved)]) == 0
    db = open_database(str(path))
    set_office(db, "Selepas")
    db.dispose()
    capsys.readouterr()
    assert main(["--db", str(path), "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert f"Dipulihkan daripada {saved}." in out and "office-pre-restore-" in out
    assert office_name(path) == "Sebelum"


def test_restore_of_a_bad_file_exits_1_in_malay(tmp_path, capsys):
    path = make_db(tmp_path / "office.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00junk" * 1000)
    before = path.read_bytes()
    assert main(["--db", str(path), "restore", str(bad)]) == 1
    assert "tiada apa-apa diubah" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_check_names_the_newest_sound_backup_of_a_damaged_file(tmp_path, capsys):
    path = make_db(tmp_path / "office.sqlite")
    assert main(["--db", str(path), "backup"]) == 0
    saved = backup.backups_of(str(path))[0].path
    damage(path)
    capsys.readouterr()
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert f"Sandaran sihat terbaru: {saved}" in err
    assert f"restore {saved}" in err


def test_check_says_when_there_is_no_backup(tmp_path, capsys):
    path = make_db(tmp_path / "office.sqlite")
    damage(path)
    assert main(["--db", str(path), "--lang", "en", "check"]) == 1
    assert "No sound backup in" in capsys.readouterr().err


@pytest.mark.parametrize("command", [
    ["demo"], ["close-month", "2026-04"], ["import-register", "x.xlsx"], ["restore", "x.sqlite"],
])
def test_writing_commands_are_refused_while_the_window_holds_the_file(tmp_path, capsys,
                                                                       command):
    path = make_db(tmp_path / "office.sqlite", "Tetap")
    before = path.read_bytes()
    lock = db_lock.acquire(str(path), "tetingkap IsiTugas")
    try:
        assert main(["--db", str(path), *command]) == 1
    finally:
        lock.release()
    err = capsys.readouterr().err
    assert "Pangkalan data ini sedang dibuka oleh" in err and "tetingkap IsiTugas" in err
    assert path.read_bytes() == before


def test_reading_commands_still_run_while_the_window_holds_the_file(tmp_path):
    path = make_db(tmp_path / "office.sqlite")
    lock = db_lock.acquire(str(path), "tetingkap IsiTugas")
    try:
        assert main(["--db", str(path), "check"]) == 0
        assert main(["--db", str(path), "backup"]) == 0
    finally:
        lock.release()


def test_postgresql_backup_and_restore_name_the_server_tools(tmp_path, capsys):
    assert main(["--db", PG_URL, "backup"]) == 1
    assert "pg_dump" in capsys.readouterr().err
    assert main(["--db", PG_URL, "--lang", "en", "restore", str(tmp_path / "x.dump")]) == 1
    assert "pg_restore" in capsys.readouterr().err
