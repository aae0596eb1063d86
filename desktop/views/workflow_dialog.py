"""The approval steps of a vacancy (7.1-7.6, 8.1-8.2): those done, and the next one to record."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QWidget

from desktop.rules.enums import VacancyKind
from desktop.rules.workflow import INTERVIEW_REPORT
from desktop.services.vacancies import VacancyRow
from desktop.services.workflow import StepRow, list_steps, record_step, undo_last_step
from desktop.views.form_dialog import FormDialog
from desktop.views.operations import Operations, Result
from desktop.views.table_model import Column, RowTableModel
from desktop.views.vacancy_dialogs import vacancy_title
from desktop.views.widgets import DateField


class StepsDialog(FormDialog):
    def __init__(self, ops: Operations, row: VacancyRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("stepsDialog")
        self.setWindowTitle(self.tr("Langkah kekosongan %1").replace("%1", vacancy_title(row)))
        self.resize(820, 0)
        self.steps: list[StepRow] = ops.query(list_steps, row.id)
        self.model = RowTableModel([
            Column(self.tr("Perenggan"), lambda s: s.paragraph),
            Column(self.tr("Langkah"), lambda s: s.label_ms),
            Column(self.tr("Tarikh"), lambda s: s.done_on),
            Column(self.tr("Rujukan"), lambda s: s.reference),
            Column(self.tr("Rujukan permohonan PSH"), lambda s: s.psh_application_ref),
            Column(self.tr("Catatan"), lambda s: s.notes),
        ], self, muted=lambda s: not s.done)
        self.model.set_rows(self.steps)
        table = QTableView(objectName="stepsTable")
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        table.setMinimumHeight(200)
        self.form_layout.addRow(table)

        self.next = next((s for s in self.steps if s.is_next), None)
        heading = (self.tr("Langkah seterusnya: %1 (perenggan %2)")
                   .replace("%1", self.next.label_ms).replace("%2", self.next.paragraph)
                   if self.next else self.tr("Semua langkah telah selesai."))
        self.next_label = QLabel(f"<b>{heading}</b>", objectName="nextStep")
        self.next_label.setWordWrap(True)
        self.form_layout.addRow(self.next_label)
        self.done_on = self.add_field("done_on", self.tr("Tarikh"), DateField())
        self.reference = self.add_field("reference", self.tr("Rujukan surat"), QLineEdit())
        self.psh_ref = self.add_field("psh_application_ref",
                                      self.tr("Rujukan permohonan PSH (7.4(e))"), QLineEdit())
        self.notes = self.add_field("notes", self.tr("Catatan"), QLineEdit())
        self.finish_fields()
        needs_psh = (self.next is not None and self.next.code == INTERVIEW_REPORT
                     and row.kind is VacancyKind.HAKIKI)
        self.psh_ref.setEnabled(needs_psh)
        self.save_button.setText(self.tr("Rekod langkah"))
        self.save_button.setEnabled(self.next is not None and row.status.is_live)

    def submit(self) -> Result:
        psh = self.psh_ref.text() if self.psh_ref.isEnabled() else None
        return self.ops.run(record_step, self.row.id, self.next.code, self.done_on.value(),
                            self.reference.text(), self.notes.text(), psh, parent=self,
                            show_refusal=False)

    def saved(self, result: Result):
        return self.row.id


class UndoStepDialog(FormDialog):
    """Take back the last step recorded by mistake; it stays in the history as undone."""

    def __init__(self, ops: Operations, row: VacancyRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("undoStepDialog")
        self.setWindowTitle(self.tr("Batalkan langkah terakhir"))
        last = [s for s in ops.query(list_steps, row.id) if s.done]
        self.form_layout.addRow(QLabel(self.tr("Langkah: %1").replace(
            "%1", last[-1].label_ms if last else "-")))
        self.reason = self.add_field("reason", self.tr("Sebab dibatalkan"), QLineEdit())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(undo_last_step, self.row.id, self.reason.text(), parent=self,
                            show_refusal=False)

    def saved(self, result: Result):
        return self.row.id
