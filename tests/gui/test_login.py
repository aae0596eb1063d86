"""Signing in: the first administrator on a new database, the login, and the window per role
(what it shows, what it hides, MyKad masked for read-only)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from desktop.app import create_window
from desktop.rules.roles import Actor, Role
from desktop.services import users as U
from desktop.services.unit import perform
from desktop.views.login_dialog import FirstAdminDialog, LoginDialog, sign_in_dialog

PASSWORD = "rahsia-pejabat-1"


def click_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_first_run_registers_the_administrator_and_signs_in(db, qtbot):
    dialog = sign_in_dialog(db)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, FirstAdminDialog)
    qtbot.keyClicks(dialog.username, "pentadbir")
    qtbot.keyClicks(dialog.full_name, "Puan Rohani")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.confirm, PASSWORD + "x")
    click_ok(qtbot, dialog)
    assert dialog.actor is None
    assert "tidak sama" in dialog.errors.text_of("confirm")
    dialog.confirm.setText(PASSWORD)
    click_ok(qtbot, dialog)
    assert dialog.actor == Actor("pentadbir", "Puan Rohani", Role.PENTADBIR)
    assert isinstance(sign_in_dialog(db), LoginDialog)  # the next start asks for a login


def test_login_refuses_a_wrong_password_and_clears_it(office_db, qtbot):
    perform(office_db, U.create_first_admin, U.UserForm("pentadbir", "Puan Rohani", "",
                                                        PASSWORD))
    dialog = sign_in_dialog(office_db)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, LoginDialog)
    qtbot.keyClicks(dialog.username, "pentadbir")
    qtbot.keyClicks(dialog.password, "bukan-ini")
    click_ok(qtbot, dialog)
    assert dialog.actor is None and dialog.password.text() == ""
    assert "Nama pengguna atau kata laluan salah" in dialog.errors.text_of("password")
    qtbot.keyClicks(dialog.password, PASSWORD)
    click_ok(qtbot, dialog)
    assert dialog.actor.role is Role.PENTADBIR


def visible_buttons(page, name):
    return [b for b in page.findChildren(QAbstractButton, name) if not b.isHidden()]


def window_for(qtbot, db, role: Role):
    perform(db, U.create_first_admin, U.UserForm("pentadbir", "Pentadbir", "", PASSWORD))
    username = role.value.lower() + "1"
    if role is not Role.PENTADBIR:
        perform(db, U.add_user, U.UserForm(username, f"Pengguna {role.value}", role.value,
                                           PASSWORD), actor="ujian")
    actor = U.login(db, username if role is not Role.PENTADBIR else "pentadbir", PASSWORD)
    w = create_window(db, actor=actor)
    qtbot.addWidget(w)
    return w


def page_keys(window):
    return [window.sidebar.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(window.sidebar.count())]


def test_status_bar_names_the_user_and_role(registers_db, qtbot):
    w = window_for(qtbot, registers_db, Role.PELULUS)
    assert w.user_label.text() == "Pengguna: Pengguna PELULUS (Pegawai Pelulus)"


def test_pages_and_buttons_follow_the_role(registers_db, qtbot):
    clerk = window_for(qtbot, registers_db, Role.KERANI)
    assert "users" not in page_keys(clerk) and "audit" in page_keys(clerk)
    psh = clerk.open_page("psh")
    assert not visible_buttons(psh, "extendButton") and not visible_buttons(psh, "endButton")
    assert visible_buttons(psh, "convertButton")
    month = clerk.open_page("month")
    assert not visible_buttons(month, "closeMonth") and visible_buttons(month, "exportReturn")
    staff = clerk.open_page("staff")
    assert visible_buttons(staff, "addButton") and visible_buttons(staff, "editButton")


def test_the_approving_officer_sees_approvals_but_not_users(registers_db, qtbot):
    approver = window_for(qtbot, registers_db, Role.PELULUS)
    assert "users" not in page_keys(approver)
    assert visible_buttons(approver.open_page("month"), "closeMonth")
    assert visible_buttons(approver.open_page("psh"), "extendButton")


def test_read_only_sees_no_write_buttons_and_masked_mykad(registers_db, qtbot):
    reader = window_for(qtbot, registers_db, Role.BACA)
    assert "import" not in page_keys(reader) and "users" not in page_keys(reader)
    staff = reader.open_page("staff")
    for name in ("addButton", "editButton", "activeButton"):
        assert not visible_buttons(staff, name), name
    assert visible_buttons(staff, "historyButton")
    shown = {staff.proxy.index(i, 1).data() for i in range(staff.proxy.rowCount())}
    # registers_db: Siti 850315-10-5432 and Tan 920720-08-6124 (tests/gui/conftest.py)
    assert shown == {"######-##-5432", "######-##-6124"}
    staff.search.setText("850315")  # the hidden digits are not searchable either
    assert staff.proxy.rowCount() == 0
    # printing a letter issues it (a reference number is used): not for the read-only role
    for key in ("psh", "acting", "vacancies"):
        assert not visible_buttons(reader.open_page(key), "letterButton"), key
    letters = reader.open_page("letters")
    for name in ("copyButton", "batchButton"):
        assert not visible_buttons(letters, name), name
    assert visible_buttons(letters, "viewButton")  # reading an issued letter is allowed


def test_the_administrator_sees_everything_and_full_mykad(registers_db, qtbot):
    admin = window_for(qtbot, registers_db, Role.PENTADBIR)
    assert page_keys(admin)[-2:] == ["audit", "users"]
    staff = admin.open_page("staff")
    shown = {staff.proxy.index(i, 1).data() for i in range(staff.proxy.rowCount())}
    assert shown == {"850315-10-5432", "920720-08-6124"}


def test_change_own_password_from_the_file_menu(registers_db, qtbot):
    w = window_for(qtbot, registers_db, Role.BACA)  # even read-only may change their own
    assert w.password_action.isVisible()
    dialog = w.change_password()
    qtbot.keyClicks(dialog.current, PASSWORD)
    qtbot.keyClicks(dialog.new, "kata-laluan-kedua")
    qtbot.keyClicks(dialog.confirm, "kata-laluan-kedua")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert U.login(registers_db, "baca1", "kata-laluan-kedua").role is Role.BACA


def test_a_local_administrator_has_no_password_to_change(win):
    assert not win.password_action.isVisible()


def test_every_guarded_button_names_a_service_function():
    """A typo in pages.py would leave a button shown to a role the service then refuses."""
    import importlib

    from desktop.views.pages import pages

    for spec in pages():
        for name, action in spec.guards:
            module, _, fn = action.rpartition(".")
            assert callable(getattr(importlib.import_module(module), fn)), (spec.key, name)


def test_demo_opens_straight_away_as_the_demo_administrator(db, qtbot):
    from desktop.app import sign_in_actor
    from desktop.cli import build_parser

    who = sign_in_actor(db, build_parser().parse_args(["--demo"]), "ms")
    w = create_window(db, actor=who)
    qtbot.addWidget(w)
    assert (w.ops.actor.username, w.ops.role) == ("demo", Role.PENTADBIR)
    assert w.user_label.text() == "Pengguna: Pentadbir Demo (Pentadbir)"
    assert not w.ops.has_account and "users" in page_keys(w)
