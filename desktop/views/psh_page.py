"""Daily-paid workers (PSH, para 5): the appointment form with its OS29000 check, extensions,
termination, the contract's arrival, and the register."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desktop.rules import Refused
from desktop.rules.enums import Qualification
from desktop.rules.letters import KIND_LABELS_MS, LetterKind
from desktop.rules.mykad import format_mykad
from desktop.rules.vacancy_enums import CandidateOutcome, kind_label
from desktop.services.candidates import list_candidates
from desktop.services.psh import (
    PshForm,
    PshRow,
    appoint_psh,
    convert_to_contract,
    extend_psh,
    list_extensions,
    list_psh,
    new_psh_form,
    preview_cost,
    terminate_psh,
)
from desktop.services.staff import list_staff
from desktop.services.vacancies import VacancyRow
from desktop.views.filling_register import FillingRegisterPage
from desktop.views.form_dialog import FormDialog
from desktop.views.labels import qualification_label
from desktop.views.letter_actions import issue_and_preview, letter_menu_button
from desktop.views.operations import Operations, Result
from desktop.views.table_model import Column
from desktop.views.vacancy_dialogs import vacancy_title
from desktop.views.widgets import DateField, choice_combo, select_data


def _preview_text(dialog, preview) -> str:
    lines = [dialog.tr("Kadar %1 sehari; anggaran kos RM %2 (upah dan caruman majikan).")
             .replace("%1", f"RM {preview.daily_rate:,.2f}")
             .replace("%2", f"{preview.total:,.2f}")]
    for y in preview.years:
        lines.append(dialog.tr("%1: baki OS29000 RM %2, diperlukan RM %3").replace(
            "%1", str(y.year)).replace("%2", f"{y.available:,.2f}").replace(
            "%3", f"{y.needed:,.2f}"))
    lines.extend(p.message(dialog.ops.lang) for p in preview.problems)
    return "\n".join(lines)


class PshDialog(FormDialog):
    """Engage a candidate as PSH on the vacancy: every check of 5A in the service, the cost
    against the OS29000 balance shown before saving."""

    def __init__(self, ops: Operations, vacancy: VacancyRow, parent: QWidget | None = None, *,
                 start: date | None = None, end: date | None = None):
        super().__init__(ops, parent)
        self.vacancy = vacancy
        self.setObjectName("pshDialog")
        self.setWindowTitle(self.tr("Lantikan PSH: %1").replace("%1", vacancy_title(vacancy)))
        self.resize(640, 0)
        defaults: PshForm = ops.query(new_psh_form, vacancy.id)
        pending = [c for c in ops.query(list_candidates, vacancy.id)
                   if c.outcome is CandidateOutcome.PENDING]
        self.candidate: QComboBox = self.add_field("candidate_id", self.tr("Calon"), choice_combo(
            [(f"{c.position or '-'}. {c.name} ({c.category_label})", c.id) for c in pending],
            blank=self.tr("(pilih calon)")))
        select_data(self.candidate, defaults.candidate_id)
        self.start: DateField = self.add_field("start", self.tr("Mula"), DateField())
        self.end: DateField = self.add_field("end", self.tr("Hari terakhir (3 bulan: 5A(e))"),
                                             DateField())
        self.start.set_value(start or defaults.start)
        self.end.set_value(end if end and start else defaults.end)
        self.qualification: QComboBox = self.add_field(
            "qualification_used", self.tr("Kelayakan bagi tugas (5A(h))"),
            choice_combo([(qualification_label(q), q.value) for q in Qualification
                          if q is not Qualification.BELOW_SPM]))
        select_data(self.qualification, defaults.qualification_used)
        self.kp_ref = self.add_field("kp_approval_ref", self.tr("Rujukan kelulusan KP"),
                                     QLineEdit(defaults.kp_approval_ref))
        self.kp_date: DateField = self.add_field("kp_approval_date", self.tr("Tarikh kelulusan"),
                                                 DateField(optional=True))
        self.kp_date.set_value(defaults.kp_approval_date)
        self.osa: DateField = self.add_field("osa_declared_on",
                                             self.tr("Akuan Akta Rahsia Rasmi 1972 (5A(n))"),
                                             DateField())
        self.health: DateField = self.add_field("health_certified_on",
                                                self.tr("Diperakui sihat (5A(g))"), DateField())
        self.preview = QLabel(objectName="costPreview")
        self.preview.setWordWrap(True)
        self.form_layout.addRow(self.tr("OS29000"), self.preview)
        self.override = self.add_field(
            "override_reason", self.tr("Sebab diteruskan melebihi baki (pegawai pelulus)"),
            QLineEdit())
        self.finish_fields()
        for w in (self.start, self.end):
            w.dateChanged.connect(self.refresh_preview)
        for w in (self.candidate, self.qualification):
            w.currentIndexChanged.connect(self.refresh_preview)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        try:
            preview = self.ops.query(preview_cost, self.vacancy.id, self.start.value(),
                                     self.end.value(), candidate_id=self.candidate.currentData(),
                                     qualification_used=self.qualification.currentData())
        except Refused as refused:
            self.preview.setText(refused.message(self.ops.lang))
            self.override.setEnabled(False)
            return
        self.preview.setText(_preview_text(self, preview))
        self.preview.setStyleSheet("" if preview.fits else "color: #b00020;")
        self.override.setEnabled(not preview.fits)

    def form(self) -> PshForm:
        return PshForm(vacancy_id=self.vacancy.id, candidate_id=self.candidate.currentData(),
                       start=self.start.value(), end=self.end.value(),
                       kp_approval_ref=self.kp_ref.text(),
                       kp_approval_date=self.kp_date.value(),
                       osa_declared_on=self.osa.value(),
                       health_certified_on=self.health.value(),
                       qualification_used=self.qualification.currentData(),
                       override_reason=self.override.text() if self.override.isEnabled() else "")

    def submit(self) -> Result:
        return self.ops.run(appoint_psh, self.form(), parent=self, show_refusal=False)


class ExtendDialog(FormDialog):
    """The head of department extends the term: at most 6 months from the start (5A(e))."""

    def __init__(self, ops: Operations, row: PshRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("extendDialog")
        self.setWindowTitle(self.tr("Lanjutkan PSH %1").replace("%1", row.name))
        self.form_layout.addRow(QLabel(self.tr("Tempoh kini hingga %1; had 6 bulan %2.")
                                       .replace("%1", row.end.strftime("%d/%m/%Y"))
                                       .replace("%2", row.max_end.strftime("%d/%m/%Y"))))
        self.new_end: DateField = self.add_field("new_end", self.tr("Hari terakhir baharu"),
                                                 DateField())
        self.new_end.set_value(row.max_end)
        self.reason = self.add_field("reason", self.tr("Sebab"), QLineEdit())
        self.approved_by = self.add_field("approved_by", self.tr("Diluluskan oleh (Ketua "
                                                                 "Jabatan)"), QLineEdit())
        self.override = self.add_field(
            "override_reason", self.tr("Sebab diteruskan melebihi baki (pegawai pelulus)"),
            QLineEdit())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(extend_psh, self.row.id, self.new_end.value(), self.reason.text(),
                            self.approved_by.text(),
                            override_reason=self.override.text() or None, parent=self,
                            show_refusal=False)

    def saved(self, result: Result):
        return self.row.id


class ConvertDialog(FormDialog):
    """The contract appointment has arrived: the officer holds the post, the PSH ends the day
    before and the vacancy closes."""

    def __init__(self, ops: Operations, row: PshRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("convertDialog")
        self.setWindowTitle(self.tr("Lantikan kontrak tiba: %1 %2").replace(
            "%1", row.premises_code).replace("%2", row.grade_code))
        staff = [(f"{s.name} ({format_mykad(s.mykad)})", s.id)
                 for s in ops.query(list_staff, include_inactive=False) if s.post is None]
        self.staff = self.add_field("staff_id", self.tr("Pegawai kontrak"), choice_combo(
            staff, blank=self.tr("(pilih pegawai)")))
        self.start: DateField = self.add_field("start", self.tr("Mula menyandang"), DateField())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(convert_to_contract, self.row.vacancy_id, self.staff.currentData(),
                            self.start.value(), parent=self, show_refusal=False)

    def saved(self, result: Result):
        return self.row.id


class PshPage(FillingRegisterPage):
    kinds = frozenset({"psh", "psh_extension", "allocation", "vacancy", "candidate"})
    entity = "psh"
    end_action = staticmethod(terminate_psh)

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("pshPage")

    def page_title(self) -> str:
        return self.tr("Daftar PSH")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Premis"), lambda r: f"{r.premises_code} {r.premises_name}"),
            Column(self.tr("Gred"), lambda r: r.grade_code),
            Column(self.tr("Jenis"), lambda r: kind_label(r.vacancy_kind)),
            Column(self.tr("Nama"), lambda r: r.name),
            Column(self.tr("No. MyKad"), lambda r: format_mykad(r.mykad), mykad=True),
            Column(self.tr("Kadar sehari (RM)"), lambda r: r.daily_rate, align_right=True),
            Column(self.tr("Mula"), lambda r: r.start),
            Column(self.tr("Hingga"), lambda r: r.ended_on or r.end),
            Column(self.tr("Baki hari"), lambda r: r.days_left, align_right=True),
            Column(self.tr("Kos dijangka (RM)"), lambda r: r.projected_cost, align_right=True),
            Column(self.tr("Status"), lambda r: r.status_label),
        ]

    def load(self) -> list[PshRow]:
        return self.ops.query(list_psh)

    def more_buttons(self) -> list[QPushButton]:
        self.extend_button = QPushButton(self.tr("Lanjutkan..."), objectName="extendButton")
        self.convert_button = QPushButton(self.tr("Lantikan kontrak tiba..."),
                                          objectName="convertButton")
        self.extend_button.clicked.connect(lambda: self.open_dialog(ExtendDialog))
        self.convert_button.clicked.connect(lambda: self.open_dialog(ConvertDialog))
        self.letter_button = letter_menu_button(self.tr("Cetak surat"), [
            (self.tr("Surat tawaran pelantikan"), lambda: self.print_letter(LetterKind.PSH_OFFER)),
            (self.tr("Surat lanjutan tempoh..."),
             lambda: self.print_letter(LetterKind.PSH_EXTENSION)),
            (self.tr("Surat penamatan"), lambda: self.print_letter(LetterKind.PSH_TERMINATION)),
            (self.tr("Akuan Akta Rahsia Rasmi 1972"),
             lambda: self.print_letter(LetterKind.ORA_DECLARATION)),
        ], "letterButton")
        return [self.extend_button, self.convert_button, self.letter_button]

    def print_letter(self, kind: LetterKind, extension_id: int | None = None):
        """Issue the selected PSH's letter of ``kind`` and preview it. An extension letter is
        for one extension: the only one, the one given, or the one the user picks."""
        row = self.selected_row()
        if row is None:
            return None
        record_id = row.id
        if kind is LetterKind.PSH_EXTENSION:
            record_id = extension_id or self.pick_extension(row)
            if record_id is None:
                return None
        return issue_and_preview(self.ops, kind, record_id, self)

    def pick_extension(self, row: PshRow) -> int | None:
        extensions = self.ops.query(list_extensions, row.id)
        if not extensions:
            box = QMessageBox(QMessageBox.Icon.Information, KIND_LABELS_MS[
                LetterKind.PSH_EXTENSION], self.tr("%1 belum dilanjutkan; tiada surat lanjutan "
                                                   "untuk dicetak.").replace("%1", row.name),
                QMessageBox.StandardButton.Ok, self)
            box.setObjectName("noExtensionBox")
            self.notice_box = box
            box.open()
            return None
        if len(extensions) == 1:
            return extensions[0].id
        labels = [self.tr("%1 hingga %2 (%3)").replace("%1", e.previous_end.strftime("%d/%m/%Y"))
                  .replace("%2", e.new_end.strftime("%d/%m/%Y")).replace("%3", e.reason)
                  for e in extensions]
        chosen, ok = QInputDialog.getItem(self, self.tr("Pilih lanjutan"),
                                          self.tr("Lanjutan:"), labels, len(labels) - 1, False)
        return extensions[labels.index(chosen)].id if ok else None

    def selection_changed(self) -> None:
        super().selection_changed()
        row = self.selected_row()
        active = row is not None and self.is_active(row)
        self.extend_button.setEnabled(active)
        self.convert_button.setEnabled(active and row.vacancy_kind.value == "HAKIKI")
        self.letter_button.setEnabled(row is not None)

    def row_title(self, row: PshRow) -> str:
        return f"{row.name} - {row.premises_code} {row.grade_code}"
