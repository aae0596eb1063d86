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


def shown_errors(dialog) -> str:
    """Every problem the form shows, beside its fields or below them."""
    return dialog.errors.general.text() + "".join(label.text() for label in
                                                  dialog.errors.labels.values())


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


def _gantian_dialog(page, qtbot):
    today = date.today()
    filling = choose(page, qtbot, "GANTIAN", today, today + timedelta(days=20))
    dialog = filling.next_form
    assert dialog.objectName() == "gantianDialog"
    qtbot.keyClicks(dialog.name, "Rohani binti Ismail")
    qtbot.keyClicks(dialog.mykad, "880808-10-5566")
    qtbot.keyClicks(dialog.approval_ref, "JPNIN.SGR.700-3/1 (1)")
    return dialog


def test_gantian_is_refused_while_its_table_is_empty(win, qtbot, hakiki_after_report):
    from desktop.services.gantian import list_gantian

    page = hakiki_after_report
    dialog = _gantian_dialog(page, qtbot)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and "belum diisi oleh pentadbir" in shown_errors(dialog)
    assert page.ops.query(list_gantian) == []


def test_gantian_through_the_guided_dialog_once_the_table_is_filled(win, qtbot,
                                                                    hakiki_after_report,
                                                                    rates_dir):
    from desktop.rules import rates
    from desktop.services.gantian import list_gantian

    table = rates_dir / "gantian.toml"
    table.write_text(table.read_text(encoding="utf-8").replace(
        "rows = []", 'rows = [{ grade = "S17", per = "HARI", amount = "60.00" }]'),
        encoding="utf-8")
    rates.clear_cache()
    page = hakiki_after_report
    dialog = _gantian_dialog(page, qtbot)
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, dialog.save_button)
    (row,) = page.ops.query(list_gantian)
    assert (row.name, row.amount, row.per) == ("Rohani binti Ismail", 60, "HARI")
    assert page.selected_row().filled_method.value == "GANTIAN"


@pytest.fixture
def hakiki_after_report(win, qtbot):
    """A hakiki vacancy on the vacant Taska S17 post, its interview report sent with the PSH
    application (7.4(e)), one successful candidate; the vacancy register is shown."""
    from desktop.services.candidates import CandidateForm, add_candidate
    from desktop.services.vacancies import VacancyForm, open_vacancy
    from desktop.services.workflow import record_step

    page = win.open_page("vacancies")
    ops = page.ops
    today = date.today()
    vacant = next(p for p in ops.query(list_posts) if p.vacant)
    vid = ops.run(open_vacancy, VacancyForm(post_id=vacant.id, kind="HAKIKI", reason="RESIGNED",
                                            opened_on=today - timedelta(days=40))).value
    for days, code in ((30, "AD_APPROVAL_ASKED"), (20, "INTERVIEW_APPROVAL_ASKED"),
                       (10, "INTERVIEW_REPORT")):
        ops.run(record_step, vid, code, today - timedelta(days=days), f"JPNIN.SGR/{code}",
                psh_application_ref="JPNIN.SGR/PSH (1)" if code == "INTERVIEW_REPORT" else None)
    ops.run(add_candidate, CandidateForm(name="Nurul Huda binti Kamal", mykad="980415-10-5124",
                                         category="BERJAYA", rank=1, vacancy_id=vid,
                                         qualification="SPM", health_certified=True))
    page.select_where(lambda r: r.id == vid)
    return page


def test_psh_through_the_guided_dialog_with_the_os29000_check(win, qtbot, hakiki_after_report):
    from desktop.services.psh import list_psh

    page = hakiki_after_report
    today = date.today()
    end = min(today + timedelta(days=60), date(today.year, 12, 31))  # one year's allocation
    filling = choose(page, qtbot, "PSH", today, end)
    psh = filling.next_form
    assert psh.objectName() == "pshDialog"
    assert "Nurul Huda" in psh.candidate.currentText()  # the first in the order of offer
    assert "RM 54.00" in psh.preview.text()  # SPM rate for the job (5B)
    assert psh.override.isEnabled()  # no OS29000 allocation yet: the balance falls short
    qtbot.keyClicks(psh.kp_ref, "KP.600-1/2 (9)")
    psh.kp_date.set_value(today - timedelta(days=3))
    psh.osa.set_value(today - timedelta(days=1))
    psh.health.set_value(today - timedelta(days=1))
    click(qtbot, psh.save_button)
    assert psh.isVisible()  # refused: over the OS29000 balance, no override reason
    assert page.ops.query(list_psh) == []

    allocation = win.open_page("allocation")
    entry = allocation.add()
    entry.kind.setCurrentIndex(entry.kind.findData("INITIAL"))
    qtbot.keyClicks(entry.amount, "50,000.00")
    qtbot.keyClicks(entry.reference, "Waran Peruntukan Bil. 1/" + str(today.year))
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, entry.save_button)
    assert allocation.balance.available == 50000

    psh.refresh_preview()
    assert not psh.override.isEnabled(), psh.preview.text()
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, psh.save_button)
    (row,) = page.ops.query(list_psh)
    assert (row.name, row.daily_rate, row.start) == ("Nurul Huda binti Kamal", 54, today)
    assert allocation.balance.available == 50000 - row.projected_cost
    register = win.open_page("psh")
    assert [r.name for r in register.model.rows] == ["Nurul Huda binti Kamal"]
    vacancies = win.open_page("vacancies")
    vacancies.select_where(lambda r: r.id == row.vacancy_id)
    assert vacancies.selected_row().filled_method.value == "PSH"


def test_closing_the_vacancy_offers_to_end_its_psh(win, qtbot, hakiki_after_report):
    """5A(s): the PSH ends as soon as it is no longer needed."""
    from desktop.services.allocation import add_allocation_entry
    from desktop.services.psh import list_psh
    from desktop.views.vacancy_dialogs import CloseDialog

    page = hakiki_after_report
    today = date.today()
    page.ops.run(add_allocation_entry, today.year, "INITIAL", "50000", today, "Waran 1")
    start = today - timedelta(days=5)
    filling = choose(page, qtbot, "PSH", start, min(start + timedelta(days=40),
                                                      date(today.year, 12, 31)))
    psh = filling.next_form
    qtbot.keyClicks(psh.kp_ref, "KP.600-1/2 (9)")
    for field in (psh.kp_date, psh.osa, psh.health):
        field.set_value(start - timedelta(days=1))
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, psh.save_button)

    close: CloseDialog = page.open_dialog(CloseDialog)
    qtbot.keyClicks(close.close_note, "Jawatan diisi secara kontrak")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, close.save_button)
    assert close.result_box.isVisible() and "5A(s)" in close.result_box.text()
    yes = close.result_box.button(close.result_box.StandardButton.Yes)
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, yes)
    (ended,) = page.ops.query(list_psh)
    assert ended.status.value == "ENDED" and ended.ended_on == today


def test_psh_extension_is_refused_past_six_months_then_granted(win, qtbot, hakiki_after_report):
    from desktop.rules import psh_last_day
    from desktop.services.allocation import add_allocation_entry
    from desktop.services.psh import list_psh
    from desktop.views.psh_page import ExtendDialog

    page = hakiki_after_report
    today = date.today()
    for year in (today.year, today.year + 1):
        page.ops.run(add_allocation_entry, year, "INITIAL", "90000", today, f"Waran {year}")
    filling = choose(page, qtbot, "PSH", today, psh_last_day(today))
    assert "90,000.00" in filling.balance.text()
    psh = filling.next_form
    qtbot.keyClicks(psh.kp_ref, "KP.600-1/2 (9)")
    for field in (psh.kp_date, psh.osa, psh.health):
        field.set_value(today)
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, psh.save_button)
    register = win.open_page("psh")
    register.select_where(lambda r: True)
    extend: ExtendDialog = register.open_dialog(ExtendDialog)
    assert extend.new_end.value() == psh_last_day(today, extended=True)
    extend.new_end.set_value(psh_last_day(today, extended=True) + timedelta(days=1))
    qtbot.keyClicks(extend.reason, "Penyandang belum kembali")
    qtbot.keyClicks(extend.approved_by, "Pengarah JPNIN Negeri Selangor")
    click(qtbot, extend.save_button)
    assert extend.isVisible() and "5A(e)" in extend.errors.text_of("new_end")
    extend.new_end.set_value(psh_last_day(today, extended=True))
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, extend.save_button)
    (row,) = page.ops.query(list_psh)
    assert row.extended and row.end == psh_last_day(today, extended=True)
