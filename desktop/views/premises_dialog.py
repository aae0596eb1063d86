"""The form to add or edit a premises; a refusal keeps it open with each problem by its field."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.rules import STATES
from desktop.rules.enums import PremisesKind
from desktop.services.premises import PremisesForm, PremisesRow, add_premises, update_premises
from desktop.views.form_dialog import FormDialog
from desktop.views.operations import Operations, Result


class PremisesDialog(FormDialog):
    def __init__(self, ops: Operations, row: PremisesRow | None = None, *,
                 default_state: str = "", districts: dict[str, list[str]] | None = None,
                 parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self._districts = districts or {}
        self.setWindowTitle(self.tr("Ubah premis") if row else self.tr("Tambah premis"))
        self.setObjectName("premisesDialog")

        self.code = self.add_field("code", self.tr("Kod premis"), QLineEdit())
        self.code.setMaxLength(20)
        self.name = self.add_field("name", self.tr("Nama premis"), QLineEdit())
        self.kind = self.add_field("kind", self.tr("Jenis"), QComboBox())
        for kind in PremisesKind:
            self.kind.addItem(kind.label_ms, kind.value)
        self.state = self.add_field("state", self.tr("Negeri"), QComboBox())
        for code, (name, _pb) in STATES.items():
            self.state.addItem(name, code)
        self.district = self.add_field("district", self.tr("Daerah"), QComboBox())
        self.district.setEditable(True)
        self.address = self.add_field("address", self.tr("Alamat"), QPlainTextEdit())
        self.address.setFixedHeight(70)
        self.finish_fields()

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

    def submit(self) -> Result:
        if self.row is None:
            return self.ops.run(add_premises, self.form(), parent=self, show_refusal=False)
        return self.ops.run(update_premises, self.row.id, self.form(), parent=self,
                            show_refusal=False)

    def saved(self, result: Result):
        return result.value if self.row is None else self.row.id
