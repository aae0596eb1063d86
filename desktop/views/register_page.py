"""The page every register copies: search box, table, add/edit/deactivate, live refresh.

A subclass names its columns, how to load its rows (through ``ops.query``), which entity kinds
it shows (refreshed when ``ops.changed`` names one) and its actions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.views.operations import Operations
from desktop.views.table_model import Column, RowFilterProxy, RowTableModel


class RegisterPage(QWidget):
    kinds: frozenset[str] = frozenset()
    entity = ""  # the audit entity of a row, for its history of changes
    set_active = None  # service action (ctx, id, active) behind Nyahaktifkan / Aktifkan semula
    can_add = True  # whether dialog_for(None) makes an add form

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.model = RowTableModel(self.columns(), self, muted=self.is_muted,
                                   extra_search=self.extra_search)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Cari..."))
        self.search.textChanged.connect(self._search_changed)
        self.show_inactive = QCheckBox(self.inactive_label())
        self.show_inactive.setObjectName("showInactive")
        self.show_inactive.toggled.connect(self._apply_predicate)
        self.count = QLabel()
        self.count.setObjectName("count")

        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt's default is descending
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed())

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_inactive)
        self.buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah..."), objectName="addButton")
        self.edit_button = QPushButton(self.tr("Ubah..."), objectName="editButton")
        self.active_button = QPushButton(self.tr("Nyahaktifkan"), objectName="activeButton")
        self.history_button = QPushButton(self.tr("Sejarah..."), objectName="historyButton")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button.clicked.connect(self.toggle_active)
        self.history_button.clicked.connect(self.show_history)
        for button in [self.add_button, self.edit_button, self.active_button,
                       *self.make_buttons(), self.history_button]:
            self.buttons.addWidget(button)
        self.add_button.setVisible(self.can_add)
        self.active_button.setVisible(self.set_active is not None)
        self.history_button.setVisible(bool(self.entity))
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.count)

        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{self.page_title()}</h2>")
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)

        ops.changed.connect(self._changed)
        self._apply_predicate()
        self.reload()

    # -- what a register defines -------------------------------------------------------------
    def page_title(self) -> str:
        raise NotImplementedError

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def load(self) -> list[Any]:
        raise NotImplementedError

    def make_buttons(self) -> list[QPushButton]:
        """Buttons of this register besides add, edit, deactivate and history."""
        return []

    def dialog_for(self, row: Any | None):
        """The form dialog to add (row None) or edit a row; None when rows are not edited."""
        return None

    def extra_search(self, row: Any) -> str:
        """Text a search matches besides the shown columns."""
        return ""

    def is_active(self, row: Any) -> bool:
        """Inactive rows (deactivated, closed) are hidden unless asked for, and greyed."""
        return getattr(row, "active", True)

    def inactive_label(self) -> str:
        return self.tr("Papar yang tidak aktif")

    def is_muted(self, row: Any) -> bool:
        return not self.is_active(row)

    def add(self):
        dialog = self.dialog_for(None)
        if dialog is not None:
            dialog.accepted.connect(lambda: self.select_id(dialog.saved_id))
            dialog.open()
        return dialog

    def edit_selected(self):
        row = self.selected_row()
        dialog = self.dialog_for(row) if row is not None else None
        if dialog is not None:
            dialog.open()
        return dialog

    def toggle_active(self) -> None:
        row = self.selected_row()
        if row is None or self.set_active is None:
            return
        if row.active:
            answer = QMessageBox.question(
                self, self.tr("Nyahaktifkan"),
                self.tr("Nyahaktifkan %1? Rekodnya kekal dan boleh diaktifkan semula.")
                .replace("%1", self.row_title(row)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ops.run(self.set_active, row.id, not row.active, parent=self)

    def open_dialog(self, dialog_class):
        """Open ``dialog_class(ops, selected row, self)`` for the selected row, if any."""
        row = self.selected_row()
        if row is None:
            return None
        dialog = dialog_class(self.ops, row, self)
        dialog.open()
        return dialog

    def select_id(self, row_id: Any) -> None:
        if row_id is not None:
            self.search.clear()
            if not self.select_where(lambda r: r.id == row_id):
                self.show_inactive.setChecked(True)
                self.select_where(lambda r: r.id == row_id)

    def selection_changed(self) -> None:
        """Enable or relabel buttons for the selected row; registers extend this."""
        row = self.selected_row()
        for button in (self.edit_button, self.active_button, self.history_button):
            button.setEnabled(row is not None)
        inactive = row is not None and not self.is_active(row)
        self.active_button.setText(self.tr("Aktifkan semula") if inactive
                                   else self.tr("Nyahaktifkan"))

    def field_labels(self) -> dict[str, str]:
        """Field name -> label shown in the history of changes."""
        return {}

    def row_title(self, row: Any) -> str:
        return str(getattr(row, "name", getattr(row, "id", "")))

    def show_history(self):
        row = self.selected_row()
        if row is None or not self.entity:
            return None
        from desktop.views.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.ops, self.entity, row.id, self.row_title(row), self,
                               self.field_labels())
        dialog.open()
        return dialog

    # -- shared behaviour --------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.selected_row()
        self.model.set_rows(self.load())
        self.table.resizeColumnsToContents()
        if keep is not None:
            self.select_where(lambda r: getattr(r, "id", None) == getattr(keep, "id", None))
        self._update_count()
        self.selection_changed()

    def selected_row(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def select_where(self, predicate) -> bool:
        for i in range(self.proxy.rowCount()):
            if predicate(self.proxy.row_at(i)):
                self.table.selectRow(i)
                self.table.scrollTo(self.proxy.index(i, 0))
                return True
        return False

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def row_filter(self, row: Any) -> bool:
        """A register's own filter besides search and inactive rows (e.g. vacant posts only)."""
        return True

    def has_row_filter(self) -> bool:
        return False

    def _apply_predicate(self) -> None:
        inactive = self.show_inactive.isChecked()
        own = self.row_filter if self.has_row_filter() else None
        active = self.is_active
        if inactive and own is None:
            predicate = None
        elif own is None:
            predicate = active
        else:
            def predicate(r):
                return (inactive or active(r)) and own(r)
        self.proxy.set_predicate(predicate)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%1 daripada %2 rekod")
                           .replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.total)))

    def _changed(self, kinds: frozenset) -> None:
        if kinds & self.kinds:
            self.reload()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.edit_selected()
            return
        super().keyPressEvent(event)
