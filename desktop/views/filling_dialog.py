"""Isi kekosongan: the guided choice of how to fill a vacancy.

Every method is listed: those paras 7 and 8 allow with their cost over the planned period (the
cheapest marked, 7.4(d), 8(c)), the others with the reason they are left out. The clerk picks a
method and writes why; the choice is recorded on the vacancy, then the method's own form opens.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QTableView, QWidget

from desktop.rules import Refused, psh_last_day
from desktop.rules.enums import Qualification
from desktop.rules.vacancy_enums import method_label
from desktop.services.allocation import balance
from desktop.services.filling_choice import FillingOption, choose_method, filling_options
from desktop.services.vacancies import VacancyRow
from desktop.views.form_dialog import FormDialog
from desktop.views.labels import qualification_label
from desktop.views.operations import Operations, Result
from desktop.views.table_model import Column, RowTableModel
from desktop.views.vacancy_dialogs import vacancy_title
from desktop.views.widgets import DateField, choice_combo, select_data

# the form that takes over once a method is chosen: Class(ops, vacancy row, parent, start=, end=)
METHOD_FORMS: dict[str, str] = {
    "PSH": "desktop.views.psh_page:PshDialog",
    "ACTING": "desktop.views.acting_page:ActingDialog",
    "GANTIAN": "desktop.views.gantian_page:GantianDialog",
}


def method_form(method: str | None):
    """The form class for ``method``, imported on first use."""
    target = METHOD_FORMS.get(method or "")
    if target is None:
        return None
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)


def _cost_text(o: FillingOption) -> str:
    if not o.allowed:
        return ""
    if o.cost.total is None:
        return o.cost.problem.message() if o.cost.problem else ""
    return f"{o.cost.total:,.2f}"


def _parts_text(o: FillingOption) -> str:
    if o.cost is None:
        return ""
    return "; ".join(f"{label} {amount:,.2f}" for label, amount in o.cost.parts)


class FillingDialog(FormDialog):
    def __init__(self, ops: Operations, row: VacancyRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.next_form = None
        self.setObjectName("fillingDialog")
        self.setWindowTitle(self.tr("Isi kekosongan %1").replace("%1", vacancy_title(row)))
        self.resize(980, 0)
        self.start: DateField = self.add_field("start", self.tr("Dari"), DateField())
        self.end: DateField = self.add_field("end", self.tr("Hingga"), DateField())
        self.end.set_value(psh_last_day(self.start.value()))
        self.qualification: QComboBox = self.add_field(
            "psh_qualification", self.tr("Kelayakan yang diperlukan tugas (5A(h))"),
            choice_combo([(qualification_label(q), q.value) for q in Qualification
                          if q is not Qualification.BELOW_SPM]))
        select_data(self.qualification, Qualification.SPM.value)

        self.options = RowTableModel([
            Column(self.tr("Kaedah"), lambda o: method_label(o.method)
                   + (self.tr(" (paling murah)") if o.cheapest else "")),
            Column(self.tr("Dibenarkan"), lambda o: o.allowed),
            Column(self.tr("Kos (RM)"), _cost_text, align_right=True),
            Column(self.tr("Pecahan"), _parts_text),
            Column(self.tr("Syarat / sebab"), lambda o: o.why_not or o.notes),
        ], self, muted=lambda o: not o.allowed)
        self.table = QTableView(objectName="optionsTable")
        self.table.setModel(self.options)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(170)
        self.form_layout.addRow(self.table)
        self.balance = QLabel(objectName="os29000Balance")
        self.form_layout.addRow(self.tr("Baki OS29000"), self.balance)
        self.problem = QLabel(objectName="optionsProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.form_layout.addRow(self.problem)

        self.method: QComboBox = self.add_field("method", self.tr("Kaedah dipilih"), QComboBox())
        self.reason = self.add_field("reason", self.tr("Justifikasi"), QPlainTextEdit())
        self.reason.setFixedHeight(60)
        self.reason.setPlaceholderText(self.tr("cth. kos paling rendah; calon simpanan masih ada"))
        self.finish_fields()
        self.save_button.setText(self.tr("Simpan pilihan"))

        for field in (self.start, self.end):
            field.dateChanged.connect(self.refresh)
        self.qualification.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        keep = self.method.currentData()
        try:
            options = self.ops.query(filling_options, self.row.id, self.start.value(),
                                     self.end.value(), self.qualification.currentData())
        except Refused as refused:
            self.problem.setText(refused.message(self.ops.lang))
            self.options.set_rows([])
            return
        self.problem.clear()
        year = self.start.value().year
        b = self.ops.query(balance, year)
        self.balance.setText(self.tr("RM %1 bagi tahun %2 (PSH dibayar daripada OS29000, 5A(c))")
                             .replace("%1", f"{b.available:,.2f}").replace("%2", str(year)))
        self.options.set_rows(options)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.method.clear()
        for o in options:
            if o.allowed:
                self.method.addItem(method_label(o.method), o.method.value)
        cheapest = next((o.method.value for o in options if o.cheapest), None)
        select_data(self.method, keep or cheapest)

    def submit(self) -> Result:
        return self.ops.run(choose_method, self.row.id, self.method.currentData(),
                            self.reason.toPlainText(), self.start.value(), self.end.value(),
                            self.qualification.currentData(), parent=self, show_refusal=False)

    def saved(self, result: Result):
        form = method_form(self.method.currentData())
        if form is not None:
            self.next_form = form(self.ops, self.row, self.parentWidget(),
                                  start=self.start.value(), end=self.end.value())
            self.next_form.open()
        return self.row.id
