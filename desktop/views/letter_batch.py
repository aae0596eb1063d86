"""Many letters at once (e.g. every extension letter due this month): choose the kind and the
month, untick what should wait, choose a folder; the letters are issued and written one file
each in the background, with a progress bar that can cancel."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.letters import api
from desktop.rules.letters import KIND_LABELS_MS, LetterKind
from desktop.services.letters import batch_records
from desktop.views.background import BackgroundTask
from desktop.views.letter_actions import LETTER_KINDS
from desktop.views.month_picker import MonthPicker
from desktop.views.operations import Operations, Result
from desktop.views.widgets import choice_combo


class BatchDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None, *,
                 today: date | None = None):
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self.setObjectName("batchDialog")
        self.setWindowTitle(self.tr("Surat secara kelompok"))
        self.resize(620, 520)
        self.task: BackgroundTask | None = None
        self.written: list[Path] = []
        self.cancelled = False

        self.kind: QComboBox = choice_combo([(KIND_LABELS_MS[k], k) for k in LetterKind])
        self.kind.setObjectName("batchKind")
        select = LetterKind.PSH_EXTENSION  # the usual batch: the month's extensions
        self.kind.setCurrentIndex(max(self.kind.findData(select), 0))
        self.month = MonthPicker(self, current=True)
        self.records = QListWidget(objectName="batchRecords")
        self.records.itemChanged.connect(lambda _i: self._update_count())
        self.count = QLabel(objectName="batchCount")
        self.folder = QLineEdit(objectName="batchFolder")
        self.folder_button = QPushButton(self.tr("Pilih folder..."), objectName="folderButton")
        self.folder_button.clicked.connect(lambda: self.choose_folder())
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.folder_button)
        self.all_button = QPushButton(self.tr("Tanda semua"), objectName="allButton")
        self.none_button = QPushButton(self.tr("Nyahtanda semua"), objectName="noneButton")
        self.all_button.clicked.connect(lambda: self.check_all(True))
        self.none_button.clicked.connect(lambda: self.check_all(False))
        marks = QHBoxLayout()
        marks.addWidget(self.all_button)
        marks.addWidget(self.none_button)
        marks.addStretch(1)
        marks.addWidget(self.count)

        form = QFormLayout()
        form.addRow(self.tr("Jenis surat"), self.kind)
        form.addRow(self.tr("Bulan"), self.month)
        form.addRow(self.tr("Simpan ke folder"), folder_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Close)
        self.run_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.run_button.setText(self.tr("Jana surat"))
        self.run_button.setObjectName("runButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        self.buttons.accepted.connect(lambda: self.start())
        self.buttons.rejected.connect(self.reject)
        self.outcome = QLabel(objectName="batchOutcome")
        self.outcome.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.records, 1)
        layout.addLayout(marks)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(lambda *_: self.refresh())
        self.month.changed.connect(lambda *_: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """The records of the chosen kind and month that have no letter yet, all ticked."""
        year, month = self.month.value()
        rows = self.ops.query(batch_records, self.kind.currentData(), year, month)
        self.records.blockSignals(True)
        self.records.clear()
        for record_id, label in rows:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.records.addItem(item)
        self.records.blockSignals(False)
        self._update_count()

    def check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.records.count()):
            self.records.item(i).setCheckState(state)

    def chosen_ids(self) -> list[int]:
        return [self.records.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.records.count())
                if self.records.item(i).checkState() == Qt.CheckState.Checked]

    def _update_count(self) -> None:
        chosen = len(self.chosen_ids())
        self.count.setText(self.tr("%1 daripada %2 dipilih").replace("%1", str(chosen))
                           .replace("%2", str(self.records.count())))
        self.run_button.setEnabled(chosen > 0 and self.task is None)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Simpan surat ke folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def start(self) -> BackgroundTask | None:
        """Issue and write the ticked letters in the background; the dialog stays open to tell
        how many were written and where."""
        ids = self.chosen_ids()
        folder = Path(self.folder.text().strip()) if self.folder.text().strip() else None
        if folder is None:
            self.choose_folder()
            folder = Path(self.folder.text().strip()) if self.folder.text().strip() else None
        if not ids or folder is None:
            return None
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            self._say(QMessageBox.Icon.Warning, self.tr("Folder %1 tidak wujud atau tidak boleh ditulis.")
                      .replace("%1", str(folder)))
            return None
        self.cancelled = False
        self.folder_path = folder
        self.run_button.setEnabled(False)
        self.outcome.clear()
        self.task = self.ops.call_in_background(
            api.run_batch, self.kind.currentData(), ids, folder,
            today=self.today or date.today(), actor=self.ops.who, with_progress=True,
            label=self.tr("Menjana %1 surat...").replace("%1", str(len(ids))), parent=self,
            on_done=self._done, touched=LETTER_KINDS)
        self.task.dialog.canceled.connect(self._cancel_asked)
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self._cancel_asked()
            self.task.cancel()

    def _cancel_asked(self) -> None:
        self.cancelled = True

    def _done(self, result: Result) -> None:
        self.task = None
        if result.ok:
            self.written = list(result.value or [])
            text = self.tr("%1 surat ditulis ke %2.") if not self.cancelled else self.tr(
                "Dibatalkan: %1 surat telah ditulis ke %2 sebelum dibatalkan.")
            text = text.replace("%1", str(len(self.written))).replace("%2",
                                                                     str(self.folder_path))
            self.outcome.setText(text)
            self._say(QMessageBox.Icon.Information, text)
        self.refresh()  # what was issued now has a letter and leaves the list

    def _say(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, self.windowTitle(), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("batchBox")
        self.message_box = box
        box.open()
