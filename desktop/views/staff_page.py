"""The staff register: contract (COS) officers, searched by name or MyKad."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.rules.enums import Qualification
from desktop.rules.mykad import format_mykad
from desktop.services.grades import list_grades
from desktop.services.staff import (
    StaffForm,
    StaffRow,
    add_staff,
    list_staff,
    set_staff_active,
    update_staff,
)
from desktop.views.form_dialog import FormDialog
from desktop.views.labels import qualification_label, sex_label
from desktop.views.operations import Operations, Result
from desktop.views.register_page import RegisterPage
from desktop.views.table_model import Column
from desktop.views.widgets import DateField, choice_combo, select_data


class StaffDialog(FormDialog):
    def __init__(self, ops: Operations, row: StaffRow | None, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("Ubah pegawai") if row else self.tr("Tambah pegawai"))
        self.name = self.add_field("name", self.tr("Nama"), QLineEdit())
        self.mykad = self.add_field("mykad", self.tr("No. MyKad"), QLineEdit())
        self.mykad.setPlaceholderText("900101-10-5678")
        grades = [(g.label, g.id) for g in ops.query(list_grades, include_inactive=False)
                  if row is None or g.active or g.id == row.grade_id]
        self.grade: QComboBox = self.add_field(
            "grade_id", self.tr("Gred"), choice_combo(grades, blank=self.tr("(pilih gred)")))
        self.service_start: DateField = self.add_field(
            "service_start", self.tr("Mula berkhidmat"), DateField())
        self.confirmed_on: DateField = self.add_field(
            "confirmed_on", self.tr("Tarikh disahkan dalam perkhidmatan"), DateField(optional=True))
        self.qualification: QComboBox = self.add_field(
            "qualification", self.tr("Kelayakan tertinggi"),
            choice_combo([(qualification_label(q), q.value) for q in Qualification]))
        select_data(self.qualification, Qualification.SPM.value)
        self.finish_fields()
        if row:
            self.name.setText(row.name)
            self.mykad.setText(format_mykad(row.mykad))
            select_data(self.grade, row.grade_id)
            self.service_start.set_value(row.service_start)
            self.confirmed_on.set_value(row.confirmed_on)
            select_data(self.qualification, row.qualification.value)

    def form(self) -> StaffForm:
        grade = self.grade.currentData()
        return StaffForm(name=self.name.text(), mykad=self.mykad.text(),
                         grade_id="" if grade is None else str(grade),
                         service_start=self.service_start.text_value(),
                         confirmed_on=self.confirmed_on.text_value(),
                         qualification=self.qualification.currentData() or "")

    def submit(self) -> Result:
        if self.row is None:
            return self.ops.run(add_staff, self.form(), parent=self, show_refusal=False)
        return self.ops.run(update_staff, self.row.id, self.form(), parent=self,
                            show_refusal=False)

    def saved(self, result: Result):
        return result.value if self.row is None else self.row.id


class StaffPage(RegisterPage):
    kinds = frozenset({"staff", "post", "grade"})
    entity = "staff"
    set_active = staticmethod(set_staff_active)

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("staffPage")
        self.search.setPlaceholderText(self.tr("Cari nama atau No. MyKad..."))

    def page_title(self) -> str:
        return self.tr("Daftar Pegawai")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Nama"), lambda r: r.name),
            Column(self.tr("No. MyKad"), lambda r: format_mykad(r.mykad), mykad=True),
            Column(self.tr("Jantina"), lambda r: sex_label(r.sex)),
            Column(self.tr("Gred"), lambda r: r.grade_code),
            Column(self.tr("Mula berkhidmat"), lambda r: r.service_start),
            Column(self.tr("Disahkan"), lambda r: r.confirmed_on),
            Column(self.tr("Kelayakan"), lambda r: qualification_label(r.qualification)),
            Column(self.tr("Jawatan disandang"), lambda r: r.post),
            Column(self.tr("Aktif"), lambda r: r.active),
        ]

    def extra_search(self, row: StaffRow) -> str:
        return row.mykad  # typed without dashes

    def load(self) -> list[StaffRow]:
        return self.ops.query(list_staff)

    def dialog_for(self, row: StaffRow | None) -> StaffDialog:
        return StaffDialog(self.ops, row, self)

    def row_title(self, row: StaffRow) -> str:
        return f"{row.name} ({format_mykad(row.mykad)})"

    def field_labels(self) -> dict[str, str]:
        return {"name": self.tr("Nama"), "mykad": self.tr("No. MyKad"),
                "grade_id": self.tr("Gred"), "service_start": self.tr("Mula berkhidmat"),
                "confirmed_on": self.tr("Disahkan"), "qualification": self.tr("Kelayakan"),
                "active": self.tr("Aktif"), "birth_date": self.tr("Tarikh lahir"),
                "sex": self.tr("Jantina")}
