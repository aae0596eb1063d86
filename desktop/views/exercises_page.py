"""Recruitment exercises (temu duga): each interview and its ranked list of candidates, which
operational vacancies draw their reserve candidates from (8.2)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from desktop.services.candidates import (
    ExerciseForm,
    ExerciseRow,
    add_exercise,
    list_exercises,
    update_exercise,
)
from desktop.services.grades import list_grades
from desktop.views.candidates_dialog import CandidatesDialog
from desktop.views.form_dialog import FormDialog
from desktop.views.operations import Operations, Result
from desktop.views.register_page import RegisterPage
from desktop.views.table_model import Column
from desktop.views.widgets import DateField, choice_combo, select_data


class ExerciseDialog(FormDialog):
    def __init__(self, ops: Operations, row: ExerciseRow | None, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("exerciseDialog")
        self.setWindowTitle(self.tr("Ubah temu duga") if row else self.tr("Tambah temu duga"))
        self.title = self.add_field("title", self.tr("Tajuk"), QLineEdit())
        self.held_on = self.add_field("held_on", self.tr("Tarikh temu duga"), DateField())
        self.reference = self.add_field("reference", self.tr("Rujukan"), QLineEdit())
        grades = [(g.label, g.id) for g in ops.query(list_grades, include_inactive=False)]
        self.grade = self.add_field("grade_id", self.tr("Gred"),
                                    choice_combo(grades, blank=self.tr("(semua gred)")))
        self.finish_fields()
        if row:
            self.title.setText(row.title)
            self.held_on.set_value(row.held_on)
            self.reference.setText(row.reference)
            select_data(self.grade, row.grade_id)

    def submit(self) -> Result:
        form = ExerciseForm(self.title.text(), self.held_on.value(), self.reference.text(),
                            self.grade.currentData())
        if self.row is None:
            return self.ops.run(add_exercise, form, parent=self, show_refusal=False)
        return self.ops.run(update_exercise, self.row.id, form, parent=self, show_refusal=False)

    def saved(self, result: Result):
        return result.value if self.row is None else self.row.id


class ExercisesPage(RegisterPage):
    kinds = frozenset({"recruitment_exercise", "candidate", "grade"})
    entity = "recruitment_exercise"

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("exercisesPage")
        self.show_inactive.hide()  # an exercise is a record of what happened: never inactive

    def page_title(self) -> str:
        return self.tr("Temu Duga dan Calon")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Tarikh"), lambda r: r.held_on),
            Column(self.tr("Tajuk"), lambda r: r.title),
            Column(self.tr("Rujukan"), lambda r: r.reference),
            Column(self.tr("Gred"), lambda r: r.grade_code),
            Column(self.tr("Calon"), lambda r: r.candidates, align_right=True),
        ]

    def load(self) -> list[ExerciseRow]:
        return self.ops.query(list_exercises)

    def dialog_for(self, row: ExerciseRow | None) -> ExerciseDialog:
        return ExerciseDialog(self.ops, row, self)

    def make_buttons(self) -> list[QPushButton]:
        self.candidates_button = QPushButton(self.tr("Calon..."), objectName="candidatesButton")
        self.candidates_button.clicked.connect(self.show_candidates)
        return [self.candidates_button]

    def selection_changed(self) -> None:
        super().selection_changed()
        self.candidates_button.setEnabled(self.selected_row() is not None)

    def show_candidates(self) -> CandidatesDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = CandidatesDialog(self.ops, None, self, exercise=row)
        dialog.open()
        return dialog

    def row_title(self, row: ExerciseRow) -> str:
        return row.title
