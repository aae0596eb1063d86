"""Start-up with the window first (desktop.views.startup, desktop.app.launch): the window is
shown before the database layer is imported, the slow steps run behind it, and every way a
start-up can end (ready, a damaged file, a failed backup, a cancelled login, the window closed
meanwhile, an unexpected error) is handled as before. Another window on the file:
tests/gui/test_backup_page.py, through run_app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.rules import Refused
from desktop.rules.violations import invalid
from desktop.services import backup, db_lock
from tests.reliability.backup_fixtures import damage, make_db, office_name

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def local(db, parent):
    return "ujian"  # a local administrator (unit.as_actor), instead of the login


@pytest.fixture
def sandaran(tmp_path, monkeypatch):
    folder = tmp_path / "sandaran"
    monkeypatch.setenv(backup.FOLDER_ENV, str(folder))
    return folder


def launched(path, qtbot, sign_in=local):
    from desktop.app import ensure_application, launch
    from desktop.cli import build_parser

    ensure_application()
    window, startup = launch(build_parser().parse_args(["--db", str(path)]), sign_in=sign_in)
    qtbot.addWidget(window)
    return window, startup


def test_the_window_shows_at_once_and_fills_when_the_database_is_open(tmp_path, qtbot,
                                                                       sandaran):
    path = make_db(tmp_path / "office.sqlite", "JPNIN Negeri Selangor")
    window, startup = launched(path, qtbot)
    # shown with its menus and a loading panel, before any step has run
    assert window.isVisible() and window.loading.isVisible()
    assert window.sidebar.count() == 0 and window.ops is None
    assert window.db_label.text() == f"Pangkalan data: {path}"
    with qtbot.waitSignal(startup.ready, timeout=30_000):
        startup.start()
    assert window.ops is not None and window.sidebar.count() > 10
    assert window.stack.currentWidget().objectName() == "dashboardPage"
    assert window.office_label.text() == "Pejabat: JPNIN Negeri Selangor"
    assert window.db_label.text() == f"Pangkalan data: {path}"  # the same name once open
    (taken,) = sandaran.iterdir()  # the day's start-up backup, behind the window
    assert taken.name.startswith(f"office-{backup.STARTUP}-")
    startup.release()


def test_the_file_is_locked_while_the_window_holds_it_and_freed_after(tmp_path, qtbot, sandaran):
    path = make_db(tmp_path / "office.sqlite")
    window, startup = launched(path, qtbot)
    with qtbot.waitSignal(startup.ready, timeout=30_000):
        startup.start()
    with pytest.raises(Refused):
        db_lock.acquire(str(path), "ujian")
    startup.release()
    assert startup.db is None
    lock = db_lock.acquire(str(path), "ujian")
    assert lock.held
    lock.release()


def test_the_window_is_shown_before_sqlalchemy_is_imported(tmp_path):
    """In a fresh interpreter: application, window shown, and neither SQLAlchemy, Alembic
    nor the models or services imported yet (they load behind it, in the start-up's worker)."""
    path = make_db(tmp_path / "office.sqlite")
    code = f"""
import json, sys
from desktop.app import ensure_application, install_translator, launch
from desktop.cli import build_parser
app = ensure_application(); install_translator(app, "ms")
w, startup = launch(build_parser().parse_args(["--db", {str(path)!r}]))
app.processEvents()
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic")
               or m.startswith(("desktop.models", "desktop.services")))
print(json.dumps({{"visible": w.isVisible(), "heavy": heavy}}))
import os; os._exit(0)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen == {"visible": True, "heavy": []}


def test_a_damaged_file_is_offered_its_backup_and_then_opens(tmp_path, qtbot, sandaran,
                                                             monkeypatch):
    from desktop.views import recovery_dialog

    path = make_db(tmp_path / "office.sqlite", "Pejabat Asal")
    saved = backup.take_backup(str(path), backup.MANUAL)
    damage(path)
    asked = []
    monkeypatch.setattr(recovery_dialog, "ask_restore",
                        lambda parent, problem, row, lang="ms": asked.append(row.path) or True)
    monkeypatch.setattr(recovery_dialog, "show_error", lambda parent, text: pytest.fail(text))
    window, startup = launched(path, qtbot)
    with qtbot.waitSignal(startup.ready, timeout=30_000):
        startup.start()
    assert asked == [saved]
    assert window.office_label.text() == "Pejabat: Pejabat Asal"
    startup.release()
    assert office_name(path) == "Pejabat Asal"


def test_declining_the_restore_stops_and_leaves_the_file(tmp_path, qtbot, sandaran, monkeypatch):
    from desktop.views import recovery_dialog

    path = make_db(tmp_path / "office.sqlite")
    backup.take_backup(str(path), backup.MANUAL)
    damage(path)
    before = path.read_bytes()
    monkeypatch.setattr(recovery_dialog, "ask_restore", lambda *a, **k: False)
    window, startup = launched(path, qtbot)
    with qtbot.waitSignal(startup.stopped, timeout=30_000) as stopped:
        startup.start()
    assert stopped.args == [1] and path.read_bytes() == before
    startup.release()


def test_a_failed_backup_is_told_and_the_app_goes_on(tmp_path, qtbot, sandaran, monkeypatch):
    from desktop.views import startup as startup_module

    path = make_db(tmp_path / "office.sqlite")

    def full_disk(db):
        raise Refused([invalid("backup", "Cakera penuh.", "Disk full.")])

    monkeypatch.setattr(backup, "startup_backup", full_disk)
    warned = []
    monkeypatch.setattr(startup_module.QMessageBox, "warning",
                        lambda parent, title, text: warned.append(text))
    window, startup = launched(path, qtbot)
    with qtbot.waitSignal(startup.ready, timeout=30_000):
        startup.start()
    assert warned and "Cakera penuh." in warned[0]
    assert window.ops is not None
    startup.release()


def test_a_cancelled_login_ends_the_start_up_quietly(tmp_path, qtbot, sandaran):
    path = make_db(tmp_path / "office.sqlite")
    window, startup = launched(path, qtbot, sign_in=lambda db, parent: None)
    with qtbot.waitSignal(startup.stopped, timeout=30_000) as stopped:
        startup.start()
    assert stopped.args == [0] and window.ops is None
    startup.release()


def test_closing_during_the_start_up_drops_the_late_steps(tmp_path, qtbot, qapp, sandaran):
    path = make_db(tmp_path / "office.sqlite")
    window, startup = launched(path, qtbot)
    startup.start()
    startup.release()  # at once: waits for the step under way, closes what it opened
    assert startup.db is None and startup.lock is None
    qapp.processEvents()  # the finished step's signal (posted before release returned) dropped
    assert window.ops is None and window.sidebar.count() == 0
    lock = db_lock.acquire(str(path), "ujian")
    assert lock.held
    lock.release()


def test_attach_builds_the_dashboard_from_the_figures_read_ahead(tmp_path, qtbot):
    """The start-up reads the first page's figures in its worker; the page is built from
    them as they are, not read again."""
    from dataclasses import replace

    from desktop.app import ensure_application
    from desktop.services.database import open_database
    from desktop.views.dashboard_page import fetch_dashboard
    from desktop.views.main_window import MainWindow
    from desktop.views.operations import Operations

    ensure_application()
    db = open_database(str(make_db(tmp_path / "office.sqlite")))
    try:
        ops = Operations(db, actor="ujian")
        data = fetch_dashboard(ops)
        assert data.summary.total == 0
        ahead = replace(data, summary=replace(data.summary, total=42))
        window = MainWindow(database_name="office.sqlite")
        qtbot.addWidget(window)
        window.attach(ops, ahead)
        assert window.pages["dashboard"].cards["total"].value.text() == "42"
    finally:
        db.dispose()


def test_an_unexpected_error_is_told_and_never_leaves_the_window_loading(tmp_path, qtbot,
                                                                         sandaran, monkeypatch):
    from desktop.views import startup as startup_module

    path = make_db(tmp_path / "office.sqlite")
    told = []
    monkeypatch.setattr(startup_module.QMessageBox, "critical",
                        lambda parent, title, text: told.append(text))
    window, startup = launched(path, qtbot)

    def broken():
        raise OSError("peranti tidak bersedia")

    startup.steps.open_db = broken
    with qtbot.waitSignal(startup.stopped, timeout=30_000) as stopped:
        startup.start()
    assert stopped.args == [1]
    assert told == ["Ralat tidak dijangka semasa membuka IsiTugas:\n"
                    "OSError: peranti tidak bersedia"]
    startup.release()
    assert startup.lock is None  # the lock taken before the error is let go
