"""The administrator's Users page driven through its widgets."""

from datetime import datetime

from PySide6.QtCore import Qt

from desktop.rules.roles import Actor, Role
from desktop.services import users as U
from desktop.services.unit import perform
from desktop.views.users_page import ResetPasswordDialog, UserDialog

PASSWORD = "rahsia-pejabat-1"


def rows(page):
    return [page.proxy.row_at(i) for i in range(page.proxy.rowCount())]


def test_add_a_clerk_through_the_form(win, qtbot, registers_db):
    page = win.open_page("users")
    dialog: UserDialog = page.add()
    qtbot.keyClicks(dialog.username, "kerani1")
    qtbot.keyClicks(dialog.full_name, "Nur Aisyah")
    qtbot.keyClicks(dialog.password, "pendek")
    qtbot.keyClicks(dialog.confirm, "pendek")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "8 aksara" in dialog.errors.text_of("password")
    dialog.password.setText(PASSWORD)
    dialog.confirm.setText(PASSWORD)
    assert dialog.role.currentData() == "KERANI"
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    row = page.selected_row()
    assert (row.username, row.full_name, row.role) == ("kerani1", "Nur Aisyah", Role.KERANI)
    assert page.model.data(page.model.index(page.model.rows.index(row), 2)) == "Kerani"
    assert isinstance(U.login(registers_db, "kerani1", PASSWORD), Actor)


def test_change_role_unlock_and_reset(win, qtbot, registers_db):
    db = registers_db
    uid = perform(db, U.add_user, U.UserForm("kerani1", "Nur Aisyah", "KERANI", PASSWORD),
                  actor="ujian").result
    for _ in range(5):
        U.login(db, "kerani1", "salah-lagi", datetime.now())
    page = win.open_page("users")
    page.reload()
    page.select_where(lambda r: r.id == uid)
    assert page.selected_row().locked and page.unlock_button.isEnabled()
    assert page.model.data(page.model.index(page.model.rows.index(page.selected_row()), 3)) \
        == "Dikunci"
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert not page.selected_row().locked and not page.unlock_button.isEnabled()

    dialog: UserDialog = page.edit_selected()
    assert dialog.username.isReadOnly()
    dialog.role.setCurrentIndex(dialog.role.findData("PELULUS"))
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.selected_row().role is Role.PELULUS

    reset: ResetPasswordDialog = page.open_dialog(ResetPasswordDialog)
    qtbot.keyClicks(reset.password, "kata-laluan-baharu")
    qtbot.keyClicks(reset.confirm, "kata-laluan-baharu")
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(reset.save_button, Qt.MouseButton.LeftButton)
    assert U.login(db, "kerani1", "kata-laluan-baharu") == Actor("kerani1", "Nur Aisyah",
                                                                 Role.PELULUS)


def test_deactivated_users_are_hidden_until_asked(win, qtbot, monkeypatch, registers_db):
    from PySide6.QtWidgets import QMessageBox

    db = registers_db
    perform(db, U.add_user, U.UserForm("kerani1", "Nur Aisyah", "KERANI", PASSWORD),
            actor="ujian")
    page = win.open_page("users")
    page.reload()
    page.select_where(lambda r: r.username == "kerani1")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert [r.username for r in rows(page)] == []
    page.show_inactive.setChecked(True)
    assert [(r.username, r.active) for r in rows(page)] == [("kerani1", False)]
