"""Signing in at start: the first administrator on a new database, then the login itself.

Both dialogs hold the database only to hand it to the users service (``users.login``,
``unit.perform``); they never open a session. ``sign_in`` runs the one the database needs and
returns the :class:`~desktop.rules.roles.Actor` who signed in, or None when the user cancels.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.rules import Refused
from desktop.rules.roles import Actor
from desktop.services import unit
from desktop.services.users import UserForm, create_first_admin, first_run_needed, login
from desktop.views.forms import FieldErrors
from desktop.views.widgets import password_field


class _SignInDialog(QDialog):
    def __init__(self, db, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.lang = db, lang
        self.actor: Actor | None = None
        self.form_layout = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.intro = QLabel(objectName="intro")
        self.intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.buttons)
        self.errors: FieldErrors | None = None

    def add_field(self, name: str, label: str, widget: QLineEdit) -> QLineEdit:
        widget.setObjectName(name)
        self.form_layout.addRow(label, widget)
        self.fields[name] = widget
        return widget

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def refused(self, refused: Refused) -> None:
        self.errors.show(refused)

    def submit(self) -> None:
        raise NotImplementedError


class LoginDialog(_SignInDialog):
    def __init__(self, db, lang: str = "ms", parent: QWidget | None = None):
        super().__init__(db, lang, parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log masuk IsiTugas"))
        self.intro.setText(self.tr("Pangkalan data: %1").replace("%1", db.display_name()))
        self.username = self.add_field("username", self.tr("Nama pengguna"), QLineEdit())
        self.password = self.add_field("password", self.tr("Kata laluan"), password_field())
        self.errors = FieldErrors(self.form_layout, self.fields, lang)
        self.ok_button.setText(self.tr("Log masuk"))

    def submit(self) -> None:
        self.errors.clear()
        outcome = login(self.db, self.username.text(), self.password.text())
        self.password.clear()  # never kept in the dialog after a try
        if isinstance(outcome, Refused):
            self.refused(outcome)
            return
        self.actor = outcome
        self.accept()


class FirstAdminDialog(_SignInDialog):
    """A new database has no users: its first user is the administrator, who adds the rest."""

    def __init__(self, db, lang: str = "ms", parent: QWidget | None = None):
        super().__init__(db, lang, parent)
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("Pentadbir pertama"))
        self.intro.setText(self.tr(
            "Pangkalan data ini belum ada pengguna. Daftarkan pentadbir pertama; pentadbir "
            "kemudian menambah kerani, pegawai pelulus dan pengguna baca sahaja."))
        self.username = self.add_field("username", self.tr("Nama pengguna"), QLineEdit())
        self.full_name = self.add_field("full_name", self.tr("Nama penuh"), QLineEdit())
        self.password = self.add_field("password", self.tr("Kata laluan"), password_field())
        self.confirm = self.add_field("confirm", self.tr("Sahkan kata laluan"),
                                      password_field())
        self.errors = FieldErrors(self.form_layout, self.fields, lang)
        self.ok_button.setText(self.tr("Daftar dan log masuk"))

    def submit(self) -> None:
        self.errors.clear()
        form = UserForm(self.username.text(), self.full_name.text(), "PENTADBIR",
                        self.password.text(), self.confirm.text())
        try:
            # nobody has signed in yet: the installer acts as a local administrator
            unit.perform(self.db, create_first_admin, form, actor="pemasangan")
        except Refused as refused:
            self.refused(refused)
            return
        outcome = login(self.db, form.username, form.password)
        if isinstance(outcome, Refused):  # pragma: no cover - just registered
            self.refused(outcome)
            return
        self.actor = outcome
        self.accept()


def sign_in_dialog(db, lang: str = "ms", parent: QWidget | None = None) -> _SignInDialog:
    """The dialog this database needs: the first administrator, or the login."""
    if unit.read(db, first_run_needed):
        return FirstAdminDialog(db, lang, parent)
    return LoginDialog(db, lang, parent)


def sign_in(db, lang: str = "ms", parent: QWidget | None = None) -> Actor | None:
    """Ask who is using the app (modal over ``parent``); None when the user cancels."""
    dialog = sign_in_dialog(db, lang, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor
