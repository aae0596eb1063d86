"""A vacancy's candidates in the circular's order of offer (7.4, 8.2), with their 5A flags."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.enums import Qualification
from desktop.rules.mykad import format_mykad
from desktop.rules.vacancy_enums import CandidateOutcome, CandidateStatus
from desktop.services.candidates import (
    CandidateForm,
    CandidateRow,
    ExerciseRow,
    add_candidate,
    list_candidates,
    list_exercise_candidates,
    mark_appointed,
    mark_declined,
)
from desktop.services.vacancies import VacancyRow
from desktop.views.form_dialog import FormDialog
from desktop.views.labels import qualification_label
from desktop.views.operations import Operations, Result
from desktop.views.table_model import Column, RowTableModel
from desktop.views.vacancy_dialogs import vacancy_title
from desktop.views.widgets import DateField, choice_combo


class CandidateDialog(FormDialog):
    """A candidate of one vacancy, or of a recruitment exercise (the interview list)."""

    def __init__(self, ops: Operations, vacancy: VacancyRow | None,
                 parent: QWidget | None = None, exercise: ExerciseRow | None = None):
        super().__init__(ops, parent)
        self.vacancy, self.exercise = vacancy, exercise
        self.setObjectName("candidateDialog")
        self.setWindowTitle(self.tr("Tambah calon"))
        self.name = self.add_field("name", self.tr("Nama"), QLineEdit())
        self.mykad = self.add_field("mykad", self.tr("No. MyKad"), QLineEdit())
        self.category = self.add_field("category", self.tr("Kategori"), choice_combo(
            [(c.label_ms, c.value) for c in CandidateStatus]))
        self.rank = self.add_field("rank", self.tr("Kedudukan temu duga"), QLineEdit())
        self.rank.setPlaceholderText(self.tr("1, 2, 3 ... (calon berjaya dan simpanan)"))
        self.qualification = self.add_field("qualification", self.tr("Kelayakan tertinggi"),
                                            choice_combo([(qualification_label(q), q.value)
                                                          for q in Qualification]))
        self.citizen = self.add_field("citizen", "", QCheckBox(self.tr("Warganegara Malaysia")))
        self.citizen.setChecked(True)
        self.public_officer = self.add_field("public_officer", "",
                                             QCheckBox(self.tr("Penjawat awam")))
        self.health = self.add_field("health_certified", "",
                                     QCheckBox(self.tr("Diperakui sihat oleh Ketua Jabatan")))
        self.finish_fields()
        self.category.currentIndexChanged.connect(self._category_changed)

    def _category_changed(self) -> None:
        ranked = CandidateStatus(self.category.currentData()).ranked
        self.rank.setEnabled(ranked)
        if not ranked:
            self.rank.clear()

    def form(self) -> CandidateForm:
        return CandidateForm(name=self.name.text(), mykad=self.mykad.text(),
                             category=self.category.currentData(),
                             rank=self.rank.text() or None,
                             vacancy_id=self.vacancy.id if self.vacancy else None,
                             exercise_id=self.exercise.id if self.exercise else None,
                             citizen=self.citizen.isChecked(),
                             public_officer=self.public_officer.isChecked(),
                             qualification=self.qualification.currentData(),
                             health_certified=self.health.isChecked())

    def submit(self) -> Result:
        return self.ops.run(add_candidate, self.form(), parent=self, show_refusal=False)


class DeclineDialog(FormDialog):
    """A candidate is passed over in the order of offer: when, and why (7.4, 8.2)."""

    def __init__(self, ops: Operations, row: CandidateRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("declineDialog")
        self.setWindowTitle(self.tr("Calon dilangkau: %1").replace("%1", row.name))
        self.on = self.add_field("outcome_on", self.tr("Tarikh"), DateField())
        self.note = self.add_field("note", self.tr("Sebab (cth. menolak tawaran)"), QLineEdit())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(mark_declined, self.row.id, self.on.value(), self.note.text(),
                            parent=self, show_refusal=False)

    def saved(self, result: Result):
        return self.row.id


class CandidatesDialog(QDialog):
    """The candidates of a vacancy in order of offer, or of an exercise as the panel ranked them."""

    def __init__(self, ops: Operations, vacancy: VacancyRow | None,
                 parent: QWidget | None = None, exercise: ExerciseRow | None = None):
        super().__init__(parent)
        self.ops, self.vacancy, self.exercise = ops, vacancy, exercise
        self.setObjectName("candidatesDialog")
        title = vacancy_title(vacancy) if vacancy else exercise.title
        self.setWindowTitle(self.tr("Calon bagi %1").replace("%1", title))
        self.resize(1000, 420)
        self.model = RowTableModel([
            Column(self.tr("Giliran"), lambda r: r.position, align_right=True),
            Column(self.tr("Nama"), lambda r: r.name),
            Column(self.tr("No. MyKad"), lambda r: format_mykad(r.mykad), mykad=True),
            Column(self.tr("Kategori"), lambda r: r.category_label),
            Column(self.tr("Kedudukan"), lambda r: r.rank, align_right=True),
            Column(self.tr("Kelayakan"), lambda r: qualification_label(r.qualification)),
            Column(self.tr("Status"), lambda r: r.outcome_label),
            Column(self.tr("Keutamaan"), lambda r: f"{r.priority_reason} ({r.priority_paragraph})"
                   if r.priority_paragraph else r.priority_reason),
            Column(self.tr("Syarat 5A tidak dipenuhi"),
                   lambda r: "; ".join(f.message(ops.lang) for f in r.flags)),
        ], self, muted=lambda r: r.outcome is not CandidateOutcome.PENDING)
        self.table = QTableView(objectName="candidatesTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Tambah calon..."), objectName="addCandidate")
        self.decline_button = QPushButton(self.tr("Menolak tawaran"), objectName="declineButton")
        self.appoint_button = QPushButton(self.tr("Lantik"), objectName="appointButton")
        self.add_button.clicked.connect(self.add)
        self.decline_button.clicked.connect(self.decline)
        self.appoint_button.clicked.connect(lambda: self._outcome(mark_appointed))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.decline_button, self.appoint_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        if vacancy is not None:
            layout.addWidget(QLabel(self.tr("Calon disenaraikan mengikut giliran tawaran "
                                            "pekeliling; yang pertama ditawarkan dahulu.")))
        else:
            self.appoint_button.hide()  # appointing is to a vacancy, from its own list
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        ops.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        if self.vacancy is not None:
            rows = self.ops.query(list_candidates, self.vacancy.id)
        else:
            rows = self.ops.query(list_exercise_candidates, self.exercise.id)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def _changed(self, kinds: frozenset) -> None:
        if "candidate" in kinds or "vacancy" in kinds:
            self.reload()

    def selected(self) -> CandidateRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def add(self) -> CandidateDialog:
        dialog = CandidateDialog(self.ops, self.vacancy, self, self.exercise)
        dialog.open()
        return dialog

    def decline(self) -> DeclineDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = DeclineDialog(self.ops, row, self)
        dialog.open()
        return dialog

    def _outcome(self, action) -> None:
        row = self.selected()
        if row is not None:
            self.ops.run(mark_appointed, row.id, self.vacancy.id, parent=self)
