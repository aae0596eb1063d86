"""Import an office's existing registers from Excel: the template, a check that lists every bad
row and cell in Malay, then the import in one transaction (all or nothing)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.imports.reader import read_registers
from desktop.imports.template import write_template
from desktop.rules import Refused
from desktop.services.register_import import import_registers, preview
from desktop.views.operations import Operations, Result


class ImportPage(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("importPage")
        self.parsed = None
        self.task = None
        self.path = QLineEdit(objectName="path")
        self.path.setPlaceholderText(self.tr("Fail Excel daftar (.xlsx)"))
        browse = QPushButton(self.tr("Pilih fail..."), objectName="browse")
        browse.clicked.connect(self.browse)
        self.template_button = QPushButton(self.tr("Simpan templat..."), objectName="template")
        self.template_button.clicked.connect(self.save_template)
        self.check_button = QPushButton(self.tr("Semak"), objectName="check")
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"), objectName="importButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.summary = QLabel(objectName="summary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(objectName="problems")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        for b in (browse, self.check_button, self.import_button, self.template_button):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Import Daftar dari Excel") + "</h2>"))
        layout.addWidget(QLabel(self.tr("Isi templat, semak, kemudian import. Jika ada satu "
                                        "masalah, tiada apa-apa disimpan.")))
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih fail"), "", "Excel (*.xlsx)")
        if path:
            self.path.setText(path)

    def save_template(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan templat"),
                                                  "templat-daftar.xlsx", "Excel (*.xlsx)")
            if not path:
                return None
        write_template(path)
        self.summary.setText(self.tr("Templat disimpan: %1").replace("%1", path))
        return path

    def check(self) -> bool:
        """Read the file and try the whole import, rolled back: every problem is listed."""
        self.import_button.setEnabled(False)
        self.problems.clear()
        self.parsed = None
        try:
            parsed = read_registers(self.path.text())
            result = self.ops.query(preview, parsed)
        except Refused as refused:
            self.summary.setText(self.tr("Fail tidak dapat diimport."))
            for v in refused.violations:
                self.problems.addItem(v.message(self.ops.lang))
            return False
        self.parsed = parsed
        self.summary.setText(result.summary.describe(self.ops.lang))
        for p in result.problems:
            self.problems.addItem(p.message(self.ops.lang))
        self.import_button.setEnabled(result.ok)
        return result.ok

    def run_import(self):
        if self.parsed is None:
            return None
        self.import_button.setEnabled(False)
        self.task = self.ops.run_in_background(import_registers, self.parsed,
                                               label=self.tr("Mengimport daftar..."),
                                               parent=self, on_done=self._done,
                                               with_progress=True)
        return self.task

    def _done(self, result: Result) -> None:
        if result.ok:
            self.summary.setText(self.tr("Selesai: %1").replace(
                "%1", result.value.describe(self.ops.lang)))
            self.parsed = None
        else:  # refused or cancelled: nothing was saved, and the same file may be tried again
            self.import_button.setEnabled(self.parsed is not None)
