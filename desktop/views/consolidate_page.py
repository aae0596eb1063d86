"""HQ: verify the states' monthly returns and combine them into the national workbook. A
tampered file, another month or two files of one state are refused, naming the file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.returns import consolidate
from desktop.returns.data import Cancelled
from desktop.rules import Refused
from desktop.views.background import BackgroundTask
from desktop.views.operations import Operations


class ConsolidatePage(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("consolidatePage")
        self.task: BackgroundTask | None = None
        self.result = None
        self.files = QListWidget(objectName="files")
        add = QPushButton(self.tr("Tambah fail..."), objectName="addFiles")
        add.clicked.connect(self.add_files)
        remove = QPushButton(self.tr("Buang"), objectName="removeFile")
        remove.clicked.connect(lambda: [self.files.takeItem(self.files.row(i))
                                        for i in self.files.selectedItems()])
        self.run_button = QPushButton(self.tr("Satukan..."), objectName="consolidate")
        self.run_button.clicked.connect(self.run)
        self.status = QLabel(objectName="status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (add, remove, self.run_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Gabungan Penyata Kebangsaan (HQ)") + "</h2>"))
        layout.addWidget(QLabel(self.tr("Penyata bulanan setiap negeri:")))
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def add_files(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Pilih penyata"), "",
                                                    "Excel (*.xlsx)")
        for path in paths:
            self.files.addItem(path)

    def paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def run(self, out: str | None = None) -> BackgroundTask | None:
        if out is None:
            out, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan gabungan"),
                                                 "penyata-kebangsaan.xlsx", "Excel (*.xlsx)")
            if not out:
                return None
        paths = self.paths()
        self.task = BackgroundTask(lambda progress, cancel: consolidate(paths, out, progress,
                                                                        cancel),
                                   self.tr("Menyemak dan menyatukan penyata..."), self)
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)
        return self.task.start()

    def _done(self, result) -> None:
        self.result = result
        self.status.setText(result.describe(self.ops.lang))

    def _failed(self, exc) -> None:
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Dibatalkan; tiada fail ditulis."))
        elif isinstance(exc, Refused):
            self.status.setText(exc.message(self.ops.lang))
            self.ops.show_refusal(exc, self)
        else:
            raise exc
