"""The administrator's users page: add users with a role, change or deactivate them, unlock an
account locked by failed logins, set a new password for a user who forgot theirs."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from desktop.rules.roles import ORDER, Role
from desktop.services.users import (
    UserForm,
    UserRow,
    add_user,
    change_password,
    list_users,
    reset_password,
    set_user_active,
    unlock_user,
    update_user,
)
from desktop.views.form_dialog import FormDialog
from desktop.views.history_dialog import local_time
from desktop.views.operations import Operations, Result
from desktop.views.register_page import RegisterPage
from desktop.views.table_model import Column
from desktop.views.widgets import choice_combo, password_field, select_data


class UserDialog(FormDialog):
    """Add a user (with a first password) or change a user's name and role."""

    def __init__(self, ops: Operations, row: UserRow | None, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("userDialog")
        self.setWindowTitle(self.tr("Ubah pengguna") if row else self.tr("Tambah pengguna"))
        self.username = self.add_field("username", self.tr("Nama pengguna"), QLineEdit())
        self.full_name = self.add_field("full_name", self.tr("Nama penuh"), QLineEdit())
        self.role = self.add_field("role", self.tr("Peranan"), choice_combo(
            [(r.label(ops.lang), r.value) for r in reversed(ORDER)]))
        if row is None:
            select_data(self.role, Role.KERANI.value)
            self.password = self.add_field("password", self.tr("Kata laluan"), password_field())
            self.confirm = self.add_field("confirm", self.tr("Sahkan kata laluan"),
                                          password_field())
        else:
            self.username.setText(row.username)
            self.username.setReadOnly(True)  # the audit log knows people by it
            self.full_name.setText(row.full_name)
            select_data(self.role, row.role.value)
        self.finish_fields()

    def submit(self) -> Result:
        if self.row is None:
            form = UserForm(self.username.text(), self.full_name.text(), self.role.currentData(),
                            self.password.text(), self.confirm.text())
            return self.ops.run(add_user, form, parent=self, show_refusal=False)
        return self.ops.run(update_user, self.row.id, self.full_name.text(),
                            self.role.currentData(), parent=self, show_refusal=False)

    def saved(self, result: Result):
        return result.value if self.row is None else self.row.id


class ResetPasswordDialog(FormDialog):
    def __init__(self, ops: Operations, row: UserRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Kata laluan baharu untuk %1").replace("%1", row.username))
        self.password = self.add_field("password", self.tr("Kata laluan baharu"),
                                       password_field())
        self.confirm = self.add_field("confirm", self.tr("Sahkan kata laluan"), password_field())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(reset_password, self.row.id, self.password.text(),
                            self.confirm.text(), parent=self, show_refusal=False)

    def saved(self, result: Result):
        return self.row.id


class ChangePasswordDialog(FormDialog):
    """Any signed-in user's own password, given the current one (File menu)."""

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Tukar kata laluan"))
        self.current = self.add_field("current", self.tr("Kata laluan semasa"), password_field())
        self.new = self.add_field("new", self.tr("Kata laluan baharu"), password_field())
        self.confirm = self.add_field("confirm", self.tr("Sahkan kata laluan"), password_field())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(change_password, self.current.text(), self.new.text(),
                            self.confirm.text(), parent=self, show_refusal=False)


class UsersPage(RegisterPage):
    kinds = frozenset({"user"})
    entity = "user"
    set_active = staticmethod(set_user_active)

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("usersPage")

    def page_title(self) -> str:
        return self.tr("Pengguna")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Nama pengguna"), lambda r: r.username),
            Column(self.tr("Nama penuh"), lambda r: r.full_name),
            Column(self.tr("Peranan"), lambda r: r.role.label(self.ops.lang)),
            Column(self.tr("Status"), self.status),
            Column(self.tr("Log masuk terakhir"),
                   lambda r: local_time(r.last_login).strftime("%d/%m/%Y %H:%M")
                   if r.last_login else ""),
        ]

    def status(self, row: UserRow) -> str:
        if not row.active:
            return self.tr("Tidak aktif")
        return self.tr("Dikunci") if row.locked else self.tr("Aktif")

    def load(self) -> list[UserRow]:
        return self.ops.query(list_users)

    def row_title(self, row: UserRow) -> str:
        return row.username

    def make_buttons(self) -> list[QPushButton]:
        self.unlock_button = QPushButton(self.tr("Buka kunci"), objectName="unlockButton")
        self.reset_button = QPushButton(self.tr("Kata laluan baharu..."),
                                        objectName="resetButton")
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.reset_button.clicked.connect(lambda: self.open_dialog(ResetPasswordDialog))
        return [self.unlock_button, self.reset_button]

    def selection_changed(self) -> None:
        super().selection_changed()
        row = self.selected_row()
        self.unlock_button.setEnabled(row is not None and row.locked)
        self.reset_button.setEnabled(row is not None and row.active)

    def dialog_for(self, row: UserRow | None):
        return UserDialog(self.ops, row, self)

    def unlock_selected(self) -> Result | None:
        row = self.selected_row()
        if row is None:
            return None
        return self.ops.run(unlock_user, row.id, parent=self)

    def field_labels(self) -> dict[str, str]:
        return {"full_name": self.tr("Nama penuh"), "role": self.tr("Peranan"),
                "active": self.tr("Aktif"), "locked_until": self.tr("Dikunci hingga"),
                "failed_attempts": self.tr("Cubaan gagal")}


__all__ = ["UsersPage", "UserDialog", "ResetPasswordDialog", "ChangePasswordDialog"]
