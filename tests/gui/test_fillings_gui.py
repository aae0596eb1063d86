"""Filling a vacancy through the guided dialog, then the acting and gantian registers."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.services.acting import list_acting
from desktop.services.posts import list_posts
from desktop.views.acting_page import InterruptionDialog
from desktop.views.filling_dialog import FillingDialog


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def next_monday(after: date) -> date:
    return after + timedelta(days=7 - after.weekday())


@pytest.fixture
def operasi_vacancy(win, qtbot):
    """An operational vacancy on Siti's Taska S27 post (she is on maternity leave)."""
    page = win.open_page("vacancies")
    dialog = page.add()
    dialog.kind.setCurrentIndex(dialog.kind.findData("OPERASI"))
    dialog.post.setCurrentIndex(1)
    dialog.reason.setCurrentIndex(dialog.reason.findData("MATERNITY_LEAVE"))
    dialog.opened_on.setDate(QDate.currentDate().addDays(-30))
    dialog.expected_end.setDate(QDate.currentDate().addDays(120))
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, dialog.save_button)
    return page


def choose(page, qtbot, method, start: date, end: date) -> FillingDialog:
    filling: FillingDialog = page.open_dialog(FillingDialog)
    filling.start.set_value(start)
    filling.end.set_value(end)
    filling.method.setCurrentIndex(filling.method.findData(method))
    filling.reason.setPlainText("Kaedah yang dibenarkan dan paling murah.")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, filling.save_button)
    return filling


def test_acting_through_the_guided_dialog_then_a_long_interruption(win, qtbot,
                                                                   operasi_vacancy):
    page = operasi_vacancy
    start = next_monday(date.today() - timedelta(days=14))
    filling = choose(page, qtbot, "ACTING", start, start + timedelta(days=90))
    acting = filling.next_form
    assert acting is not None and acting.objectName() == "actingDialog"
    # Tan Mei Ling is the only other officer: unconfirmed, more than a year of service
    assert acting.staff.count() == 2 and "belum disahkan" in acting.staff.itemText(1)
    acting.staff.setCurrentIndex(1)
    click(qtbot, acting.save_button)  # no reason why no confirmed officer is available
    assert acting.isVisible() and acting.errors.text_of("unconfirmed_reason")
    qtbot.keyClicks(acting.unconfirmed_reason, "Tiada pegawai disahkan di premis ini.")
    qtbot.keyClicks(acting.instruction_ref, "JPNIN.SGR.700-2/1 (4)")
    acting.instruction_date.set_value(start - timedelta(days=3))
    qtbot.keyClicks(acting.approval_ref, "JPNIN.SGR.700-2/1 (5)")
    acting.approval_date.set_value(start - timedelta(days=2))
    qtbot.keyClicks(acting.authority, "Pengarah JPNIN Negeri Selangor")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, acting.save_button)
    assert page.selected_row().filled_method.value == "ACTING"

    register = win.open_page("acting")
    (row,) = [r for r in register.model.rows]
    assert (row.officer_name, row.grade_code, row.start) == ("Tan Mei Ling", "S27", start)
    assert row.allowance_per_month == 500  # 25 % of RM2,000 (6B)
    register.select_where(lambda r: r.id == row.id)
    interruption = register.open_dialog(InterruptionDialog)
    interruption.start.set_value(start + timedelta(days=7))
    interruption.end.set_value(start + timedelta(days=7 + 20))
    qtbot.keyClicks(interruption.reason, "Cuti sakit")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, interruption.save_button)
    assert interruption.notice_box is not None and "6A(f)" in interruption.notice_box.text()
    (ended,) = page.ops.query(list_acting)
    assert ended.status.value == "ENDED" and ended.ended_on == start + timedelta(days=6)


def test_gantian_is_refused_while_its_table_is_empty(win, qtbot):
    from desktop.services.vacancies import VacancyForm, open_vacancy
    from desktop.views.gantian_page import GantianDialog

    # a hakiki vacancy on the vacant Taska S17 post allows a replacement officer
    page = win.open_page("vacancies")
    posts = page.ops.query(list_posts)
    vacant = next(p for p in posts if p.vacant)
    page.ops.run(open_vacancy, VacancyForm(post_id=vacant.id, kind="HAKIKI", reason="RESIGNED",
                                           opened_on=date.today() - timedelta(days=5)))
    page.select_where(lambda r: r.post_id == vacant.id)
    dialog = GantianDialog(page.ops, page.selected_row(), page)
    dialog.open()
    qtbot.keyClicks(dialog.name, "Rohani binti Ismail")
    qtbot.keyClicks(dialog.mykad, "880808-10-5566")
    qtbot.keyClicks(dialog.approval_ref, "JPNIN.SGR.700-3/1 (1)")
    click(qtbot, dialog.save_button)
    shown = dialog.errors.general.text() + "".join(label.text() for label in dialog.errors.labels.values())
    assert dialog.isVisible() and "belum diisi oleh pentadbir" in shown
