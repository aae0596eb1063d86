"""Tutup bulan: check a month, close it (snapshot and lock), reopen it with a reason, and write
its return for HQ in the background with a progress bar that can cancel."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.returns import write_return
from desktop.returns.data import Cancelled
from desktop.rules import Refused
from desktop.services.month import (
    MonthLines,
    close_month,
    list_months,
    month_lines,
    reopen_month,
    return_data,
)
from desktop.views.background import BackgroundTask
from desktop.views.month_picker import MonthPicker
from desktop.views.operations import Operations
from desktop.views.table_model import Column, RowTableModel


class MonthPage(QWidget):
    kinds = frozenset({"month", "absence", "psh", "acting", "gantian", "duty_trip"})

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("monthPage")
        self.task: BackgroundTask | None = None
        self.last_export = None
        self.picker = MonthPicker(self)
        self.picker.changed.connect(lambda *_: self.reload())
        self.close_button = QPushButton(self.tr("Tutup bulan"), objectName="closeMonth")
        self.reopen_button = QPushButton(self.tr("Buka semula..."), objectName="reopenMonth")
        self.export_button = QPushButton(self.tr("Eksport penyata..."), objectName="exportReturn")
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.summary = QLabel(objectName="summary")
        self.problems = QListWidget(objectName="problems")
        self.lines = RowTableModel([
            Column(self.tr("Nama"), lambda p: p.name),
            Column(self.tr("Premis"), lambda p: p.premises_code),
            Column(self.tr("Hari bekerja"), lambda p: p.working_days, align_right=True),
            Column(self.tr("Tidak hadir"), lambda p: p.absent_days, align_right=True),
            Column(self.tr("Dibayar"), lambda p: p.paid_days, align_right=True),
            Column(self.tr("Upah kasar (RM)"), lambda p: p.gross, align_right=True),
            Column(self.tr("KWSP pekerja"), lambda p: p.kwsp_employee, align_right=True),
            Column(self.tr("KWSP majikan"), lambda p: p.kwsp_employer, align_right=True),
            Column(self.tr("PERKESO pekerja"), lambda p: p.perkeso_employee, align_right=True),
            Column(self.tr("PERKESO majikan"), lambda p: p.perkeso_employer, align_right=True),
            Column(self.tr("Upah bersih (RM)"), lambda p: p.net, align_right=True),
        ], self)
        table = QTableView(objectName="payLines")
        table.setModel(self.lines)
        table.verticalHeader().hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bulan")))
        top.addWidget(self.picker)
        top.addStretch(1)
        for b in (self.close_button, self.reopen_button, self.export_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Tutup Bulan dan Penyata") + "</h2>"))
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("<b>" + self.tr("Masalah yang menghalang penutupan") + "</b>"))
        layout.addWidget(self.problems)
        layout.addWidget(table, 1)
        ops.changed.connect(lambda kinds: self.reload() if kinds & self.kinds else None)
        self.reload()

    def reload(self) -> None:
        year, month = self.picker.value()
        try:
            lines: MonthLines = self.ops.query(month_lines, year, month)
        except Refused as refused:
            self.summary.setText(refused.message(self.ops.lang))
            return
        closes = [m for m in self.ops.query(list_months) if (m.year, m.month) == (year, month)]
        latest = closes[0] if closes else None
        closed = latest is not None and latest.status.value == "CLOSED"
        self.closed_version = latest.version if closed else None
        self.lines.set_rows(lines.psh)
        gross = sum((p.gross for p in lines.psh), start=0)
        state = (self.tr("Ditutup (versi %1)").replace("%1", str(latest.version)) if closed
                 else self.tr("Belum ditutup"))
        self.summary.setText(self.tr("%1 - %2 PSH, upah kasar RM %3, %4 tanggung kerja, "
                                     "%5 gantian, %6 tuntutan")
                             .replace("%1", state).replace("%2", str(len(lines.psh)))
                             .replace("%3", f"{gross:,.2f}")
                             .replace("%4", str(len(lines.acting)))
                             .replace("%5", str(len(lines.gantian)))
                             .replace("%6", str(len(lines.claims))))
        self.problems.clear()
        for p in lines.problems:
            self.problems.addItem(p.message(self.ops.lang))
        if not lines.problems:
            self.problems.addItem(self.tr("Tiada masalah."))
        self.close_button.setEnabled(not closed)
        self.reopen_button.setEnabled(closed)
        self.export_button.setEnabled(closed)

    def close_selected(self):
        return self.ops.run(close_month, *self.picker.value(), parent=self)

    def reopen_selected(self, reason: str | None = None):
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Buka semula bulan"),
                                              self.tr("Sebab (pegawai pelulus):"))
            if not ok:
                return None
        return self.ops.run(reopen_month, *self.picker.value(), reason, parent=self)

    def export_selected(self, path: str | None = None) -> BackgroundTask | None:
        year, month = self.picker.value()
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Simpan penyata"), f"penyata-{year}-{month:02d}.xlsx",
                "Excel (*.xlsx)")
            if not path:
                return None
        try:
            data = self.ops.query(return_data, year, month)
        except Refused as refused:
            self.ops.show_refusal(refused, self)
            return None
        self.task = BackgroundTask(lambda progress, cancel: write_return(data, path, progress,
                                                                         cancel),
                                   self.tr("Menulis penyata..."), self)
        self.task.finished.connect(self._exported)
        self.task.failed.connect(self._export_failed)
        return self.task.start()

    def _exported(self, path) -> None:
        self.last_export = path
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Penyata"),
                          self.tr("Penyata ditulis: %1").replace("%1", str(path)),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("exportedBox")
        box.open()

    def _export_failed(self, exc) -> None:
        if isinstance(exc, Cancelled):
            return  # the user cancelled: no file was left behind
        if isinstance(exc, Refused):
            self.ops.show_refusal(exc, self)
            return
        raise exc
