"""End a PSH, acting or gantian appointment on a date, with a reason; the record stays."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.views.form_dialog import FormDialog
from desktop.views.operations import Operations, Result
from desktop.views.widgets import DateField


class EndDialog(FormDialog):
    def __init__(self, ops: Operations, row, action: Callable, title: str,
                 parent: QWidget | None = None, *, date_field: str = "ended_on"):
        super().__init__(ops, parent)
        self.row, self.action = row, action
        self.setObjectName("endDialog")
        self.setWindowTitle(title)
        self.ended_on = self.add_field(date_field, self.tr("Hari terakhir"), DateField())
        self.reason = self.add_field("reason", self.tr("Sebab"), QLineEdit())
        self.finish_fields()
        self.save_button.setText(self.tr("Tamatkan"))

    def submit(self) -> Result:
        return self.ops.run(self.action, self.row.id, self.ended_on.value(), self.reason.text(),
                            parent=self, show_refusal=False)

    def saved(self, result: Result):
        return self.row.id
