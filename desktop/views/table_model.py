"""A Qt table model over plain rows, and the proxy every register uses to search and sort.

Registers hold tens of thousands of rows at the national scale, so the search text of each row
is built once when rows arrive, a keystroke only tests substrings, and sorting is a Python sort
by a key per column instead of Qt calling back into Python for every comparison.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]  # row -> value shown
    align_right: bool = False
    sort_key: Callable[[Any], Any] | None = None  # row -> key; defaults to the shown value


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


class RowTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None,
                 muted: Callable[[Any], bool] | None = None,
                 extra_search: Callable[[Any], str] | None = None):
        super().__init__(parent)
        self._extra_search = extra_search  # text searched but not shown, e.g. a bare MyKad
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.search_text: list[str] = []
        self.generation = 0  # bumped whenever rows or their order change
        self._muted = muted  # rows shown greyed, e.g. inactive ones

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.generation += 1
        self.rows = list(rows)
        extra = self._extra_search
        self.search_text = [
            ("\x1f".join(display(c.value(r)) for c in self.columns)
             + ("\x1f" + extra(r) if extra else "")).casefold()
            for r in self.rows
        ]
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(col.value(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._muted and self._muted(row):
            from PySide6.QtGui import QColor

            return QColor("#888888")
        if role == ROW_ROLE:
            return row
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        col = self.columns[column]
        key = col.sort_key or (lambda r: _sortable(col.value(r)))
        self.layoutAboutToBeChanged.emit()
        pairs = sorted(zip(self.rows, self.search_text, strict=True), key=lambda p: key(p[0]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.generation += 1
        self.rows = [p[0] for p in pairs]
        self.search_text = [p[1] for p in pairs]
        self.layoutChanged.emit()


def _sortable(value: Any):
    # None sorts first and mixed types never raise
    if value is None:
        return (0, "")
    if isinstance(value, int | float | Decimal):
        return (1, value)
    if isinstance(value, date):
        return (2, value.toordinal())
    return (3, str(value).casefold())


class RowFilterProxy(QSortFilterProxyModel):
    """Filters by every word of the search box (all must match) and an optional predicate."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._predicate: Callable[[Any], bool] | None = None
        self._accepted = bytearray()
        self._computed_for = -1  # the source generation _accepted was computed for
        self.setDynamicSortFilter(False)

    def set_search(self, text: str) -> None:
        self._words = tuple(text.casefold().split())
        self._refilter()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._predicate = predicate
        self._refilter()

    def _refilter(self) -> None:
        self._computed_for = -1
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def _accepted_rows(self) -> bytearray:
        model: RowTableModel = self.sourceModel()
        if self._computed_for != model.generation:
            words, pred = self._words, self._predicate
            if pred is None:
                flags = (all(w in t for w in words) for t in model.search_text)
            else:
                flags = (all(w in t for w in words) and pred(r)
                         for r, t in zip(model.rows, model.search_text, strict=True))
            self._accepted = bytearray(flags)
            self._computed_for = model.generation
        return self._accepted

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        return bool(self._accepted_rows()[source_row])

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        # the source sorts itself by key (fast); the proxy keeps the source order
        self.sourceModel().sort(column, order)

    def row_at(self, proxy_row: int) -> Any:
        source = self.mapToSource(self.index(proxy_row, 0))
        return self.sourceModel().row_at(source.row())
