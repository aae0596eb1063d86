"""Official-duty claims of PSH (5A(j)): trips with their hours, km and nights, paid by the
Lampiran A table (refused with a clear message while the administrator has not filled it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QWidget

from desktop.rules.mykad import format_mykad
from desktop.services.claims import DutyTripForm, TripRow, add_trip, list_trips, remove_trip
from desktop.services.psh import list_psh
from desktop.views.form_dialog import FormDialog
from desktop.views.operations import Operations, Result
from desktop.views.register_page import RegisterPage
from desktop.views.table_model import Column
from desktop.views.widgets import DateField, choice_combo

LODGING = (("", ""), ("HOTEL", "Hotel"), ("LOJING", "Lojing"))


class TripDialog(FormDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.setObjectName("tripDialog")
        self.setWindowTitle(self.tr("Tuntutan tugas rasmi (5A(j))"))
        people = [(f"{p.name} ({p.premises_code})", p.id) for p in ops.query(list_psh)]
        self.psh = self.add_field("psh_id", self.tr("PSH"),
                                  choice_combo(people, blank=self.tr("(pilih PSH)")))
        self.day = self.add_field("day", self.tr("Tarikh bertolak"), DateField())
        self.purpose = self.add_field("purpose", self.tr("Tujuan"), QLineEdit())
        self.hours = self.add_field("hours_away", self.tr("Jam di luar (cth. 9:30)"),
                                    QLineEdit())
        self.km = self.add_field("km", self.tr("Jarak (km)"), QLineEdit())
        self.nights = self.add_field("nights", self.tr("Bilangan malam"), QLineEdit())
        self.lodging = self.add_field("lodging", self.tr("Penginapan"),
                                      choice_combo([(label, value) for value, label in LODGING]))
        self.finish_fields()

    def submit(self) -> Result:
        form = DutyTripForm(self.psh.currentData(), self.day.value(), self.purpose.text(),
                            self.hours.text(), self.km.text(), self.nights.text(),
                            self.lodging.currentData() or "")
        return self.ops.run(add_trip, form, parent=self, show_refusal=False)


class ClaimsPage(RegisterPage):
    kinds = frozenset({"duty_trip", "psh", "month"})
    entity = "duty_trip"

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("claimsPage")
        self.show_inactive.hide()

    def page_title(self) -> str:
        return self.tr("Tuntutan Tugas Rasmi PSH")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Tarikh"), lambda r: r.day),
            Column(self.tr("Nama"), lambda r: r.name),
            Column(self.tr("No. MyKad"), lambda r: format_mykad(r.mykad), mykad=True),
            Column(self.tr("Premis"), lambda r: r.premises_code),
            Column(self.tr("Tujuan"), lambda r: r.purpose),
            Column(self.tr("Jam"), lambda r: r.hours_away, align_right=True),
            Column(self.tr("Km"), lambda r: r.km, align_right=True),
            Column(self.tr("Malam"), lambda r: r.nights, align_right=True),
            Column(self.tr("Amaun (RM)"), lambda r: r.amount, align_right=True),
        ]

    def load(self) -> list[TripRow]:
        return self.ops.query(list_trips)

    def dialog_for(self, row: TripRow | None):
        return TripDialog(self.ops, self) if row is None else None

    def make_buttons(self) -> list[QPushButton]:
        self.remove_button = QPushButton(self.tr("Padam (tersilap)..."), objectName="remove")
        self.remove_button.clicked.connect(self.remove_selected)
        return [self.remove_button]

    def selection_changed(self) -> None:
        super().selection_changed()
        self.edit_button.hide()
        self.remove_button.setEnabled(self.selected_row() is not None)

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("Padam tuntutan"),
                                      self.tr("Padam tuntutan yang tersilap masuk ini?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.ops.run(remove_trip, row.id, parent=self)

    def row_title(self, row: TripRow) -> str:
        return f"{row.name} {row.day:%d/%m/%Y}"
