"""Sandaran: the database's backups, a backup now, and a restore (then a restart).

PostgreSQL databases are backed up by the server's tools; the page says so and offers nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.rules import Refused
from desktop.services import backup
from desktop.views.operations import Operations


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


class BackupPage(QWidget):
    restored = Signal(str)  # the backup file the database was restored from

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("backupPage")
        self.rows: list[backup.BackupRow] = []
        self.last_box: QMessageBox | None = None
        self.note = QLabel(objectName="note")
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 5, objectName="backups")
        self.table.setHorizontalHeaderLabels([
            self.tr("Masa"), self.tr("Sebab"), self.tr("Saiz"), self.tr("Keadaan"),
            self.tr("Fail")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.backup_button = QPushButton(self.tr("Buat sandaran sekarang"),
                                         objectName="backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Pulihkan..."), objectName="restore")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        refresh = QPushButton(self.tr("Muat semula"), objectName="refresh")
        refresh.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, refresh):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Sandaran") + "</h2>"))
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    @property
    def is_file(self) -> bool:
        try:
            backup.database_file(self.ops.database_url)
        except Refused:
            return False
        return True

    def refresh(self) -> None:
        self.table.setRowCount(0)
        if not self.is_file:
            self.rows = []
            self.note.setText(self.tr(
                "Pangkalan data PostgreSQL disandarkan oleh pelayan dengan pg_dump dan "
                "dipulihkan dengan pg_restore; lihat docs/ARCHITECTURE.md."))
            self.backup_button.setEnabled(False)
            self.restore_button.setEnabled(False)
            return
        folder = backup.backup_folder(backup.database_file(self.ops.database_url))
        self.note.setText(self.tr(
            "Sandaran automatik dibuat semasa aplikasi dimulakan (sekali sehari), sebelum "
            "kemas kini skema dan sebelum tutup bulan, dalam folder %1. Disimpan: 7 harian, "
            "4 mingguan, 12 bulanan.").replace("%1", str(folder)))
        self.rows = backup.backups_of(self.ops.database_url)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            sound = self.tr("Sihat") if row.sound else self.tr("Rosak")
            values = (f"{row.taken_at:%d/%m/%Y %H:%M:%S}", row.reason_text(self.ops.lang),
                      _size(row.size), sound, row.path.name)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 4:
                    item.setToolTip(str(row.path))
                self.table.setItem(r, c, item)
            if not row.sound:
                for c in range(5):
                    self.table.item(r, c).setForeground(Qt.GlobalColor.darkRed)
        self._selection_changed()

    def selected(self) -> backup.BackupRow | None:
        picked = self.table.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self.restore_button.setEnabled(row is not None and bool(row.sound))

    def backup_now(self):
        try:
            path = backup.take_backup(self.ops.database_url, backup.MANUAL)
        except Refused as refused:
            self.ops.show_refusal(refused, self)
            return None
        self.refresh()
        self._tell(self.tr("Sandaran ditulis: %1").replace("%1", str(path)))
        return path

    def confirm(self, text: str) -> bool:
        """Asked before a restore (tests replace it)."""
        answer = QMessageBox.question(self, self.tr("Pulihkan sandaran"), text)
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        text = self.tr("Gantikan pangkalan data dengan sandaran %1 (%2)? Pangkalan data semasa "
                       "disandarkan dahulu. Aplikasi perlu dimulakan semula selepas ini.")
        text = text.replace("%1", row.path.name).replace("%2", f"{row.taken_at:%d/%m/%Y %H:%M}")
        if not self.confirm(text):
            return False
        self.ops.close_database()
        try:
            done = backup.restore(self.ops.database_url, row.path)
        except Refused as refused:
            self.ops.show_refusal(refused, self)
            return False
        self.restored.emit(str(done.restored_from))
        box = self._tell(self.tr("Pangkalan data dipulihkan daripada %1. Sila tutup dan mulakan "
                                 "semula IsiTugas; tetingkap ini akan ditutup.")
                         .replace("%1", row.path.name))
        box.finished.connect(lambda _: self.window().close())
        return True

    def _tell(self, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, "IsiTugas", text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("backupMessage")
        self.last_box = box
        box.open()  # window-modal without a nested event loop
        return box
