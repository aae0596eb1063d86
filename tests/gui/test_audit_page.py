"""The audit log page: filters, a record's before and after, the chain's state, and MyKad
masked for the read-only role."""

import getpass
from datetime import date, timedelta

from sqlalchemy import text

from desktop.app import create_window
from desktop.rules.roles import Role
from desktop.services import users as U
from desktop.services.grades import GradeForm, list_grades, update_grade
from desktop.services.premises import PremisesForm, add_premises
from desktop.services.staff import list_staff
from desktop.services.unit import perform, read

PASSWORD = "rahsia-pejabat-1"


def shown(page):
    return [page.proxy.row_at(i) for i in range(page.proxy.rowCount())]


def detail(page) -> dict[str, tuple[str, str]]:
    d = page.detail
    return {d.item(i, 0).text(): (d.item(i, 1).text(), d.item(i, 2).text())
            for i in range(d.rowCount())}


def test_filters_by_user_entity_action_and_text(win, registers_db, qtbot):
    perform(registers_db, add_premises, PremisesForm(
        "SGR-TBK-009", "Tabika Perpaduan Bukit Jelutong", "TABIKA", "SGR", "Petaling", ""),
        actor="kerani1")
    page = win.open_page("audit")
    everyone = shown(page)
    assert everyone[0].actor == "kerani1"  # newest first
    # the fixtures' records were made without an actor: as the command line would
    assert {page.actor.itemData(i) for i in range(page.actor.count())} == {
        "", f"cli:{getpass.getuser()}", "kerani1"}

    page.actor.setCurrentIndex(page.actor.findData("kerani1"))
    page.reload()
    assert [(r.actor, r.action, r.entity) for r in shown(page)] == [
        ("kerani1", "tambah", "premises")]

    page.actor.setCurrentIndex(0)
    page.entity.setCurrentIndex(page.entity.findData("grade"))
    page.action.setCurrentIndex(page.action.findData("tambah"))
    page.reload()
    assert len(shown(page)) == 2 and {r.entity for r in shown(page)} == {"grade"}

    page.entity.setCurrentIndex(0)
    page.action.setCurrentIndex(0)
    page.text.setText("jelutong")
    page.reload()
    assert [r.entity_id for r in shown(page)] == [everyone[0].entity_id]


def test_date_range(win, qtbot):
    page = win.open_page("audit")
    total = len(shown(page))
    tomorrow = date.today() + timedelta(days=2)
    page.start.set_value(tomorrow)
    page.reload()
    assert shown(page) == []
    page.start.set_value(date.today() - timedelta(days=2))
    page.end.set_value(tomorrow)
    page.reload()
    assert len(shown(page)) == total > 0


def test_before_and_after_of_a_change(win, registers_db, qtbot):
    grade = next(g for g in read(registers_db, list_grades) if g.code == "S17")
    perform(registers_db, update_grade, grade.id, GradeForm("S17", "Pembantu Pendidik Kanan"))
    page = win.open_page("audit")
    page.table.selectRow(0)
    assert page.selected_row().action == "ubah"
    assert detail(page)["title"] == ("Pembantu Pendidik", "Pembantu Pendidik Kanan")
    assert page.detail.item(list(detail(page)).index("title"), 2).font().bold()


def test_chain_status_names_the_first_broken_record(win, registers_db, qtbot):
    page = win.open_page("audit")
    assert page.chain.text().startswith("Rantaian audit utuh")
    with registers_db.engine.begin() as conn:  # an edit made outside the app
        conn.execute(text("UPDATE audit_log SET actor = 'orang_lain' WHERE id = 3"))
    page.reload()
    assert "ROSAK pada rekod #3" in page.chain.text()


def test_read_only_sees_mykad_masked_in_the_log(registers_db, qtbot):
    perform(registers_db, U.create_first_admin, U.UserForm("pentadbir", "Pentadbir", "",
                                                           PASSWORD))
    perform(registers_db, U.add_user, U.UserForm("baca1", "Baca Satu", "BACA", PASSWORD),
            actor="ujian")
    reader = create_window(registers_db, actor=U.login(registers_db, "baca1", PASSWORD))
    qtbot.addWidget(reader)
    assert reader.ops.role is Role.BACA
    page = reader.open_page("audit")
    siti = next(s for s in read(registers_db, list_staff) if s.mykad.startswith("850315"))
    page.entity.setCurrentIndex(page.entity.findData("staff"))
    page.text.setText(str(siti.id))
    page.reload()
    for i, row in enumerate(shown(page)):
        if row.action == "tambah" and row.entity_id == str(siti.id):
            page.table.selectRow(i)
    assert detail(page)["mykad"] == ("", "######-##-5432")
