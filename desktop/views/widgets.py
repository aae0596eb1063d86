"""Small input widgets shared by the forms."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

EMPTY_DATE = QDate(1900, 1, 1)


class DateField(QDateEdit):
    """A date typed or picked as dd/MM/yyyy; ``optional`` allows it to be left blank."""

    def __init__(self, optional: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setMinimumDate(EMPTY_DATE)
        if optional:
            self.setSpecialValueText(" ")  # the minimum date shows as blank
            self.setDate(EMPTY_DATE)
        else:
            self.setDate(QDate.currentDate())

    def value(self) -> date | None:
        if self.optional and self.date() == EMPTY_DATE:
            return None
        return self.date().toPython()

    def set_value(self, value: date | None) -> None:
        self.setDate(EMPTY_DATE if value is None else QDate(value.year, value.month, value.day))

    def text_value(self) -> str:
        """What a service form expects: dd/mm/yyyy, or "" when blank."""
        v = self.value()
        return "" if v is None else v.strftime("%d/%m/%Y")


def choice_combo(items: list[tuple[str, object]], *, blank: str | None = None) -> QComboBox:
    """A combo of (label, data) pairs, with an optional first blank choice."""
    combo = QComboBox()
    if blank is not None:
        combo.addItem(blank, None)
    for label, data in items:
        combo.addItem(label, data)
    return combo


def select_data(combo: QComboBox, data: object) -> None:
    combo.setCurrentIndex(max(combo.findData(data), 0))


def password_field() -> QLineEdit:
    """A line edit that hides what is typed."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field
