"""The form to add or edit a premises; a refusal keeps it open with each problem by its field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.rules import STATES
from desktop.rules.enums import PremisesKind
from desktop.services.premises import PremisesForm, PremisesRow, add_premises, update_premises
from desktop.views.forms import FieldErrors
from desktop.views.operations import Operations


class PremisesDialog(QDialog):
    def __init__(self, ops: Operations, row: PremisesRow | None = None, *,
                 default_state: str = "", districts: dict[str, list[str]] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.row = ops, row
        self.saved_id: int | None = None
        self._districts = districts or {}
        self.setWindowTitle(self.tr("Ubah premis") if row else self.tr("Tambah premis"))
        self.setObjectName("premisesDialog")

        self.code = QLineEdit(objectName="code")
        self.code.setMaxLength(20)
        self.name = QLineEdit(objectName="name")
        self.kind = QComboBox(objectName="kind")
        for kind in PremisesKind:
            self.kind.addItem(kind.label_ms, kind.value)
        self.state = QComboBox(objectName="state")
        for code, (name, _pb) in STATES.items():
            self.state.addItem(name, code)
        self.district = QComboBox(objectName="district")
        self.district.setEditable(True)
        self.address = QPlainTextEdit(objectName="address")
        self.address.setFixedHeight(70)

        form = QFormLayout()
        form.addRow(self.tr("Kod premis"), self.code)
        form.addRow(self.tr("Nama premis"), self.name)
        form.addRow(self.tr("Jenis"), self.kind)
        form.addRow(self.tr("Negeri"), self.state)
        form.addRow(self.tr("Daerah"), self.district)
        form.addRow(self.tr("Alamat"), self.address)
        self.errors = FieldErrors(form, {"code": self.code, "name": self.name, "kind": self.kind,
                                         "state": self.state, "district": self.district,
                                         "address": self.address}, ops.lang)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.state.currentIndexChanged.connect(self._fill_districts)
        self._load(row, default_state)

    def _load(self, row: PremisesRow | None, default_state: str) -> None:
        state = row.state if row else default_state
        index = self.state.findData(state)
        self.state.setCurrentIndex(max(index, 0))
        self._fill_districts()
        if row is None:
            self.district.setEditText("")
            return
        self.code.setText(row.code)
        self.name.setText(row.name)
        self.kind.setCurrentIndex(max(self.kind.findData(row.kind.value), 0))
        self.district.setEditText(row.district)
        self.address.setPlainText(row.address)

    def _fill_districts(self) -> None:
        text = self.district.currentText()
        self.district.clear()
        self.district.addItems(self._districts.get(self.state.currentData(), []))
        self.district.setEditText(text)

    def form(self) -> PremisesForm:
        return PremisesForm(code=self.code.text(), name=self.name.text(),
                            kind=self.kind.currentData(), state=self.state.currentData() or "",
                            district=self.district.currentText(),
                            address=self.address.toPlainText())

    def save(self) -> None:
        self.errors.clear()
        if self.row is None:
            result = self.ops.run(add_premises, self.form(), parent=self, show_refusal=False)
        else:
            result = self.ops.run(update_premises, self.row.id, self.form(), parent=self,
                                  show_refusal=False)
        if not result.ok:
            self.errors.show(result.refused)
            return
        self.saved_id = result.value if self.row is None else self.row.id
        self.accept()
