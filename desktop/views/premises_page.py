"""The premises register: the model every later register copies."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.rules import state_name
from desktop.services.geo import districts_by_state
from desktop.services.office import get_office
from desktop.services.premises import PremisesRow, list_premises, set_premises_active
from desktop.views.premises_dialog import PremisesDialog
from desktop.views.register_page import RegisterPage
from desktop.views.table_model import Column


class PremisesPage(RegisterPage):
    kinds = frozenset({"premises", "post", "office"})
    entity = "premises"

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("premisesPage")

    def page_title(self) -> str:
        return self.tr("Daftar Premis")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Kod"), lambda r: r.code),
            Column(self.tr("Nama premis"), lambda r: r.name),
            Column(self.tr("Jenis"), lambda r: r.kind.label_ms),
            Column(self.tr("Negeri"), lambda r: state_name(r.state)),
            Column(self.tr("Daerah"), lambda r: r.district),
            Column(self.tr("Jawatan"), lambda r: r.posts, align_right=True),
            Column(self.tr("Aktif"), lambda r: r.active),
        ]

    def load(self) -> list[PremisesRow]:
        return self.ops.query(list_premises)

    def make_buttons(self) -> list[QPushButton]:
        self.add_button = QPushButton(self.tr("Tambah..."), objectName="addButton")
        self.edit_button = QPushButton(self.tr("Ubah..."), objectName="editButton")
        self.active_button = QPushButton(self.tr("Nyahaktifkan"), objectName="activeButton")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button.clicked.connect(self.toggle_active)
        return [self.add_button, self.edit_button, self.active_button]

    def field_labels(self) -> dict[str, str]:
        return {"code": self.tr("Kod"), "name": self.tr("Nama premis"), "kind": self.tr("Jenis"),
                "state": self.tr("Negeri"), "district": self.tr("Daerah"),
                "address": self.tr("Alamat"), "active": self.tr("Aktif")}

    def row_title(self, row: PremisesRow) -> str:
        return f"{row.code} {row.name}"

    def selection_changed(self) -> None:
        super().selection_changed()
        row = self.selected_row()
        self.edit_button.setEnabled(row is not None)
        self.active_button.setEnabled(row is not None)
        if row is not None and not row.active:
            self.active_button.setText(self.tr("Aktifkan semula"))
        else:
            self.active_button.setText(self.tr("Nyahaktifkan"))

    def _dialog(self, row: PremisesRow | None) -> PremisesDialog:
        office = self.ops.query(get_office)
        return PremisesDialog(self.ops, row, default_state=office.state if office else "",
                              districts=districts_by_state(), parent=self)

    def add(self) -> PremisesDialog:
        dialog = self._dialog(None)
        dialog.accepted.connect(lambda: self._select_id(dialog.saved_id))
        dialog.open()
        return dialog

    def edit_selected(self) -> PremisesDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = self._dialog(row)
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if row.active:
            answer = QMessageBox.question(
                self, self.tr("Nyahaktifkan premis"),
                self.tr("Nyahaktifkan %1? Rekodnya kekal dan boleh diaktifkan semula.")
                .replace("%1", f"{row.code} {row.name}"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ops.run(set_premises_active, row.id, not row.active, parent=self)

    def _select_id(self, premises_id: int | None) -> None:
        if premises_id is not None:
            self.search.clear()
            self.select_where(lambda r: r.id == premises_id)
