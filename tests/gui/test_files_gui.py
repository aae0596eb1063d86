"""The import wizard and HQ's consolidation through the window."""

import pytest

from desktop.returns import write_return
from desktop.services.premises import list_premises
from tests.imports.workbooks import good_file
from tests.returns.conftest import sample


@pytest.fixture
def window(qtbot, db):
    from desktop.app import create_window

    w = create_window(db)
    qtbot.addWidget(w)
    w.show()
    return w


def test_import_checks_then_imports_in_the_background(window, qtbot, tmp_path):
    page = window.open_page("import")
    template = page.save_template(str(tmp_path / "templat.xlsx"))
    assert template and (tmp_path / "templat.xlsx").exists()
    page.path.setText(str(good_file(tmp_path)))
    assert page.check() and page.import_button.isEnabled()
    assert page.ops.query(list_premises) == []  # the check saved nothing
    task = page.run_import()
    with qtbot.waitSignal(page.ops.changed, timeout=30000):
        pass
    qtbot.waitUntil(lambda: task.done)
    assert page.ops.query(list_premises)
    assert "Selesai" in page.summary.text()


def test_a_broken_file_lists_its_problems_and_cannot_be_imported(window, tmp_path):
    page = window.open_page("import")
    not_a_workbook = tmp_path / "palsu.xlsx"
    not_a_workbook.write_text("ini bukan buku kerja", encoding="utf-8")
    page.path.setText(str(not_a_workbook))
    assert not page.check()
    assert page.problems.count() >= 1 and not page.import_button.isEnabled()
    assert "palsu.xlsx" in page.problems.item(0).text()


def test_consolidation_of_two_states_then_a_refused_pair(window, qtbot, tmp_path):
    page = window.open_page("consolidate")
    sgr = write_return(sample("SGR"), tmp_path / "sgr.xlsx")
    kdh = write_return(sample("KDH"),
                       tmp_path / "kdh.xlsx")
    page.add_files([str(sgr), str(kdh)])
    task = page.run(str(tmp_path / "kebangsaan.xlsx"))
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert {s.state for s in page.result.states} == {"SGR", "KDH"}
    assert (tmp_path / "kebangsaan.xlsx").exists()

    page.files.clear()
    page.add_files([str(sgr), str(sgr)])  # one state twice
    task = page.run(str(tmp_path / "dua.xlsx"))
    with qtbot.waitSignal(task.failed, timeout=30000):
        pass
    assert "sgr.xlsx" in page.status.text() and not (tmp_path / "dua.xlsx").exists()


def test_cancel_during_the_import_saves_nothing(window, qtbot, tmp_path, monkeypatch):
    """Batal in the progress dialog reaches the import, which refuses and rolls back."""
    import threading

    from desktop.views import import_page

    started = threading.Event()
    real = import_page.import_registers

    def waits_for_cancel(ctx, data, *, progress, cancelled):
        started.set()
        for _ in range(1000):  # at most ~10 s, then the real import runs and the test fails
            if cancelled():
                break
            threading.Event().wait(0.01)
        return real(ctx, data, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(import_page, "import_registers", waits_for_cancel)
    page = window.open_page("import")
    page.path.setText(str(good_file(tmp_path)))
    assert page.check()
    task = page.run_import()
    qtbot.waitUntil(started.is_set)
    from PySide6.QtWidgets import QPushButton

    task.dialog.findChild(QPushButton).click()  # the dialog's Batal button
    qtbot.waitUntil(lambda: task.done, timeout=15000)
    assert page.ops.query(list_premises) == []
    assert page.import_button.isEnabled()  # the user may try again
