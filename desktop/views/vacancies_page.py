"""The vacancy register: every vacancy with its step, waiting time and filling."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPushButton

from desktop.rules.enums import VacancyKind
from desktop.rules.letters import LetterKind
from desktop.rules.vacancy_enums import kind_label, method_label
from desktop.services.vacancies import VacancyRow, list_vacancies
from desktop.views.candidates_dialog import CandidatesDialog
from desktop.views.filling_dialog import FillingDialog
from desktop.views.letter_actions import issue_and_preview
from desktop.views.register_page import RegisterPage
from desktop.views.table_model import Column
from desktop.views.vacancy_dialogs import CloseDialog, VacancyDialog, vacancy_title
from desktop.views.widgets import choice_combo
from desktop.views.workflow_dialog import StepsDialog, UndoStepDialog


class VacanciesPage(RegisterPage):
    kinds = frozenset({"vacancy", "vacancy_step", "candidate", "post", "premises", "staff"})
    entity = "vacancy"

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("vacanciesPage")

    def page_title(self) -> str:
        return self.tr("Daftar Kekosongan")

    def inactive_label(self) -> str:
        return self.tr("Papar yang ditutup")

    def is_active(self, row: VacancyRow) -> bool:
        return row.status.is_live

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Premis"), lambda r: r.premises_code),
            Column(self.tr("Nama premis"), lambda r: r.premises_name),
            Column(self.tr("Daerah"), lambda r: r.district),
            Column(self.tr("Gred"), lambda r: r.grade_code),
            Column(self.tr("Jenis"), lambda r: kind_label(r.kind)),
            Column(self.tr("Sebab"), lambda r: r.reason_label),
            Column(self.tr("Penyandang"), lambda r: r.incumbent_name),
            Column(self.tr("Tarikh kosong"), lambda r: r.opened_on),
            Column(self.tr("Dijangka kembali"), lambda r: r.expected_end),
            Column(self.tr("Status"), lambda r: r.status.label_ms),
            Column(self.tr("Langkah semasa"), lambda r: r.current_step_label),
            Column(self.tr("Hari menunggu"), lambda r: r.days_waiting, align_right=True),
            Column(self.tr("Kaedah"), lambda r: method_label(r.filled_method)),
        ]

    def load(self) -> list[VacancyRow]:
        return self.ops.query(list_vacancies)

    def dialog_for(self, row: VacancyRow | None):
        if row is not None and not row.status.is_live:
            return None  # a closed vacancy is history
        return VacancyDialog(self.ops, row, self)

    def make_buttons(self) -> list:
        self.kind_filter: QComboBox = choice_combo(
            [(kind_label(k), k.value) for k in VacancyKind], blank=self.tr("Semua jenis"))
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.currentIndexChanged.connect(self._apply_predicate)
        self.steps_button = QPushButton(self.tr("Langkah..."), objectName="stepsButton")
        self.undo_button = QPushButton(self.tr("Batal langkah..."), objectName="undoButton")
        self.candidates_button = QPushButton(self.tr("Calon..."), objectName="candidatesButton")
        self.choose_button = QPushButton(self.tr("Isi kekosongan..."), objectName="chooseButton")
        self.close_button = QPushButton(self.tr("Tutup..."), objectName="closeButton")
        self.letter_button = QPushButton(self.tr("Cetak permohonan PSH"),
                                         objectName="letterButton")
        self.letter_button.clicked.connect(lambda: self.print_letter())
        for button, dialog in ((self.steps_button, StepsDialog),
                               (self.undo_button, UndoStepDialog),
                               (self.candidates_button, CandidatesDialog),
                               (self.choose_button, FillingDialog),
                               (self.close_button, CloseDialog)):
            button.clicked.connect(lambda _=False, d=dialog: self.open_dialog(d))
        return [self.steps_button, self.undo_button, self.candidates_button, self.choose_button,
                self.close_button, self.letter_button, self.kind_filter]

    def print_letter(self):
        """The application to the KP for approval of a PSH on the selected vacancy (7.4(e))."""
        row = self.selected_row()
        if row is None:
            return None
        return issue_and_preview(self.ops, LetterKind.PSH_APPLICATION, row.id, self)

    def has_row_filter(self) -> bool:
        return hasattr(self, "kind_filter") and self.kind_filter.currentData() is not None

    def row_filter(self, row: VacancyRow) -> bool:
        return row.kind.value == self.kind_filter.currentData()

    def selection_changed(self) -> None:
        super().selection_changed()
        row = self.selected_row()
        live = row is not None and row.status.is_live
        self.edit_button.setEnabled(live)
        for button in (self.undo_button, self.choose_button, self.close_button):
            button.setEnabled(live)
        self.steps_button.setEnabled(row is not None)
        self.candidates_button.setEnabled(row is not None)
        self.letter_button.setEnabled(row is not None)  # the service says when it cannot

    def row_title(self, row: VacancyRow) -> str:
        return vacancy_title(row)

    def field_labels(self) -> dict[str, str]:
        return {"reason": self.tr("Sebab"), "opened_on": self.tr("Tarikh kosong"),
                "expected_end": self.tr("Dijangka kembali"), "status": self.tr("Status"),
                "filled_method": self.tr("Kaedah"), "filled_on": self.tr("Tarikh diisi"),
                "closed_on": self.tr("Tarikh ditutup"), "close_note": self.tr("Sebab ditutup"),
                "notes": self.tr("Catatan"), "incumbent_id": self.tr("Penyandang")}
