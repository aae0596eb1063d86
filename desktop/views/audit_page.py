"""The audit log ("Log audit"): who did what and when, filtered by dates, user, entity, action
and text, each record's before and after side by side, and whether the hash chain still holds
(an edit made outside the app breaks it; ``isitugas check`` names the same record).

The read-only role sees MyKad numbers masked here as in the registers (issue 8 item 8).
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.mykad import mask_mykads_in
from desktop.services.audit_log import (
    AuditFilter,
    AuditRow,
    audit_choices,
    chain_status,
    search_audit,
)
from desktop.views.history_dialog import local_time
from desktop.views.operations import Operations
from desktop.views.table_model import Column, RowFilterProxy, RowTableModel
from desktop.views.widgets import DateField

OK_STYLE = "color: #1b5e20; font-weight: bold;"
BROKEN_STYLE = "color: #b00020; font-weight: bold;"


def _fields(text: str) -> dict:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


class AuditPage(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("auditPage")
        self.start = DateField(optional=True)
        self.start.setObjectName("start")
        self.end = DateField(optional=True)
        self.end.setObjectName("end")
        self.actor = QComboBox(objectName="actor")
        self.entity = QComboBox(objectName="entity")
        self.action = QComboBox(objectName="action")
        self.text = QLineEdit(objectName="text")
        self.text.setPlaceholderText(self.tr("Cari dalam rekod (ID, sebelum, selepas)..."))
        self.text.setClearButtonEnabled(True)
        self.apply_button = QPushButton(self.tr("Tapis"), objectName="applyFilter")
        self.apply_button.clicked.connect(self.reload)
        self.text.returnPressed.connect(self.reload)
        self.chain = QLabel(objectName="chainStatus")
        self.count = QLabel(objectName="count")

        filters = QGridLayout()
        for col, (label, widget) in enumerate([
                (self.tr("Dari"), self.start), (self.tr("Hingga"), self.end),
                (self.tr("Pengguna"), self.actor), (self.tr("Entiti"), self.entity),
                (self.tr("Tindakan"), self.action)]):
            filters.addWidget(QLabel(label), 0, col)
            filters.addWidget(widget, 1, col)
        filters.addWidget(self.text, 2, 0, 1, 4)
        filters.addWidget(self.apply_button, 2, 4)

        self.model = RowTableModel([
            Column(self.tr("Masa"), lambda r: local_time(r.at).strftime("%d/%m/%Y %H:%M:%S"),
                   sort_key=lambda r: r.id),
            Column(self.tr("Pengguna"), lambda r: r.actor),
            Column(self.tr("Tindakan"), lambda r: r.action),
            Column(self.tr("Entiti"), lambda r: r.entity),
            Column(self.tr("ID"), lambda r: r.entity_id),
        ], self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_selected())

        self.detail = QTableWidget(0, 3, objectName="detail")
        self.detail.setHorizontalHeaderLabels([self.tr("Medan"), self.tr("Sebelum"),
                                               self.tr("Selepas")])
        self.detail.verticalHeader().hide()
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        bottom = QHBoxLayout()
        bottom.addWidget(self.chain, 1)
        bottom.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('Log Audit')}</h2>"))
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        ops.changed.connect(lambda _kinds: self.reload())
        self.reload()

    # -- filters ---------------------------------------------------------------------------
    def _fill(self, combo: QComboBox, values: list[str]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(semua)"), "")
        for value in values:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(combo.findData(keep), 0) if keep else 0)
        combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(self.start.value(), self.end.value(), self.actor.currentData() or "",
                           self.entity.currentData() or "", self.action.currentData() or "",
                           self.text.text().strip())

    def reload(self) -> None:
        actors, entities, actions = self.ops.query(audit_choices)
        self._fill(self.actor, actors)
        self._fill(self.entity, entities)
        self._fill(self.action, actions)
        self.model.set_rows(self.ops.query(search_audit, self.current_filter()))
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 rekod").replace("%1", str(self.model.total)))
        self.show_chain()
        self.show_selected()

    def show_chain(self) -> None:
        status = self.ops.query(chain_status)
        if status.ok:
            self.chain.setText(self.tr("Rantaian audit utuh: %1 rekod disemak.")
                               .replace("%1", str(status.records)))
            self.chain.setStyleSheet(OK_STYLE)
        else:
            self.chain.setText(self.tr(
                "Rantaian audit ROSAK pada rekod #%1: rekod itu atau yang sebelumnya telah "
                "diubah di luar aplikasi.").replace("%1", str(status.first_broken)))
            self.chain.setStyleSheet(BROKEN_STYLE)

    # -- the record's before and after -----------------------------------------------------
    def selected_row(self) -> AuditRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def _private(self, text: str) -> str:
        return mask_mykads_in(text) if self.ops.masks_mykad else text

    def show_selected(self) -> None:
        row = self.selected_row()
        self.detail.setRowCount(0)
        if row is None:
            return
        before, after = _fields(row.before), _fields(row.after)
        names = list(dict.fromkeys([*before, *after]))
        self.detail.setRowCount(len(names))
        for i, name in enumerate(names):
            old, new = _shown(before.get(name)), _shown(after.get(name))
            for col, text in enumerate((name, self._private(old), self._private(new))):
                item = QTableWidgetItem(text)
                if col and old != new:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.detail.setItem(i, col, item)
