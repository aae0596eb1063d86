"""Form helpers: a refusal's problems shown beside the fields they name."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.rules import Refused

ERROR_STYLE = "color: #b00020;"
FIELD_ERROR_STYLE = "border: 1px solid #b00020;"


class FieldErrors:
    """One hidden red label under each field; ``show(refused)`` fills those it names."""

    def __init__(self, layout: QFormLayout, fields: dict[str, QWidget], lang: str = "ms"):
        self.fields = fields
        self.lang = lang
        self.labels: dict[str, QLabel] = {}
        for name, widget in fields.items():
            label = QLabel()
            label.setObjectName(f"error_{name}")
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
            row = _row_of(layout, widget)
            layout.insertRow(row + 1, "", label)
            self.labels[name] = label
        self.general = QLabel()
        self.general.setObjectName("error_general")
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        layout.addRow(self.general)

    def clear(self) -> None:
        for name, label in self.labels.items():
            label.clear()
            label.hide()
            self.fields[name].setStyleSheet("")
        self.general.clear()
        self.general.hide()

    def show(self, refused: Refused) -> None:
        self.clear()
        loose = []
        for v in refused.violations:
            label = self.labels.get(v.field or "")
            if label is None:
                loose.append(v.message(self.lang))
                continue
            text = (label.text() + "\n" if label.text() else "") + v.message(self.lang)
            label.setText(text)
            label.show()
            self.fields[v.field].setStyleSheet(FIELD_ERROR_STYLE)
        if loose:
            self.general.setText("\n".join(loose))
            self.general.show()
        first = next((self.fields[v.field] for v in refused.violations if v.field in self.fields),
                     None)
        if first is not None:
            first.setFocus()

    def text_of(self, field: str) -> str:
        return self.labels[field].text() if field in self.labels else ""


def _row_of(layout: QFormLayout, widget: QWidget) -> int:
    row, _role = layout.getWidgetPosition(widget)
    return row
