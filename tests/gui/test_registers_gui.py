"""The grades, staff and posts registers driven through their widgets."""

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, Qt

from desktop.services.grades import list_grades
from desktop.services.posts import list_posts
from desktop.services.staff import list_staff
from desktop.views.grades_page import GradeDialog, SalaryDialog
from desktop.views.posts_page import AssignDialog, HoldersDialog, ReleaseDialog


def rows(page):
    return [page.proxy.row_at(i) for i in range(page.proxy.rowCount())]


def test_grade_salary_history_through_the_form(win, qtbot):
    page = win.open_page("grades")
    page.select_where(lambda r: r.code == "S27")
    assert page.selected_row().starting_salary == Decimal("2000.00")
    dialog: SalaryDialog = page.new_salary()
    assert [r.starting_salary for r in dialog.history.rows] == [Decimal("2000.00")]
    dialog.effective_from.setDate(QDate(2025, 1, 1))
    qtbot.keyClicks(dialog.amount, "RM 2,150.50")
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.selected_row().starting_salary == Decimal("2150.50")
    assert page.selected_row().salary_from == date(2025, 1, 1)


def test_salary_as_text_is_refused_by_field(win, qtbot):
    page = win.open_page("grades")
    page.select_where(lambda r: r.code == "S17")
    dialog = page.new_salary()
    qtbot.keyClicks(dialog.amount, "dua ribu")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "bukan amaun ringgit yang sah" in dialog.errors.text_of("starting_salary")
    assert page.ops.query(list_grades)[0].starting_salary is None


def test_add_grade_and_duplicate_code(win, qtbot):
    page = win.open_page("grades")
    dialog: GradeDialog = page.add()
    qtbot.keyClicks(dialog.code, "s27")
    qtbot.keyClicks(dialog.title, "Pendidik Kanan")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "S27 telah digunakan" in dialog.errors.text_of("code")
    dialog.code.setText("S29")
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.selected_row().code == "S29"


def test_add_staff_with_mykad_derived_facts(win, qtbot):
    page = win.open_page("staff")
    dialog = page.add()
    qtbot.keyClicks(dialog.name, "Muthu a/l Raman")
    qtbot.keyClicks(dialog.mykad, "880412-07-5671")
    dialog.grade.setCurrentIndex(dialog.grade.findText("S17 Pembantu Pendidik"))
    dialog.service_start.setDate(QDate(2019, 6, 3))
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    row = page.selected_row()
    assert (row.name, row.mykad, row.birth_date, row.sex) == (
        "Muthu a/l Raman", "880412075671", date(1988, 4, 12), "L")
    assert row.confirmed_on is None


def test_bad_mykad_and_reversed_dates_refused_nothing_saved(win, qtbot):
    page = win.open_page("staff")
    dialog = page.add()
    qtbot.keyClicks(dialog.name, "Nur Aisyah")
    qtbot.keyClicks(dialog.mykad, "901332-10-5678")  # month 13
    dialog.grade.setCurrentIndex(1)
    dialog.service_start.setDate(QDate(2020, 1, 1))
    dialog.confirmed_on.setDate(QDate(2019, 1, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.text_of("mykad")
    assert dialog.errors.text_of("confirmed_on")
    assert len(page.ops.query(list_staff)) == 2


def test_duplicate_mykad_refused(win, qtbot):
    page = win.open_page("staff")
    dialog = page.add()
    qtbot.keyClicks(dialog.name, "Orang Lain")
    qtbot.keyClicks(dialog.mykad, "850315105432")
    dialog.grade.setCurrentIndex(1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text_of("mykad")
    assert len(page.ops.query(list_staff)) == 2


def test_staff_search_by_name_or_bare_mykad(win, qtbot):
    page = win.open_page("staff")
    qtbot.keyClicks(page.search, "920720086124")
    assert [r.name for r in rows(page)] == ["Tan Mei Ling"]
    page.search.clear()
    qtbot.keyClicks(page.search, "siti")
    assert [r.name for r in rows(page)] == ["Siti Aminah binti Hassan"]
    assert rows(page)[0].post  # shows the post she holds


def test_fill_vacant_post_then_vacate_keeps_history(win, qtbot):
    page = win.open_page("posts")
    page.vacant_only.setChecked(True)
    vacant = rows(page)
    assert [(r.premises_code, r.grade_code) for r in vacant] == [("SGR-TSK-001", "S17")]
    page.select_where(lambda r: r.grade_code == "S17")
    assert page.assign_button.isEnabled() and not page.release_button.isEnabled()
    dialog = page.open_dialog(AssignDialog)
    dialog.staff.setCurrentIndex(dialog.staff.findData(
        next(s.id for s in page.ops.query(list_staff) if s.name == "Tan Mei Ling")))
    dialog.start.setDate(QDate(2021, 1, 4))
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert rows(page) == []  # no vacant post left
    page.vacant_only.setChecked(False)
    page.select_where(lambda r: r.grade_code == "S17")
    assert page.selected_row().incumbent_name == "Tan Mei Ling"

    release = page.open_dialog(ReleaseDialog)
    release.end.setDate(QDate.currentDate().addDays(-1))
    qtbot.keyClicks(release.note, "Bersara")
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(release.save_button, Qt.MouseButton.LeftButton)
    assert page.selected_row().vacant
    holders = page.open_dialog(HoldersDialog)
    (held,) = holders.model.rows
    assert (held.staff_name, held.start, held.end) == (
        "Tan Mei Ling", date(2021, 1, 4), date.today() - timedelta(days=1))
    assert "Bersara" in held.note


def test_occupied_post_cannot_be_deactivated(win, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page = win.open_page("posts")
    page.select_where(lambda r: r.grade_code == "S27")
    with qtbot.assertNotEmitted(page.ops.changed):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert page.ops.last_refusal_box.isVisible()
    assert all(p.active for p in page.ops.query(list_posts))
