"""The base of every register's add/edit form.

A subclass adds its fields with ``add_field``, turns them into the service's form object and
names the service action; the base runs it through the operation helper and, on a refusal,
keeps the dialog open with each problem beside the field it names. Nothing is saved unless the
whole form passes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.views.forms import FieldErrors
from desktop.views.operations import Operations, Result


class FormDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.saved_id: Any = None
        self.form_layout = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.buttons)
        self.errors: FieldErrors | None = None

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(name)
        self.form_layout.addRow(label, widget)
        self.fields[name] = widget
        return widget

    def finish_fields(self) -> None:
        """Call once every field is added: puts an error label under each."""
        self.errors = FieldErrors(self.form_layout, self.fields, self.ops.lang)

    @property
    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def submit(self) -> Result:
        """Run the service action for this form through ``self.ops.run(..., show_refusal=False)``."""
        raise NotImplementedError

    def saved(self, result: Result) -> Any:
        """The id of what was saved (select it in the register afterwards)."""
        return result.value

    def save(self) -> None:
        assert self.errors is not None, "finish_fields() was not called"
        self.errors.clear()
        result = self.submit()
        if not result.ok:
            self.errors.show(result.refused)
            return
        self.saved_id = self.saved(result)
        self.accept()
