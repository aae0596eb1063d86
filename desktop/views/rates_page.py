"""Kadar: the rate tables the circular does not publish (the replacement officer's honorarium,
7.4(d); the official-duty allowances of Lampiran A, 5A(j)), entered by the administrator from
JPTP's letter. Each table is dated: a new rate is a new table from its own date, the earlier
ones stay for earlier days. The installation's own (empty) table is listed but never removed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.rate_forms import EDITABLE_TABLES, EditableTable, RateColumn
from desktop.services.rate_tables import (
    RateTableForm,
    RateTableRow,
    list_rate_tables,
    remove_rate_table,
    save_rate_table,
)
from desktop.views.forms import FIELD_ERROR_STYLE, FieldErrors
from desktop.views.history_dialog import local_time  # stored UTC, shown in the PC's time
from desktop.views.operations import Operations, Result

MUTED = "color: #606060;"
# the grid's own frame only: a bare style would reach the combo boxes in its cells too
GRID_MUTED = "QTableWidget#rows { color: #606060; }"
GRID_ERROR = "QTableWidget#rows { " + FIELD_ERROR_STYLE + " }"


class RatesPage(QWidget):
    kinds = frozenset({"rates"})

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("ratesPage")
        self.en = ops.lang == "en"
        self.dated: list[RateTableRow] = []
        self.loaded: RateTableRow | None = None  # the dated table shown in the editor
        self.editable = ops.may(save_rate_table)

        self.table_choice = QComboBox(objectName="tableChoice")
        para = "para" if self.en else "perenggan"
        for name, table in EDITABLE_TABLES.items():
            title = table.title_en if self.en else table.title_ms
            self.table_choice.addItem(f"{title} ({para} {table.paragraph})", name)
        self.table_choice.currentIndexChanged.connect(lambda _: self.choose_table())

        self.tables = QTableWidget(0, 4, objectName="tables")
        self.tables.setHorizontalHeaderLabels([
            self.tr("Berkuat kuasa"), self.tr("Sumber"), self.tr("Bil. kadar"), self.tr("Asal")])
        self.tables.verticalHeader().hide()
        self.tables.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tables.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tables.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tables.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tables.setMaximumHeight(180)
        self.tables.itemSelectionChanged.connect(self._selection_changed)

        self.form_layout = QFormLayout()
        self.effective_from = QLineEdit(objectName="effectiveFrom")
        self.effective_from.setPlaceholderText(self.tr("hh/bb/tttt"))
        self.source = QLineEdit(objectName="source")
        self.source.setPlaceholderText(self.tr("Surat JPTP ruj. ... bertarikh ..."))
        self.rows = QTableWidget(0, 0, objectName="rows")
        self.rows.verticalHeader().setDefaultSectionSize(30)
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.setMinimumHeight(180)
        self.form_layout.addRow(self.tr("Berkuat kuasa mulai"), self.effective_from)
        self.form_layout.addRow(self.tr("Sumber"), self.source)
        self.form_layout.addRow(self.tr("Kadar"), self.rows)
        self.fields = {"effective_from": self.effective_from, "source": self.source,
                       "rows": self.rows}
        self.errors = FieldErrors(self.form_layout, self.fields, ops.lang)

        self.editor_note = QLabel(objectName="editorNote")
        self.editor_note.setWordWrap(True)
        self.editor_note.setStyleSheet(MUTED)
        self.add_row_button = self._button("addRowButton", self.tr("Tambah baris"),
                                           lambda: self.add_row())
        self.remove_row_button = self._button("removeRowButton", self.tr("Buang baris"),
                                              lambda: self.remove_rows())
        self.new_button = self._button("newButton", self.tr("Jadual baharu"),
                                       lambda: self.new_table())
        self.save_button = self._button("saveButton", self.tr("Simpan"), lambda: self.save())
        self.remove_button = self._button("removeButton", self.tr("Padam jadual"),
                                          lambda: self.remove_selected())
        self.status = QLabel(objectName="status")
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_row_button)
        row_buttons.addWidget(self.remove_row_button)
        row_buttons.addStretch(1)
        self.form_layout.addRow("", row_buttons)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addWidget(self.status, 1)

        explain = QLabel(self.tr(
            "Kadar ini tidak diterbitkan: pentadbir memasukkannya daripada surat JPTP atau "
            "Lampiran A pekeliling. Kadar baharu ialah jadual baharu dengan tarikh berkuat "
            "kuasanya sendiri; jadual terdahulu kekal untuk hari-hari sebelumnya."))
        explain.setWordWrap(True)
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel(self.tr("Jadual")))
        choice_row.addWidget(self.table_choice, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Kadar") + "</h2>"))
        layout.addWidget(explain)
        layout.addLayout(choice_row)
        layout.addWidget(self.tables)
        layout.addWidget(self.editor_note)
        layout.addLayout(self.form_layout, 1)
        layout.addLayout(buttons)

        if not self.editable:  # the read-only role sees the rates but cannot change them
            self.effective_from.setReadOnly(True)
            self.source.setReadOnly(True)
            self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ops.changed.connect(lambda kinds: self.reload() if kinds & self.kinds else None)
        self.choose_table()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        return button

    # -- the chosen table --------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.table_choice.currentData()

    @property
    def table(self) -> EditableTable:
        return EDITABLE_TABLES[self.name]

    def choose_table(self) -> None:
        """Another table chosen: its columns in the grid, its dated tables in the list."""
        columns = self.table.columns
        self.rows.clear()
        self.rows.setRowCount(0)
        self.rows.setColumnCount(len(columns))
        self.rows.setHorizontalHeaderLabels([c.label_en if self.en else c.label_ms
                                             for c in columns])
        header = self.rows.horizontalHeader()
        for c, column in enumerate(columns):  # wide enough for its title and longest choice
            width = (self._choice_combo(column).sizeHint().width() + 8 if column.choices
                     else 140)
            title = header.fontMetrics().horizontalAdvance(
                column.label_en if self.en else column.label_ms) + 24
            self.rows.setColumnWidth(c, max(width, title))
        self.reload()
        self.new_table()

    def reload(self) -> None:
        """The dated tables again, the one selected kept selected (the editor is left alone)."""
        keep = self.selected()
        self.dated = self.ops.query(list_rate_tables, self.name)
        self.tables.blockSignals(True)
        try:
            self.tables.clearSelection()
            self.tables.setRowCount(len(self.dated))
            for r, row in enumerate(self.dated):
                values = (f"{row.effective_from:%d/%m/%Y}", row.source, str(len(row.rows)),
                          self.origin(row))
                for c, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    if c == 2:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                    if not row.entered:
                        item.setForeground(Qt.GlobalColor.darkGray)
                    self.tables.setItem(r, c, item)
            if keep is not None:
                self._select(keep.effective_from, keep.entered)
        finally:
            self.tables.blockSignals(False)
        self._enable()

    def origin(self, row: RateTableRow) -> str:
        if not row.entered:
            return self.tr("Pemasangan")
        text = self.tr("Dimasukkan oleh %1").replace("%1", row.entered_by)
        if row.entered_at is not None:
            text += " " + self.tr("pada %1").replace("%1", f"{local_time(row.entered_at):%d/%m/%Y}")
        return text

    def selected(self) -> RateTableRow | None:
        picked = self.tables.selectionModel().selectedRows()
        return self.dated[picked[0].row()] if picked and self.dated else None

    def _select(self, effective_from: date, entered: bool) -> bool:
        for r, row in enumerate(self.dated):
            if row.effective_from == effective_from and row.entered == entered:
                self.tables.selectRow(r)
                return True
        return False

    def _selection_changed(self) -> None:
        row = self.selected()
        if row is not None:
            self.load(row)
        self._enable()

    def _enable(self) -> None:
        row = self.selected()
        self.remove_button.setEnabled(self.editable and row is not None and row.entered)
        self.save_button.setEnabled(self.editable)

    # -- the editor --------------------------------------------------------------------------
    def load(self, row: RateTableRow) -> None:
        """A dated table in the editor. The installation's table is shown muted and without its
        date: saving it makes an entered table of the date the administrator types."""
        self.errors.clear()
        self.status.clear()
        self.loaded = row
        self.source.setText(row.source)
        self._fill(row.rows)
        if row.entered:
            self.effective_from.setText(f"{row.effective_from:%d/%m/%Y}")
            self.editor_note.setText(self.tr("Jadual yang dimasukkan; simpan untuk "
                                             "menggantikannya, atau tukar tarikh untuk jadual "
                                             "baharu."))
            self.rows.setStyleSheet("")
        else:
            self.effective_from.clear()
            self.editor_note.setText(self.tr(
                "Jadual daripada fail pemasangan (berkuat kuasa %1); ia tidak boleh diubah atau "
                "dipadam. Masukkan tarikh berkuat kuasa dan simpan untuk menjadikannya jadual "
                "yang dimasukkan.").replace("%1", f"{row.effective_from:%d/%m/%Y}"))
            self.rows.setStyleSheet(GRID_MUTED)

    def new_table(self) -> None:
        """A blank editor (one empty row to type into), nothing selected."""
        self.tables.blockSignals(True)
        self.tables.clearSelection()
        self.tables.blockSignals(False)
        self.loaded = None
        self.errors.clear()
        self.status.clear()
        self.effective_from.clear()
        self.source.clear()
        self.rows.setStyleSheet("")
        self._fill([{}] if self.editable else [])
        self.editor_note.setText(self.tr("Jadual baharu: isikan tarikh berkuat kuasa, sumber "
                                         "dan satu baris bagi setiap kadar."))
        self._enable()

    def _fill(self, rows) -> None:
        self.rows.setRowCount(0)
        for row in rows:
            self.add_row(row)

    def add_row(self, values: dict[str, str] | None = None) -> int:
        """One more row in the grid (``values`` by column key); returns its index."""
        values = values or {}
        r = self.rows.rowCount()
        self.rows.insertRow(r)
        for c, column in enumerate(self.table.columns):
            text = values.get(column.key, "")
            if column.choices:
                combo = self._choice_combo(column)
                found = combo.findData(text)
                if found < 0 and text:  # a code the form no longer offers: shown as it is
                    combo.addItem(text, text)
                    found = combo.count() - 1
                combo.setCurrentIndex(max(found, 0))
                self.rows.setCellWidget(r, c, combo)
            else:
                item = QTableWidgetItem(text)
                if column.money:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.rows.setItem(r, c, item)
        return r

    def _choice_combo(self, column: RateColumn) -> QComboBox:
        combo = QComboBox(objectName=f"cell_{column.key}")
        combo.setEnabled(self.editable)
        # blank first: "applies to all" for an optional column, "not chosen yet" otherwise, so
        # a row left untouched stays blank (and is ignored)
        combo.addItem(self.tr("(semua)") if column.optional else "", "")
        for i, code in enumerate(column.choices):
            labels = column.choice_labels_en if self.en else column.choice_labels_ms
            label = labels[i] if i < len(labels) else ""
            combo.addItem(label or code, code)
        return combo

    def remove_rows(self) -> None:
        """Remove the selected rows of the grid (the current row when none is selected)."""
        picked = sorted({i.row() for i in self.rows.selectionModel().selectedRows()},
                        reverse=True)
        if not picked and self.rows.currentRow() >= 0:
            picked = [self.rows.currentRow()]
        for r in picked:
            self.rows.removeRow(r)

    def cell(self, r: int, key: str) -> str:
        c = next(i for i, col in enumerate(self.table.columns) if col.key == key)
        combo = self.rows.cellWidget(r, c)
        if isinstance(combo, QComboBox):
            return combo.currentData() or ""
        item = self.rows.item(r, c)
        return item.text().strip() if item is not None else ""

    def grid(self) -> list[dict[str, str]]:
        """The grid's cells as text, by column key; blank rows too (the service ignores them,
        and its row numbers then match the grid's)."""
        return [{col.key: self.cell(r, col.key) for col in self.table.columns}
                for r in range(self.rows.rowCount())]

    def form(self) -> RateTableForm:
        return RateTableForm(self.name, self.effective_from.text().strip(),
                             self.source.text().strip(), self.grid())

    # -- actions -----------------------------------------------------------------------------
    def save(self) -> Result:
        self.errors.clear()
        self.status.clear()
        result = self.ops.run(save_rate_table, self.form(), parent=self, show_refusal=False)
        if not result.ok:
            self.errors.show(result.refused)
            if "rows" in result.refused.fields:
                self.rows.setStyleSheet(GRID_ERROR)
            return result
        self.reload()
        self.tables.blockSignals(True)
        try:
            self._select(result.value, True)
        finally:
            self.tables.blockSignals(False)
        saved = self.selected()
        if saved is not None:
            self.load(saved)
        self._enable()
        self.status.setText(self.tr("Jadual kadar disimpan."))
        return result

    def confirm(self, text: str) -> bool:
        """Asked before a table is removed (tests replace it)."""
        answer = QMessageBox.question(self, self.tr("Padam jadual kadar"), text)
        return answer == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> Result | None:
        row = self.selected()
        if row is None or not row.entered:
            return None
        text = self.tr("Padam jadual kadar yang berkuat kuasa %1 (%2 kadar)? Hari-hari "
                       "selepasnya akan memakai jadual terdahulu.")
        text = text.replace("%1", f"{row.effective_from:%d/%m/%Y}").replace(
            "%2", str(len(row.rows)))
        if not self.confirm(text):
            return None
        result = self.ops.run(remove_rate_table, row.name, row.effective_from, parent=self)
        if result.ok:
            self.reload()
            self.new_table()
            self.status.setText(self.tr("Jadual kadar dipadam."))
        return result
