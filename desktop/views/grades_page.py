"""The grades register: grade codes and titles, and each grade's dated starting salaries."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QWidget

from desktop.services.grades import (
    GradeForm,
    GradeRow,
    add_grade,
    add_grade_salary,
    grade_salary_history,
    list_grades,
    set_grade_active,
    update_grade,
)
from desktop.views.form_dialog import FormDialog
from desktop.views.operations import Operations, Result
from desktop.views.register_page import RegisterPage
from desktop.views.table_model import Column, RowTableModel
from desktop.views.widgets import DateField


class GradeDialog(FormDialog):
    def __init__(self, ops: Operations, row: GradeRow | None, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("gradeDialog")
        self.setWindowTitle(self.tr("Ubah gred") if row else self.tr("Tambah gred"))
        self.code = self.add_field("code", self.tr("Kod gred"), QLineEdit())
        self.code.setPlaceholderText("S17")
        self.title = self.add_field("title", self.tr("Nama gred"), QLineEdit())
        self.title.setPlaceholderText(self.tr("Pembantu Pendidik"))
        self.finish_fields()
        if row:
            self.code.setText(row.code)
            self.title.setText(row.title)

    def submit(self) -> Result:
        form = GradeForm(self.code.text(), self.title.text())
        if self.row is None:
            return self.ops.run(add_grade, form, parent=self, show_refusal=False)
        return self.ops.run(update_grade, self.row.id, form, parent=self, show_refusal=False)

    def saved(self, result: Result):
        return result.value if self.row is None else self.row.id


class SalaryDialog(FormDialog):
    """A new starting salary from a date; the earlier ones stay for earlier days."""

    def __init__(self, ops: Operations, grade: GradeRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.grade = grade
        self.setObjectName("salaryDialog")
        self.setWindowTitle(self.tr("Gaji permulaan gred %1").replace("%1", grade.code))
        self.history = RowTableModel([
            Column(self.tr("Berkuat kuasa"), lambda r: r.effective_from),
            Column(self.tr("Gaji permulaan (RM)"), lambda r: r.starting_salary, align_right=True),
        ], self)
        self.history.set_rows(ops.query(grade_salary_history, grade.id))
        table = QTableView(objectName="salaryHistory")
        table.setModel(self.history)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setMaximumHeight(160)
        self.form_layout.addRow(QLabel(self.tr("Gaji permulaan yang direkodkan:")))
        self.form_layout.addRow(table)
        self.effective_from = self.add_field("effective_from", self.tr("Berkuat kuasa mulai"),
                                             DateField())
        self.amount = self.add_field("starting_salary", self.tr("Gaji permulaan (RM)"),
                                     QLineEdit())
        self.amount.setPlaceholderText("0.00")
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(add_grade_salary, self.grade.id, self.effective_from.value(),
                            self.amount.text(), parent=self, show_refusal=False)

    def saved(self, result: Result):
        return self.grade.id


class GradesPage(RegisterPage):
    kinds = frozenset({"grade", "grade_salary"})
    entity = "grade"
    set_active = staticmethod(set_grade_active)

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("gradesPage")

    def page_title(self) -> str:
        return self.tr("Daftar Gred")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Kod"), lambda r: r.code),
            Column(self.tr("Nama gred"), lambda r: r.title),
            Column(self.tr("Gaji permulaan (RM)"), lambda r: r.starting_salary,
                   align_right=True),
            Column(self.tr("Berkuat kuasa"), lambda r: r.salary_from),
            Column(self.tr("Aktif"), lambda r: r.active),
        ]

    def load(self) -> list[GradeRow]:
        return self.ops.query(list_grades)

    def dialog_for(self, row: GradeRow | None) -> GradeDialog:
        return GradeDialog(self.ops, row, self)

    def make_buttons(self) -> list[QPushButton]:
        self.salary_button = QPushButton(self.tr("Gaji permulaan..."), objectName="salaryButton")
        self.salary_button.clicked.connect(self.new_salary)
        return [self.salary_button]

    def selection_changed(self) -> None:
        super().selection_changed()
        self.salary_button.setEnabled(self.selected_row() is not None)

    def new_salary(self) -> SalaryDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = SalaryDialog(self.ops, row, self)
        dialog.open()
        return dialog

    def row_title(self, row: GradeRow) -> str:
        return f"{row.code} {row.title}"

    def field_labels(self) -> dict[str, str]:
        return {"code": self.tr("Kod"), "title": self.tr("Nama gred"), "active": self.tr("Aktif")}
