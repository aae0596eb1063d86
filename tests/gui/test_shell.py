"""The application shell: language, operation helper, self-test."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.app import create_window, install_translator
from desktop.services.premises import list_premises, set_premises_active

ROOT = Path(__file__).resolve().parents[2]


def test_english_translation_is_complete_and_loads(qapp, db, qtbot):
    result = subprocess.run([sys.executable, "scripts/update_translations.py", "--check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    translator = install_translator(qapp, "en")
    try:
        assert translator is not None
        window = create_window(db, "en")
        qtbot.addWidget(window)
        page = window.open_page("premises")
        titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
        assert titles == ["Dashboard", "Vacancies", "Interviews", "PSH", "Acting Duty",
                          "Replacement Officers", "OS29000 Allocation", "Attendance", "Claims",
                          "Month Close", "Issued Letters", "HQ Consolidation", "Premises", "Posts",
                          "Officers", "Grades", "Excel Import",
                          "Office Settings", "Backups", "Rates",
                          "Audit Log", "Users"]
        assert page.add_button.text() == "Add..."
        assert window.menuBar().actions()[0].text() == "&File"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_refusal_is_shown_in_malay_with_nothing_saved(office_db, qtbot):
    window = create_window(office_db)
    qtbot.addWidget(window)
    ops = window.ops
    with qtbot.assertNotEmitted(ops.changed):
        result = ops.run(set_premises_active, 999, False, parent=window)
    assert not result.ok
    assert "Premis 999 tidak wujud" in ops.last_refusal_box.text()
    assert all(r.active for r in ops.query(list_premises))


def test_self_test_passes_headless():
    result = subprocess.run([sys.executable, "-m", "desktop", "--self-test"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ujian kendiri lulus" in result.stdout


def test_demo_database_is_made_on_first_use_only(tmp_path, monkeypatch):
    from desktop.app import open_app_database
    from desktop.cli import build_parser
    from desktop.services.premises import list_premises
    from desktop.services.unit import read

    monkeypatch.setenv("ISITUGAS_HOME", str(tmp_path))
    args = build_parser().parse_args(["--demo"])
    db = open_app_database(args)
    try:
        first = read(db, list_premises)
    finally:
        db.dispose()
    assert (tmp_path / "isitugas-demo.sqlite").exists()
    assert len(first) > 60 and all(p.state == "SGR" for p in first)
    db = open_app_database(args)  # opened again: kept as it was, not filled twice
    try:
        assert read(db, list_premises) == first
    finally:
        db.dispose()
    assert not (tmp_path / "isitugas.sqlite").exists()  # the office's own file is untouched
