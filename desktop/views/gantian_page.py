"""Replacement officers (pegawai gantian): the appointment form and the register."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.rules.mykad import format_mykad
from desktop.rules.vacancy_enums import kind_label
from desktop.services.gantian import (
    GantianForm,
    GantianRow,
    appoint_gantian,
    end_gantian,
    list_gantian,
)
from desktop.services.vacancies import VacancyRow
from desktop.views.filling_register import FillingRegisterPage
from desktop.views.form_dialog import FormDialog
from desktop.views.operations import Operations, Result
from desktop.views.table_model import Column
from desktop.views.vacancy_dialogs import vacancy_title
from desktop.views.widgets import DateField


class GantianDialog(FormDialog):
    def __init__(self, ops: Operations, vacancy: VacancyRow, parent: QWidget | None = None, *,
                 start: date | None = None, end: date | None = None):
        super().__init__(ops, parent)
        self.vacancy = vacancy
        self.setObjectName("gantianDialog")
        self.setWindowTitle(self.tr("Pegawai gantian: %1").replace("%1", vacancy_title(vacancy)))
        self.name = self.add_field("name", self.tr("Nama"), QLineEdit())
        self.mykad = self.add_field("mykad", self.tr("No. MyKad"), QLineEdit())
        self.start = self.add_field("start", self.tr("Mula"), DateField())
        self.end = self.add_field("end", self.tr("Hingga"), DateField())
        if start:
            self.start.set_value(start)
        if end:
            self.end.set_value(end)
        self.approval_ref = self.add_field("approval_ref", self.tr("Rujukan kelulusan"),
                                           QLineEdit())
        self.approval_date = self.add_field("approval_date", self.tr("Tarikh kelulusan"),
                                            DateField())
        self.finish_fields()

    def submit(self) -> Result:
        form = GantianForm(vacancy_id=self.vacancy.id, name=self.name.text(),
                           mykad=self.mykad.text(), start=self.start.value(),
                           end=self.end.value(), approval_ref=self.approval_ref.text(),
                           approval_date=self.approval_date.value())
        return self.ops.run(appoint_gantian, form, parent=self, show_refusal=False)


class GantianPage(FillingRegisterPage):
    kinds = frozenset({"gantian", "vacancy"})
    entity = "gantian"
    end_action = staticmethod(end_gantian)

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("gantianPage")

    def page_title(self) -> str:
        return self.tr("Daftar Pegawai Gantian")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Premis"), lambda r: f"{r.premises_code} {r.premises_name}"),
            Column(self.tr("Gred"), lambda r: r.grade_code),
            Column(self.tr("Jenis"), lambda r: kind_label(r.vacancy_kind)),
            Column(self.tr("Nama"), lambda r: r.name),
            Column(self.tr("No. MyKad"), lambda r: format_mykad(r.mykad), mykad=True),
            Column(self.tr("Saguhati (RM)"), lambda r: f"{r.amount:,.2f} / {r.per_label}"),
            Column(self.tr("Mula"), lambda r: r.start),
            Column(self.tr("Hingga"), lambda r: r.last_day),
            Column(self.tr("Status"), lambda r: r.status_label),
        ]

    def load(self) -> list[GantianRow]:
        return self.ops.query(list_gantian)

    def row_title(self, row: GantianRow) -> str:
        return f"{row.name} - {row.premises_code} {row.grade_code}"

