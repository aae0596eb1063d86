"""The attendance grid of a month: one row per PSH, one column per day. Rest days, holidays
and days outside the term are shaded and cannot be clicked; every working day is present
until the clerk marks an absence (5A(k)); changes are saved together, all or nothing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.attendance import AttendanceGrid, month_grid, set_absences
from desktop.services.office_holidays import add_office_holiday, list_office_holidays
from desktop.views.form_dialog import FormDialog
from desktop.views.month_picker import MonthPicker
from desktop.views.operations import Operations, Result
from desktop.views.widgets import DateField

SHADE = QColor("#d9dde3")
ABSENT = QColor("#f4c7c3")
CHANGED = QColor("#fff2a8")


class GridModel(QAbstractTableModel):
    """Rows are PSH, columns the month's days; pending changes are kept until saved."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid: AttendanceGrid | None = None
        self.pending: dict[tuple[int, date], str | None] = {}  # (psh, day) -> "FULL" / None

    def set_grid(self, grid: AttendanceGrid) -> None:
        self.beginResetModel()
        self.grid = grid
        self.pending = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.days)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self.grid.days[section].day)
        row = self.grid.rows[section]
        return f"{row.name} ({row.premises_code})"

    def absent(self, row: int, col: int) -> bool:
        r = self.grid.rows[row]
        cell = r.cells[col]
        key = (r.psh_id, cell.day)
        if key in self.pending:
            return self.pending[key] is not None
        return cell.state.value in ("ABSENT", "HALF")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.grid is None:
            return None
        r = self.grid.rows[index.row()]
        cell = r.cells[index.column()]
        clickable = cell.state.clickable
        if role == Qt.ItemDataRole.DisplayRole:
            if not clickable:
                return ""
            return "T" if self.absent(index.row(), index.column()) else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if not clickable:
                return SHADE
            if (r.psh_id, cell.day) in self.pending:
                return CHANGED
            return ABSENT if self.absent(index.row(), index.column()) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.label or cell.note or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index):
        if not index.isValid() or self.grid is None:
            return Qt.ItemFlag.NoItemFlags
        cell = self.grid.rows[index.row()].cells[index.column()]
        if not cell.state.clickable or self.grid.locked:
            return Qt.ItemFlag.NoItemFlags  # shaded: rest day, holiday, outside the term
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def toggle(self, row: int, col: int) -> bool:
        """Mark a working day absent, or present again; False for a shaded day."""
        if not self.flags(self.index(row, col)) & Qt.ItemFlag.ItemIsEnabled:
            return False
        r = self.grid.rows[row]
        cell = r.cells[col]
        key = (r.psh_id, cell.day)
        now_absent = not self.absent(row, col)
        originally = cell.state.value in ("ABSENT", "HALF")
        if now_absent == originally:
            self.pending.pop(key, None)
        else:
            self.pending[key] = "FULL" if now_absent else None
        index = self.index(row, col)
        self.dataChanged.emit(index, index)
        return True


class OfficeHolidayDialog(FormDialog):
    """A one-off office holiday (cuti peristiwa): shaded for every PSH, not paid, not absent."""

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.setObjectName("officeHolidayDialog")
        self.setWindowTitle(self.tr("Cuti peristiwa"))
        year = date.today().year
        known = ops.query(list_office_holidays, year)
        listed = "\n".join(f"{h.day:%d/%m/%Y} {h.name}" for h in known) or self.tr("(tiada)")
        self.form_layout.addRow(QLabel(self.tr("Cuti peristiwa %1:").replace("%1", str(year))
                                       + "\n" + listed))
        self.day = self.add_field("day", self.tr("Tarikh"), DateField())
        self.name = self.add_field("name", self.tr("Nama cuti"), QLineEdit())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(add_office_holiday, self.day.value(), self.name.text(), parent=self,
                            show_refusal=False)


class AttendancePage(QWidget):
    kinds = frozenset({"absence", "psh", "office_holiday", "month"})

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("attendancePage")
        self.picker = MonthPicker(self, current=True)
        self.picker.changed.connect(lambda *_: self.reload())
        self.save_button = QPushButton(self.tr("Simpan kehadiran"), objectName="saveButton")
        self.save_button.clicked.connect(self.save)
        self.holiday_button = QPushButton(self.tr("Cuti peristiwa..."), objectName="holiday")
        self.holiday_button.clicked.connect(self.add_holiday)
        self.status = QLabel(objectName="status")
        self.model = GridModel(self)
        self.table = QTableView(objectName="grid")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(30)
        self.table.clicked.connect(lambda i: self.model.toggle(i.row(), i.column()))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bulan")))
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.holiday_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Kehadiran PSH") + "</h2>"))
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Klik hari bekerja untuk menandakan tidak hadir (T); "
                                        "hari berlorek ialah hari rehat, cuti atau di luar "
                                        "tempoh (5A(k)).")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        ops.changed.connect(lambda kinds: self.reload() if kinds & self.kinds else None)
        self.reload()

    def reload(self) -> None:
        grid = self.ops.query(month_grid, *self.picker.value())
        self.model.set_grid(grid)
        self.save_button.setEnabled(not grid.locked)
        self.status.setText(self.tr("Bulan ini telah ditutup: kehadiran tidak boleh diubah.")
                            if grid.locked else self.tr("%1 PSH").replace(
                                "%1", str(len(grid.rows))))

    def add_holiday(self) -> OfficeHolidayDialog:
        dialog = OfficeHolidayDialog(self.ops, self)
        dialog.open()
        return dialog

    def save(self):
        changes = [(psh, day, kind) for (psh, day), kind in self.model.pending.items()]
        if not changes:
            return None
        result = self.ops.run(set_absences, changes, parent=self)
        return result
