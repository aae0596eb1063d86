"""The OS29000 allocation of a year: entries, commitments of the PSH, and the balance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.allocation import (
    add_allocation_entry,
    balance,
    list_commitments,
    list_entries,
)
from desktop.views.form_dialog import FormDialog
from desktop.views.operations import Operations, Result
from desktop.views.table_model import Column, RowTableModel
from desktop.views.widgets import DateField, choice_combo

KINDS = (("INITIAL", QT_TRANSLATE_NOOP("EntryDialog", "Peruntukan asal")),
         ("TOPUP", QT_TRANSLATE_NOOP("EntryDialog", "Tambahan")),
         ("REDUCTION", QT_TRANSLATE_NOOP("EntryDialog", "Pengurangan")))


class EntryDialog(FormDialog):
    def __init__(self, ops: Operations, year: int, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.year = year
        self.setObjectName("entryDialog")
        self.setWindowTitle(self.tr("Entri peruntukan OS29000 %1").replace("%1", str(year)))
        self.kind = self.add_field("kind", self.tr("Jenis"), choice_combo(
            [(self.tr(label), value) for value, label in KINDS]))
        self.amount = self.add_field("amount", self.tr("Amaun (RM)"), QLineEdit())
        self.entry_date = self.add_field("entry_date", self.tr("Tarikh"), DateField())
        self.reference = self.add_field("reference", self.tr("Rujukan waran"), QLineEdit())
        self.note = self.add_field("note", self.tr("Catatan"), QLineEdit())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(add_allocation_entry, self.year, self.kind.currentData(),
                            self.amount.text(), self.entry_date.value(), self.reference.text(),
                            self.note.text(), parent=self, show_refusal=False)


class AllocationPage(QWidget):
    kinds = frozenset({"allocation", "allocation_entry", "allocation_commitment", "psh"})

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("allocationPage")
        self.year = QSpinBox(objectName="year")
        self.year.setRange(2016, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self.reload)
        self.add_button = QPushButton(self.tr("Tambah entri..."), objectName="addEntry")
        self.add_button.clicked.connect(self.add)
        self.summary = QLabel(objectName="balance")
        self.summary.setStyleSheet("font-size: 15px;")
        self.entries = RowTableModel([
            Column(self.tr("Tarikh"), lambda r: r.entry_date),
            Column(self.tr("Jenis"), lambda r: r.kind_label),
            Column(self.tr("Amaun (RM)"), lambda r: r.signed_amount, align_right=True),
            Column(self.tr("Rujukan"), lambda r: r.reference),
            Column(self.tr("Catatan"), lambda r: r.note),
        ], self)
        self.commitments = RowTableModel([
            Column(self.tr("PSH"), lambda r: r.psh_name),
            Column(self.tr("Dijangka (RM)"), lambda r: r.projected, align_right=True),
            Column(self.tr("Dibelanjakan (RM)"), lambda r: r.spent, align_right=True),
            Column(self.tr("Belum dibelanjakan (RM)"), lambda r: r.outstanding, align_right=True),
            Column(self.tr("Melebihi baki: sebab"), lambda r: r.override_reason),
        ], self, muted=lambda r: not r.active)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tahun")))
        top.addWidget(self.year)
        top.addWidget(self.add_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Peruntukan OS29000") + "</h2>"))
        layout.addLayout(top)
        layout.addWidget(self.summary)
        for title, model, name in ((self.tr("Entri peruntukan"), self.entries, "entriesTable"),
                                   (self.tr("Komitmen PSH"), self.commitments,
                                    "commitmentsTable")):
            layout.addWidget(QLabel("<b>" + title + "</b>"))
            view = QTableView(objectName=name)
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setStretchLastSection(True)
            layout.addWidget(view, 1)
        ops.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        year = self.year.value()
        b = self.ops.query(balance, year)
        self.balance = b
        self.summary.setText(self.tr("Diperuntukkan RM %1 - komitmen RM %2 - dibelanjakan RM %3 "
                                     "= baki RM %4")
                             .replace("%1", f"{b.allocated:,.2f}")
                             .replace("%2", f"{b.committed:,.2f}")
                             .replace("%3", f"{b.spent:,.2f}")
                             .replace("%4", f"{b.available:,.2f}"))
        self.entries.set_rows(self.ops.query(list_entries, year))
        self.commitments.set_rows(self.ops.query(list_commitments, year))

    def add(self) -> EntryDialog:
        dialog = EntryDialog(self.ops, self.year.value(), self)
        dialog.open()
        return dialog

    def _changed(self, kinds: frozenset) -> None:
        if kinds & self.kinds:
            self.reload()
