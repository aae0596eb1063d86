"""Acting duty (penanggungan kerja, para 6): the assignment form, its register, interruptions."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from desktop.rules import acting_last_day
from desktop.rules.letters import LetterKind
from desktop.rules.mykad import format_mykad
from desktop.rules.vacancy_enums import kind_label
from desktop.services.acting import (
    ActingForm,
    ActingRow,
    acting_candidates,
    assign_acting,
    end_acting,
    list_acting,
    record_interruption,
    renew_acting,
)
from desktop.services.vacancies import VacancyRow
from desktop.views.filling_register import FillingRegisterPage
from desktop.views.form_dialog import FormDialog
from desktop.views.labels import qualification_label
from desktop.views.letter_actions import issue_and_preview
from desktop.views.operations import Operations, Result
from desktop.views.table_model import Column
from desktop.views.vacancy_dialogs import vacancy_title
from desktop.views.widgets import DateField


class ActingDialog(FormDialog):
    """Assign an officer to act in the vacant post, or renew an assignment (``previous``)."""

    def __init__(self, ops: Operations, vacancy: VacancyRow, parent: QWidget | None = None, *,
                 start: date | None = None, end: date | None = None,
                 previous: ActingRow | None = None):
        super().__init__(ops, parent)
        self.vacancy, self.previous = vacancy, previous
        self.setObjectName("actingDialog")
        title = self.tr("Sambung penanggungan kerja") if previous else self.tr("Penanggungan kerja")
        self.setWindowTitle(f"{title}: {vacancy_title(vacancy)}")
        self.start: DateField = self.add_field("start", self.tr("Mula menjalankan tugas"),
                                               DateField())
        self.end: DateField = self.add_field("end", self.tr("Hingga"), DateField())
        if start:
            self.start.set_value(start)
        self.end.set_value(end or acting_last_day(self.start.value()))
        self.staff: QComboBox = self.add_field("staff_id", self.tr("Pegawai"), QComboBox())
        self.flags = QLabel(objectName="candidateFlags")
        self.flags.setWordWrap(True)
        self.form_layout.addRow("", self.flags)
        self.unconfirmed_reason = self.add_field(
            "unconfirmed_reason", self.tr("Sebab pilihan pegawai (6A(g))"),
            QLineEdit())
        self.instruction_ref = self.add_field("instruction_ref",
                                              self.tr("Rujukan arahan bertulis (6A(b))"),
                                              QLineEdit())
        self.instruction_date = self.add_field("instruction_date", self.tr("Tarikh arahan"),
                                               DateField())
        self.approval_ref = self.add_field("approval_ref", self.tr("Rujukan kelulusan"),
                                           QLineEdit())
        self.approval_date = self.add_field("approval_date", self.tr("Tarikh kelulusan"),
                                            DateField())
        self.authority = self.add_field("authority", self.tr("Pihak berkuasa melulus"),
                                        QLineEdit())
        self.finish_fields()
        self.candidates = []
        self.start.dateChanged.connect(self.refresh_candidates)
        self.end.dateChanged.connect(self.refresh_candidates)
        self.staff.currentIndexChanged.connect(self._show_flags)
        self.refresh_candidates()
        if previous is not None:
            self.staff.setCurrentIndex(max(self.staff.findData(previous.staff_id), 0))

    def refresh_candidates(self) -> None:
        keep = self.staff.currentData()
        try:
            self.candidates = self.ops.query(acting_candidates, self.vacancy.id,
                                             self.start.value(), self.end.value())
        except Exception:  # noqa: BLE001 - a reversed period: the save names the field
            self.candidates = []
        self.staff.clear()
        self.staff.addItem(self.tr("(pilih pegawai)"), None)
        for c in self.candidates:
            tags = []
            if c.unconfirmed:
                tags.append(self.tr("belum disahkan"))
            if c.under_one_year:
                tags.append(self.tr("kurang setahun"))
            label = f"{c.position}. {c.name} ({c.grade_code}, {qualification_label(c.qualification)})"
            self.staff.addItem(label + (f" - {', '.join(tags)}" if tags else ""), c.staff_id)
        self.staff.setCurrentIndex(max(self.staff.findData(keep), 0))

    def _show_flags(self) -> None:
        c = next((c for c in self.candidates if c.staff_id == self.staff.currentData()), None)
        if c is None:
            self.flags.clear()
            return
        if c.eligible:
            self.flags.setText(self.tr("Layak dicadangkan. %1").replace(
                "%1", c.post or ""))
        else:
            self.flags.setText(self.tr("Tidak layak: pegawai yang disahkan ada, atau "
                                       "perkhidmatan kurang setahun (6A(g))."))

    def form(self) -> ActingForm:
        return ActingForm(vacancy_id=self.vacancy.id, staff_id=self.staff.currentData(),
                          start=self.start.value(), end=self.end.value(),
                          instruction_ref=self.instruction_ref.text(),
                          instruction_date=self.instruction_date.value(),
                          approval_ref=self.approval_ref.text(),
                          approval_date=self.approval_date.value(),
                          authority=self.authority.text(),
                          unconfirmed_reason=self.unconfirmed_reason.text())

    def submit(self) -> Result:
        if self.previous is not None:
            return self.ops.run(renew_acting, self.previous.id, self.form(), parent=self,
                                show_refusal=False)
        return self.ops.run(assign_acting, self.form(), parent=self, show_refusal=False)


class InterruptionDialog(FormDialog):
    """An interruption of the duties; 14 days or more ends the assignment (6A(f))."""

    def __init__(self, ops: Operations, row: ActingRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.notice_box: QMessageBox | None = None
        self.setObjectName("interruptionDialog")
        self.setWindowTitle(self.tr("Gangguan tugas: %1").replace("%1", row.officer_name))
        self.start = self.add_field("start", self.tr("Dari"), DateField())
        self.end = self.add_field("end", self.tr("Hingga"), DateField())
        self.reason = self.add_field("reason", self.tr("Sebab"), QLineEdit())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(record_interruption, self.row.id, self.start.value(),
                            self.end.value(), self.reason.text(), parent=self,
                            show_refusal=False)

    def saved(self, result: Result):
        outcome = result.value
        if outcome.ended:
            text = outcome.notice.message(self.ops.lang) if outcome.notice else self.tr(
                "Penanggungan kerja tamat sehari sebelum gangguan; penyambungan ialah "
                "penanggungan baharu dengan perakuan baharu (6A(f)).")
            self.notice_box = QMessageBox(QMessageBox.Icon.Information,
                                          self.tr("Penanggungan kerja tamat"), text,
                                          QMessageBox.StandardButton.Ok, self.parentWidget())
            self.notice_box.setObjectName("interruptionNotice")
            self.notice_box.open()
        return self.row.id


class ActingPage(FillingRegisterPage):
    kinds = frozenset({"acting", "acting_interruption", "vacancy", "staff", "grade",
                       "grade_salary"})
    entity = "acting"
    end_action = staticmethod(end_acting)

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("actingPage")

    def page_title(self) -> str:
        return self.tr("Daftar Penanggungan Kerja")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Premis"), lambda r: f"{r.premises_code} {r.premises_name}"),
            Column(self.tr("Gred"), lambda r: r.grade_code),
            Column(self.tr("Jenis"), lambda r: kind_label(r.vacancy_kind)),
            Column(self.tr("Pegawai"), lambda r: r.officer_name),
            Column(self.tr("No. MyKad"), lambda r: format_mykad(r.officer_mykad), mykad=True),
            Column(self.tr("Mula"), lambda r: r.start),
            Column(self.tr("Hingga"), lambda r: r.last_day),
            Column(self.tr("Had 6 bulan"), lambda r: r.limit),
            Column(self.tr("Elaun sebulan (RM)"), lambda r: r.allowance_per_month,
                   align_right=True),
            Column(self.tr("Gangguan"), lambda r: r.interruptions, align_right=True),
            Column(self.tr("Status"), lambda r: r.status_label),
        ]

    def load(self) -> list[ActingRow]:
        return self.ops.query(list_acting)

    def more_buttons(self) -> list[QPushButton]:
        self.interrupt_button = QPushButton(self.tr("Gangguan..."), objectName="interruptButton")
        self.renew_button = QPushButton(self.tr("Permohonan baharu..."),
                                        objectName="renewButton")
        self.interrupt_button.clicked.connect(lambda: self.open_dialog(InterruptionDialog))
        self.renew_button.clicked.connect(self.renew_selected)
        self.letter_button = QPushButton(self.tr("Cetak arahan"), objectName="letterButton")
        self.letter_button.clicked.connect(lambda: self.print_letter())
        return [self.interrupt_button, self.renew_button, self.letter_button]

    def print_letter(self):
        """The written instruction to act (6A(b)) for the selected assignment."""
        row = self.selected_row()
        if row is None:
            return None
        return issue_and_preview(self.ops, LetterKind.ACTING_INSTRUCTION, row.id, self)

    def selection_changed(self) -> None:
        super().selection_changed()
        row = self.selected_row()
        self.interrupt_button.setEnabled(row is not None and self.is_active(row))
        self.renew_button.setEnabled(row is not None)
        self.letter_button.setEnabled(row is not None)

    def renew_selected(self):
        """A new application after six months (6A(c)) or a resumption after an interruption
        (6A(f)): a new assignment linked to this one."""
        row = self.selected_row()
        if row is None:
            return None
        from desktop.services.vacancies import get_vacancy

        vacancy = self.ops.query(get_vacancy, row.vacancy_id)
        start = date.fromordinal(row.last_day.toordinal() + 1)
        dialog = ActingDialog(self.ops, vacancy, self, start=start, previous=row)
        dialog.open()
        return dialog

    def row_title(self, row: ActingRow) -> str:
        return f"{row.officer_name} - {row.premises_code} {row.grade_code}"

