"""A read-only table in a dialog with a Close button: histories and lists to look at."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableView, QVBoxLayout, QWidget

from desktop.views.table_model import Column, RowTableModel


class TableDialog(QDialog):
    def __init__(self, title: str, columns: Sequence[Column], rows: Sequence[Any],
                 parent: QWidget | None = None, *, object_name: str = "tableDialog",
                 size: tuple[int, int] = (760, 420)):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.resize(*size)
        self.model = RowTableModel(columns, self)
        self.model.set_rows(rows)
        self.table = QTableView(objectName=object_name + "Table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
