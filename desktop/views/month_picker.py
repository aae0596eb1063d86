"""A year and month chooser, defaulting to the last full month."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from desktop.rules.dates import month_names_ms


def last_full_month(today: date | None = None) -> tuple[int, int]:
    today = today or date.today()
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)


class MonthPicker(QWidget):
    changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, *, current: bool = False):
        super().__init__(parent)
        today = date.today()
        year, month = (today.year, today.month) if current else last_full_month(today)
        self.month = QComboBox(objectName="monthCombo")
        for i, name in enumerate(month_names_ms(), start=1):
            self.month.addItem(name, i)
        self.month.setCurrentIndex(month - 1)
        self.year = QSpinBox(objectName="yearSpin")
        self.year.setRange(2016, 2100)
        self.year.setValue(year)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.month)
        layout.addWidget(self.year)
        self.month.currentIndexChanged.connect(self._emit)
        self.year.valueChanged.connect(self._emit)

    def value(self) -> tuple[int, int]:
        return self.year.value(), self.month.currentData()

    def set_value(self, year: int, month: int) -> None:
        self.year.setValue(year)
        self.month.setCurrentIndex(month - 1)

    def _emit(self) -> None:
        self.changed.emit(*self.value())
