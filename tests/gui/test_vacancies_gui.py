"""The vacancy register, its workflow, candidates and the dashboard, through the widgets."""

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from desktop.services.vacancies import list_vacancies
from desktop.views.candidates_dialog import CandidatesDialog
from desktop.views.filling_dialog import FillingDialog
from desktop.views.vacancy_dialogs import CloseDialog, VacancyDialog
from desktop.views.workflow_dialog import StepsDialog


def rows(page):
    return [page.proxy.row_at(i) for i in range(page.proxy.rowCount())]


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_hakiki(page, qtbot) -> VacancyDialog:
    dialog: VacancyDialog = page.add()
    dialog.kind.setCurrentIndex(dialog.kind.findData("HAKIKI"))
    dialog.post.setCurrentIndex(1)  # the only vacant post: SGR-TSK-001 / S17
    dialog.reason.setCurrentIndex(dialog.reason.findData("RESIGNED"))
    dialog.opened_on.setDate(QDate.currentDate().addDays(-10))
    qtbot.keyClicks(dialog.identified_ref, "JPNIN.SGR.600-1/2/3 (1)")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, dialog.save_button)
    return dialog


def test_open_a_hakiki_vacancy_and_take_the_next_step(win, qtbot):
    page = win.open_page("vacancies")
    dialog = open_hakiki(page, qtbot)
    assert dialog.post.count() == 2  # blank + the vacant post only: held posts are operasi
    row = page.selected_row()
    assert (row.premises_code, row.grade_code, row.kind.value) == ("SGR-TSK-001", "S17", "HAKIKI")
    first_step = row.current_step_label

    steps: StepsDialog = page.open_dialog(StepsDialog)
    assert "7.2" in steps.next_label.text()
    assert not steps.psh_ref.isEnabled()
    click(qtbot, steps.save_button)  # no reference: refused beside the field
    assert steps.isVisible() and steps.errors.text_of("reference")
    qtbot.keyClicks(steps.reference, "JPNIN.SGR.600-1/2/3 (2)")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, steps.save_button)
    assert page.selected_row().current_step_label != first_step
    again = page.open_dialog(StepsDialog)
    assert [s.done for s in again.steps][:3] == [True, True, False]


def test_reversed_dates_refused_by_field_nothing_saved(win, qtbot):
    page = win.open_page("vacancies")
    dialog: VacancyDialog = page.add()
    dialog.kind.setCurrentIndex(dialog.kind.findData("OPERASI"))
    dialog.post.setCurrentIndex(1)  # Siti's S27 post
    dialog.opened_on.setDate(QDate.currentDate())
    dialog.expected_end.setDate(QDate.currentDate().addDays(-30))
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and dialog.errors.text_of("expected_end")
    assert page.ops.query(list_vacancies) == []


def test_taska_pendidik_operasi_offers_acting_only_then_closes(win, qtbot):
    page = win.open_page("vacancies")
    dialog: VacancyDialog = page.add()
    dialog.kind.setCurrentIndex(dialog.kind.findData("OPERASI"))
    assert "Siti Aminah" in dialog.post.itemText(1)
    dialog.post.setCurrentIndex(1)
    dialog.reason.setCurrentIndex(dialog.reason.findData("MATERNITY_LEAVE"))
    dialog.opened_on.setDate(QDate.currentDate().addDays(-20))
    dialog.expected_end.setDate(QDate.currentDate().addDays(60))
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, dialog.save_button)
    assert page.selected_row().incumbent_name == "Siti Aminah binti Hassan"

    filling = page.open_dialog(FillingDialog)
    assert [filling.method.itemData(i) for i in range(filling.method.count())] == ["ACTING"]
    filling.reject()

    close: CloseDialog = page.open_dialog(CloseDialog)
    qtbot.keyClicks(close.close_note, "Penyandang kembali bertugas")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, close.save_button)
    assert rows(page) == []  # closed vacancies are hidden ...
    page.show_inactive.setChecked(True)
    (closed,) = rows(page)  # ... and kept
    assert closed.status.value == "CLOSED" and closed.closed_on == date.today()


def test_candidates_in_priority_order_with_bad_mykad_refused(win, qtbot):
    page = win.open_page("vacancies")
    open_hakiki(page, qtbot)
    dialog: CandidatesDialog = page.open_dialog(CandidatesDialog)
    add = dialog.add()
    qtbot.keyClicks(add.name, "Nur Aisyah binti Omar")
    qtbot.keyClicks(add.mykad, "990230-10-1234")  # 30 February
    add.category.setCurrentIndex(add.category.findData("SIMPANAN"))
    qtbot.keyClicks(add.rank, "1")
    click(qtbot, add.save_button)
    assert add.isVisible() and add.errors.text_of("mykad")
    add.mykad.setText("990228-10-1234")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, add.save_button)
    second = dialog.add()
    qtbot.keyClicks(second.name, "Lim Wei Jie")
    qtbot.keyClicks(second.mykad, "980512-08-5671")
    second.category.setCurrentIndex(second.category.findData("BERJAYA"))
    qtbot.keyClicks(second.rank, "1")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, second.save_button)
    names = [r.name for r in dialog.model.rows]
    assert names == ["Lim Wei Jie", "Nur Aisyah binti Omar"]  # successful before reserve


def test_dashboard_counts_and_leads_to_the_vacancy(win, qtbot):
    vacancies = win.open_page("vacancies")
    open_hakiki(vacancies, qtbot)
    dashboard = win.open_page("dashboard")
    assert dashboard.cards["total"].value.text() == "1"
    assert dashboard.cards["HAKIKI"].value.text() == "1"
    assert dashboard.cards["TASKA"].value.text() == "1"
    assert sum(bar[2] for bar in dashboard.by_step.bars) == 1
    assert [bar[1] for bar in dashboard.by_district.bars] == ["Petaling"]
    (waiting,) = dashboard.model.rows
    assert waiting.days_waiting == 10
    with qtbot.waitSignal(dashboard.open_vacancy) as signal:
        dashboard.table.doubleClicked.emit(dashboard.model.index(0, 0))
    assert signal.args == [waiting.id]
    assert win.stack.currentWidget() is vacancies
    assert vacancies.selected_row().id == waiting.id


def test_dashboard_alerts_an_incumbent_returning_soon(win, qtbot):
    page = win.open_page("vacancies")
    dialog: VacancyDialog = page.add()
    dialog.kind.setCurrentIndex(dialog.kind.findData("OPERASI"))
    dialog.post.setCurrentIndex(1)
    dialog.opened_on.setDate(QDate.currentDate().addDays(-40))
    dialog.expected_end.setDate(QDate.currentDate().addDays(5))
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, dialog.save_button)
    dashboard = win.open_page("dashboard")
    texts = [dashboard.alert_list.item(i).text() for i in range(dashboard.alert_list.count())]
    assert any("Siti Aminah" in t or "kembali" in t for t in texts), texts
    assert (date.today() + timedelta(days=5)) == dashboard.alert_rows[0].due


def test_recruitment_exercise_and_its_ranked_list(win, qtbot):
    page = win.open_page("exercises")
    dialog = page.add()
    qtbot.keyClicks(dialog.title, "Temu duga Pembantu Pendidik Selangor 2026")
    dialog.held_on.setDate(QDate.currentDate().addDays(-7))
    qtbot.keyClicks(dialog.reference, "JPNIN.SGR.600-1/5/1")
    dialog.grade.setCurrentIndex(dialog.grade.findText("S17 Pembantu Pendidik"))
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, dialog.save_button)
    assert page.selected_row().grade_code == "S17"
    candidates = page.show_candidates()
    assert not candidates.appoint_button.isVisible()
    for name, mykad, category, rank in (("Aminah binti Salleh", "970304-10-5552", "SIMPANAN", "2"),
                                        ("Kavitha a/p Raju", "960811-07-5128", "SIMPANAN", "1")):
        add = candidates.add()
        qtbot.keyClicks(add.name, name)
        qtbot.keyClicks(add.mykad, mykad)
        add.category.setCurrentIndex(add.category.findData(category))
        qtbot.keyClicks(add.rank, rank)
        with qtbot.waitSignal(page.ops.changed):
            click(qtbot, add.save_button)
    assert [r.name for r in candidates.model.rows] == ["Kavitha a/p Raju", "Aminah binti Salleh"]
    duplicate = candidates.add()
    qtbot.keyClicks(duplicate.name, "Orang Lain")
    qtbot.keyClicks(duplicate.mykad, "950101-10-5553")
    duplicate.category.setCurrentIndex(duplicate.category.findData("SIMPANAN"))
    qtbot.keyClicks(duplicate.rank, "1")
    click(qtbot, duplicate.save_button)  # rank 1 is taken
    assert duplicate.isVisible() and duplicate.errors.text_of("rank")
    assert page.selected_row().candidates == 2


def test_guided_filling_shows_costs_and_records_the_choice(win, qtbot):
    from desktop.views.filling_dialog import FillingDialog

    page = win.open_page("vacancies")
    dialog: VacancyDialog = page.add()
    dialog.kind.setCurrentIndex(dialog.kind.findData("OPERASI"))
    dialog.post.setCurrentIndex(1)  # Siti's Taska S27 post: acting only (8.2)
    dialog.opened_on.setDate(QDate.currentDate().addDays(-3))
    dialog.expected_end.setDate(QDate.currentDate().addDays(90))
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, dialog.save_button)
    filling: FillingDialog = page.open_dialog(FillingDialog)
    options = {o.method.value: o for o in filling.options.rows}
    assert not options["PSH"].allowed and "8.2" in options["PSH"].why_not
    assert not options["GANTIAN"].allowed
    acting = options["ACTING"]
    assert acting.allowed and acting.cheapest and acting.cost.total > 0  # S27 at RM2,000
    assert [filling.method.itemData(i) for i in range(filling.method.count())] == ["ACTING"]
    click(qtbot, filling.save_button)  # no justification
    assert filling.isVisible() and filling.errors.text_of("reason")
    filling.reason.setPlainText("Hanya penanggungan kerja dibenarkan bagi Pendidik S27 Taska.")
    filling.end.setDate(filling.start.date().addDays(-1))  # reversed period: said at once
    assert "sebelum" in filling.problem.text()
    filling.end.setDate(filling.start.date().addDays(60))
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, filling.save_button)
    row = page.selected_row()
    assert row.chosen_method.value == "ACTING" and "S27" in row.method_reason


def test_passing_over_a_candidate_needs_a_reason(win, qtbot):
    page = win.open_page("vacancies")
    open_hakiki(page, qtbot)
    dialog: CandidatesDialog = page.open_dialog(CandidatesDialog)
    add = dialog.add()
    qtbot.keyClicks(add.name, "Lim Wei Jie")
    qtbot.keyClicks(add.mykad, "980512-08-5671")
    add.category.setCurrentIndex(add.category.findData("BERJAYA"))
    qtbot.keyClicks(add.rank, "1")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, add.save_button)
    dialog.table.selectRow(0)
    decline = dialog.decline()
    click(qtbot, decline.save_button)
    assert decline.isVisible() and decline.errors.text_of("note")
    qtbot.keyClicks(decline.note, "Menolak tawaran: menyambung pengajian")
    with qtbot.waitSignal(page.ops.changed):
        click(qtbot, decline.save_button)
    (row,) = dialog.model.rows
    assert row.outcome.value == "DECLINED" and "pengajian" in row.outcome_note
