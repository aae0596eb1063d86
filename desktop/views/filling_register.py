"""What the PSH, acting and gantian registers share: rows start from a vacancy (not from an
Add button), ended rows are history shown on request, and each row can be ended with a date and
a reason through its own service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton

from desktop.views.end_dialog import EndDialog
from desktop.views.register_page import RegisterPage


class FillingRegisterPage(RegisterPage):
    can_add = False  # an appointment starts from its vacancy (Isi kekosongan)
    end_action: Callable | None = None  # the service action (ctx, id, ended_on, reason)

    def inactive_label(self) -> str:
        return self.tr("Papar yang telah tamat")

    def is_active(self, row: Any) -> bool:
        return row.status.value == "ACTIVE"

    def end_title(self, row: Any) -> str:
        return self.tr("Tamatkan %1").replace("%1", self.row_title(row))

    def make_buttons(self) -> list[QPushButton]:
        self.end_button = QPushButton(self.tr("Tamatkan..."), objectName="endButton")
        self.end_button.clicked.connect(self.end_selected)
        return [self.end_button, *self.more_buttons()]

    def more_buttons(self) -> list[QPushButton]:
        return []

    def selection_changed(self) -> None:
        super().selection_changed()
        row = self.selected_row()
        self.edit_button.hide()
        self.end_button.setEnabled(row is not None and self.is_active(row))

    def end_selected(self) -> EndDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = EndDialog(self.ops, row, type(self).end_action, self.end_title(row), self)
        dialog.open()
        return dialog
