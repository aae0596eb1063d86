"""Forms of the vacancy register: open or correct a vacancy, mark it filled, close it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from desktop.rules.enums import VacancyKind
from desktop.rules.vacancy_enums import kind_label, reasons_for
from desktop.services.posts import list_posts
from desktop.services.vacancies import (
    VacancyForm,
    VacancyRow,
    close_vacancy,
    open_vacancy,
    update_vacancy,
)
from desktop.views.form_dialog import FormDialog
from desktop.views.operations import Operations, Result
from desktop.views.widgets import DateField, choice_combo, select_data


def vacancy_title(row: VacancyRow) -> str:
    return f"{row.premises_code} {row.grade_code} ({kind_label(row.kind)})"


class VacancyDialog(FormDialog):
    """Open a vacancy with the facts of 7.1 / 8.1, or correct a live one."""

    def __init__(self, ops: Operations, row: VacancyRow | None, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("vacancyDialog")
        self.setWindowTitle(self.tr("Ubah kekosongan") if row else self.tr("Buka kekosongan"))
        self.resize(560, 0)
        self._posts = ops.query(list_posts, include_inactive=False)
        self.kind = self.add_field("kind", self.tr("Jenis kekosongan"), choice_combo(
            [(kind_label(k), k.value) for k in VacancyKind]))
        self.post = self.add_field("post_id", self.tr("Jawatan"), QComboBox())
        self.reason = self.add_field("reason", self.tr("Sebab"), QComboBox())
        self.opened_on = self.add_field("opened_on", self.tr("Tarikh kosong"), DateField())
        self.expected_end = self.add_field(
            "expected_end", self.tr("Penyandang dijangka kembali"), DateField(optional=True))
        self.identified_ref = self.add_field("identified_ref", self.tr("Rujukan (7.1 / 8.1)"),
                                             QLineEdit())
        self.notes = self.add_field("notes", self.tr("Catatan"), QPlainTextEdit())
        self.notes.setFixedHeight(60)
        self.finish_fields()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if row is None:
            self._kind_changed()
            return
        select_data(self.kind, row.kind.value)
        self.kind.setEnabled(False)  # a vacancy's post and kind stay; open another instead
        self._kind_changed()
        self.post.clear()
        self.post.addItem(vacancy_title(row), row.post_id)
        self.post.setEnabled(False)
        select_data(self.reason, row.reason.value)
        self.opened_on.set_value(row.opened_on)
        self.expected_end.set_value(row.expected_end)
        self.identified_ref.setEnabled(False)
        self.notes.setPlainText(row.notes)

    def _kind_changed(self) -> None:
        kind = VacancyKind(self.kind.currentData())
        # hakiki: a post with no holder; operasi: a held post whose holder is away
        wanted = [p for p in self._posts if (p.incumbent_id is None) == (kind is VacancyKind.HAKIKI)]
        self.post.clear()
        self.post.addItem(self.tr("(pilih jawatan)"), None)
        for p in wanted:
            holder = f" - {p.incumbent_name}" if p.incumbent_name else ""
            self.post.addItem(f"{p.premises_code} {p.premises_name} / {p.grade_code}{holder}",
                              p.id)
        self.reason.clear()
        for reason in reasons_for(kind):
            self.reason.addItem(reason.label_ms, reason.value)
        self.expected_end.setEnabled(kind is VacancyKind.OPERASI)
        if kind is VacancyKind.HAKIKI:
            self.expected_end.set_value(None)

    def form(self) -> VacancyForm:
        return VacancyForm(post_id=self.post.currentData(), kind=self.kind.currentData(),
                           reason=self.reason.currentData() or "",
                           opened_on=self.opened_on.value(),
                           expected_end=self.expected_end.value(),
                           notes=self.notes.toPlainText(),
                           identified_ref=self.identified_ref.text())

    def submit(self) -> Result:
        if self.row is None:
            return self.ops.run(open_vacancy, self.form(), parent=self, show_refusal=False)
        return self.ops.run(update_vacancy, self.row.id, self.form(), parent=self,
                            show_refusal=False)

    def saved(self, result: Result):
        return result.value if self.row is None else self.row.id


class CloseDialog(FormDialog):
    """Close a vacancy; the fillings still running must then end (5A(s))."""

    def __init__(self, ops: Operations, row: VacancyRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.result_box: QMessageBox | None = None
        self.setObjectName("closeDialog")
        self.setWindowTitle(self.tr("Tutup kekosongan %1").replace("%1", vacancy_title(row)))
        self.closed_on = self.add_field("closed_on", self.tr("Tarikh ditutup"), DateField())
        self.close_note = self.add_field("note", self.tr("Sebab ditutup"), QLineEdit())
        self.close_note.setPlaceholderText(self.tr("cth. penyandang kembali bertugas"))
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(close_vacancy, self.row.id, self.closed_on.value(),
                            self.close_note.text(), parent=self, show_refusal=False)

    def saved(self, result: Result):
        self.must_end = result.value.must_end
        self.closed_date = result.value.closed_on
        if self.must_end:
            lines = "\n".join(f"- {f.label_ms}" for f in self.must_end)
            self.result_box = QMessageBox(
                QMessageBox.Icon.Question, self.tr("Pengisian yang perlu ditamatkan"),
                self.tr("Kekosongan telah ditutup. Pengisian berikut hendaklah ditamatkan "
                        "(perenggan 5A(s)):") + "\n" + lines + "\n\n"
                + self.tr("Tamatkan semuanya sekarang, dengan hari terakhir %1?").replace(
                    "%1", self.closed_date.strftime("%d/%m/%Y")),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self.parentWidget())
            self.result_box.setObjectName("mustEndBox")
            self.result_box.buttonClicked.connect(self._answered)
            self.result_box.open()
        return self.row.id

    def _answered(self, button) -> None:
        if self.result_box.standardButton(button) == QMessageBox.StandardButton.Yes:
            self.end_all()

    def end_all(self) -> list[Result]:
        """End every filling the closing listed, on the day the vacancy closed (5A(s))."""
        reason = self.tr("Kekosongan ditutup (5A(s)): %1").replace("%1", self.close_note.text())
        results = []
        for filling in self.must_end:
            action = _end_action(filling.kind)
            results.append(self.ops.run(action, filling.id, self.closed_date, reason,
                                        parent=self.parentWidget()))
        return results


def _end_action(kind: str):
    # each method's own service ends it, with its own checks
    if kind == "PSH":
        from desktop.services.psh import terminate_psh

        return terminate_psh
    if kind == "ACTING":
        from desktop.services.acting import end_acting

        return end_acting
    from desktop.services.gantian import end_gantian

    return end_gantian
