"""The Sandaran page, start-up recovery and the window's lock on its database file."""

from __future__ import annotations

import pytest

from desktop.services import backup, db_lock
from desktop.services.office import OfficeInfo, get_office, save_office
from tests.reliability.backup_fixtures import damage, make_db, office_name, set_revision

pytestmark = pytest.mark.gui


def rename_office(ops, name: str) -> None:
    ops.run(save_office, OfficeInfo(code="JPNIN-SGR", name=name, state="SGR"))


def test_backup_now_lists_the_new_backup_as_sound(window):
    page = window.open_page("backup")
    assert page.table.rowCount() == 0
    path = page.backup_now()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 1).text() == "Manual"
    assert page.table.item(0, 3).text() == "Sihat"
    assert page.table.item(0, 4).text() == path.name
    assert path.name in page.last_box.text()
    assert not page.restore_button.isEnabled()  # nothing selected yet
    page.table.selectRow(0)
    assert page.restore_button.isEnabled()


def test_a_damaged_backup_is_shown_and_cannot_be_restored(window):
    page = window.open_page("backup")
    damage(page.backup_now())
    page.refresh()
    page.table.selectRow(0)
    assert page.table.item(0, 3).text() == "Rosak"
    assert not page.restore_button.isEnabled()


def test_restore_asks_first_then_replaces_the_file_and_asks_for_a_restart(window, monkeypatch,
                                                                          qtbot):
    page = window.open_page("backup")
    ops = page.ops
    page.backup_now()
    rename_office(ops, "Nama Selepas Sandaran")
    page.refresh()
    page.table.selectRow(0)
    asked = []
    monkeypatch.setattr(page, "confirm", lambda text: asked.append(text) or False)
    assert not page.restore_selected()  # declined: nothing happens
    assert ops.query(get_office).name == "Nama Selepas Sandaran"
    monkeypatch.setattr(page, "confirm", lambda text: asked.append(text) or True)
    with qtbot.waitSignal(page.restored):
        assert page.restore_selected()
    assert len(asked) == 2 and "disandarkan dahulu" in asked[1]
    assert office_name(backup.database_file(ops.database_url)) == "JPNIN Negeri Selangor"
    assert "mulakan semula" in page.last_box.text()
    page.refresh()
    # both taken within the test's second or two: compared without their order
    assert sorted(page.table.item(r, 1).text() for r in range(page.table.rowCount())) == [
        "Manual", "Sebelum pemulihan"]


def test_postgresql_page_names_the_server_tools(qtbot):
    from desktop.views.backup_page import BackupPage
    from desktop.views.operations import Operations

    class PgDatabase:
        url = "postgresql+psycopg://u@server/isitugas"

        def display_name(self):
            return self.url

    page = BackupPage(Operations(PgDatabase()))
    qtbot.addWidget(page)
    assert "pg_dump" in page.note.text() and "pg_restore" in page.note.text()
    assert not page.backup_button.isEnabled() and page.table.rowCount() == 0


# ---------------------------------------------------------------- start-up recovery

@pytest.fixture
def dialogs(monkeypatch):
    """The recovery dialogs, answered by the test: errors are recorded, the question answered
    with ``said['answer']``."""
    from desktop.views import recovery_dialog

    said = {"errors": [], "questions": [], "answer": True}
    monkeypatch.setattr(recovery_dialog, "show_error",
                        lambda parent, text: said["errors"].append(text))

    def ask(parent, problem, row, lang="ms"):
        said["questions"].append((problem, row))
        return said["answer"]

    monkeypatch.setattr(recovery_dialog, "ask_restore", ask)
    return said


def opener(path):
    from desktop.services.database import open_database

    return lambda: open_database(str(path))


def test_a_damaged_file_is_restored_from_the_newest_sound_backup(tmp_path, dialogs, qapp):
    from desktop.views.recovery_dialog import open_with_recovery

    path = make_db(tmp_path / "office.sqlite", "Pejabat Asal")
    saved = backup.take_backup(str(path), backup.MANUAL)
    damage(path)
    db = open_with_recovery(opener(path), str(path))
    assert db is not None
    db.dispose()
    assert dialogs["errors"] == []
    problem, row = dialogs["questions"][0]
    assert row.path == saved and ("rosak" in problem or "bukan pangkalan data" in problem)
    assert office_name(path) == "Pejabat Asal"


def test_declining_the_restore_leaves_the_file_alone(tmp_path, dialogs, qapp):
    from desktop.views.recovery_dialog import open_with_recovery

    path = make_db(tmp_path / "office.sqlite")
    backup.take_backup(str(path), backup.MANUAL)
    damage(path)
    before = path.read_bytes()
    dialogs["answer"] = False
    assert open_with_recovery(opener(path), str(path)) is None
    assert path.read_bytes() == before


def test_no_sound_backup_is_said_in_malay(tmp_path, dialogs, qapp):
    from desktop.views.recovery_dialog import open_with_recovery

    path = make_db(tmp_path / "office.sqlite")
    damage(path)
    assert open_with_recovery(opener(path), str(path)) is None
    assert dialogs["questions"] == []
    assert "Tiada sandaran yang sihat ditemui." in dialogs["errors"][0]


def test_a_file_from_a_newer_app_is_refused_untouched_without_an_offer(tmp_path, dialogs, qapp):
    from desktop.views.recovery_dialog import open_with_recovery

    path = make_db(tmp_path / "office.sqlite")
    backup.take_backup(str(path), backup.MANUAL)
    set_revision(path, "9999")
    before = path.read_bytes()
    assert open_with_recovery(opener(path), str(path)) is None
    assert dialogs["questions"] == []
    assert "versi IsiTugas yang lebih baharu" in dialogs["errors"][0]
    assert path.read_bytes() == before


# ---------------------------------------------------------------- two copies

def test_a_second_window_on_the_same_file_is_refused(tmp_path, monkeypatch, qapp):
    from desktop import app
    from desktop.cli import build_parser

    path = make_db(tmp_path / "office.sqlite")
    shown = []
    from desktop.views import startup  # where the start-up tells it

    monkeypatch.setattr(startup.QMessageBox, "critical",
                        lambda parent, title, text: shown.append(text))
    first = db_lock.acquire(str(path), "tetingkap IsiTugas")
    try:
        assert app.run_app(build_parser().parse_args(["--db", str(path)])) == 1
    finally:
        first.release()
    assert shown and shown[0].startswith("Pangkalan data ini sedang dibuka oleh ")
    lock = app.take_lock(str(path))
    assert lock.held  # free again once the first one let go
    lock.release()
