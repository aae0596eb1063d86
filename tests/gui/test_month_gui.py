"""Attendance grid, month close and the return export through the window."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.returns.readback import verify_return
from desktop.services.attendance import absences_of
from tests.psh import factories as F


@pytest.fixture
def month_win(qtbot, db):
    """A PSH from 2 March to 29 May 2026 at a Selangor Tabika; the window on April 2026."""
    from desktop.app import create_window

    office = F.make_office(db)
    vid = F.hakiki_vacancy(db, office.tabika, office.s17)
    pid = F.appoint(db, F.psh_form(vid, F.candidate(db, vid)))
    w = create_window(db)
    qtbot.addWidget(w)
    w.show()
    return w, pid


def test_attendance_grid_shades_rest_days_and_saves_absences(month_win, qtbot):
    win, pid = month_win
    page = win.open_page("attendance")
    page.picker.set_value(2026, 4)
    model = page.model
    assert model.rowCount() == 1 and model.columnCount() == 30
    saturday, tuesday = 3, 13  # 4 April 2026 is a Saturday, 14 April a Tuesday (0-based)
    assert not model.toggle(0, saturday)  # shaded: cannot be clicked
    assert model.data(model.index(0, saturday), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.toggle(0, tuesday)
    assert model.data(model.index(0, tuesday)) == "T"
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.ops.query(absences_of, pid, 2026, 4) == (date(2026, 4, 14),)
    assert model.pending == {}


def test_close_the_month_then_export_in_the_background(month_win, qtbot, tmp_path):
    win, _ = month_win
    page = win.open_page("month")
    page.picker.set_value(2026, 4)
    assert page.problems.item(0).text() == "Tiada masalah."
    assert page.lines.rowCount() == 1 and not page.export_button.isEnabled()
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.export_button.isEnabled() and "versi 1" in page.summary.text()
    grid = win.open_page("attendance")
    grid.picker.set_value(2026, 4)
    assert not grid.save_button.isEnabled()  # a closed month's attendance is locked
    out = tmp_path / "penyata-2026-04.xlsx"
    task = page.export_selected(str(out))
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert verify_return(out).ok
    page.reopen_selected("Pembetulan kehadiran")
    assert page.close_button.isEnabled() and not page.export_button.isEnabled()


def test_a_cancelled_export_leaves_no_file(month_win, qtbot, tmp_path):
    win, _ = month_win
    page = win.open_page("month")
    page.picker.set_value(2026, 4)
    page.close_selected()
    out = tmp_path / "batal.xlsx"
    task = page.export_selected(str(out))
    task.cancel()
    with qtbot.waitSignal(task.failed, timeout=30000):
        pass
    assert not out.exists() and page.last_export is None


def test_an_office_holiday_is_shaded_for_every_psh(month_win, qtbot):
    from PySide6.QtCore import QDate

    win, _ = month_win
    page = win.open_page("attendance")
    page.picker.set_value(2026, 4)
    dialog = page.add_holiday()
    dialog.day.setDate(QDate(2026, 4, 4))  # a Saturday: already off in Selangor
    qtbot.keyClicks(dialog.name, "Cuti Peristiwa")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors.text_of("day")
    dialog.day.setDate(QDate(2026, 4, 15))  # a Wednesday
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not page.model.toggle(0, 14)  # 15 April is now shaded
    assert "Cuti Peristiwa" in page.model.data(page.model.index(0, 14), Qt.ItemDataRole.ToolTipRole)


def _trip(page, qtbot, purpose="Mesyuarat di Shah Alam"):
    from PySide6.QtCore import QDate

    dialog = page.add()
    dialog.psh.setCurrentIndex(1)
    dialog.day.setDate(QDate(2026, 4, 14))
    qtbot.keyClicks(dialog.purpose, purpose)
    qtbot.keyClicks(dialog.hours, "12")
    qtbot.keyClicks(dialog.km, "85.5")
    return dialog


def test_claims_refused_while_lampiran_a_is_empty(month_win, qtbot):
    win, _ = month_win
    page = win.open_page("claims")
    dialog = _trip(page, qtbot)
    dialog.km.setText("lima")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    shown = dialog.errors.general.text() + "".join(
        label.text() for label in dialog.errors.labels.values())
    assert dialog.isVisible() and "belum diisi oleh pentadbir" in shown
    assert dialog.errors.text_of("km")  # the bad number is named by its field too
    assert page.model.rows == []


def test_a_trip_is_paid_by_the_filled_table(month_win, qtbot, rates_dir):
    from tests.attendance.factories import fill_lampiran_a

    fill_lampiran_a(rates_dir)
    win, _ = month_win
    page = win.open_page("claims")
    dialog = _trip(page, qtbot)
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (row,) = page.model.rows
    # the same trip as tests/attendance: 85.5 km x RM0.55 = 47.03; Elaun Harian (SPM) 25.00
    assert str(row.amount) == "72.03"
