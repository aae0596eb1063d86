"""A Qt table model over plain rows, and the proxy every register uses to search and sort.

Registers hold tens of thousands of rows at the national scale. A proxy that asks Python about
every row (``filterAcceptsRow``) or every comparison (``lessThan``) costs a Python call per row
per keystroke, too slow at 60,000 rows. So the search text of each row is built once when rows
arrive; a keystroke filters them in one pass in the model, and sorting is one Python sort by a
key per column. The proxy in front is Qt's own, with no Python callbacks: views keep the usual
model/proxy/view arrangement (``mapToSource``, selection) at no cost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from desktop.rules.mykad import mask_mykad

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_KEEP = object()


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]  # row -> value shown
    align_right: bool = False
    sort_key: Callable[[Any], Any] | None = None  # row -> key; defaults to the shown value
    mykad: bool = False  # a MyKad number: masked for the read-only role (issue 8 item 8)


def display(value: Any) -> str:
    if value.__class__ is str:  # most cells: shown as they are
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, date):
        return _date_text(value)
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


@lru_cache(maxsize=8192)
def _date_text(value: date) -> str:
    """dd/mm/yyyy; a register of 60,000 rows shows a few thousand distinct dates (issue 9)."""
    return value.strftime("%d/%m/%Y")


class RowTableModel(QAbstractTableModel):
    """Plain rows as a table; ``rows`` are those shown (matching the search and predicate)."""

    # Set by the main window from the logged-in role: MyKad columns then show only their last
    # four digits, in the cells and in the search text alike.
    mask_mykad = False

    def __init__(self, columns: Sequence[Column], parent=None,
                 muted: Callable[[Any], bool] | None = None,
                 extra_search: Callable[[Any], str] | None = None, searchable: bool = True):
        super().__init__(parent)
        # a table with no search box (the dashboard's) builds no search texts
        self._searchable = searchable
        self._extra_search = extra_search  # text searched but not shown, e.g. a bare MyKad
        self.columns = list(columns)
        self._muted = muted  # rows shown greyed, e.g. inactive ones
        self.all_rows: list[Any] = []
        self.all_text: list[str] = []  # one casefolded search text per row of all_rows
        self.rows: list[Any] = []
        self._words: tuple[str, ...] = ()
        self._predicate: Callable[[Any], bool] | None = None
        # (row, text) of the rows passing the predicate, in order; None until needed again.
        # Kept between keystrokes: a keystroke then only looks for its words (issue 9).
        self._passing: list[tuple[Any, str]] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    @property
    def total(self) -> int:
        return len(self.all_rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        extra = None if self.mask_mykad else self._extra_search  # the bare MyKad is hidden too
        self.all_rows = list(rows)
        self.all_text = [
            ("\x1f".join(self._shown(c, r) for c in self.columns)
             + ("\x1f" + extra(r) if extra else "")).casefold()
            for r in self.all_rows
        ] if self._searchable else [""] * len(self.all_rows)
        self._passing = None
        if self._sort is not None:
            self._sort_all(*self._sort)
        self._refresh()

    def set_filter(self, words: tuple[str, ...] | None = None, predicate: Any = _KEEP) -> None:
        """Show the rows holding every word (in any column) and passing the predicate; an
        argument left out keeps its current value (``predicate=None`` removes it)."""
        if words is not None:
            self._words = words
        if predicate is not _KEEP:
            self._predicate = predicate
            self._passing = None
        self._refresh()

    def _refresh(self) -> None:
        words, pred = self._words, self._predicate
        if self._passing is None:
            pairs = zip(self.all_rows, self.all_text, strict=True)
            self._passing = ([(r, t) for r, t in pairs if pred(r)] if pred is not None
                             else list(pairs))
        passing = self._passing
        if not words:
            shown = [r for r, _t in passing]
        elif len(words) == 1:  # the usual keystroke: one word, no all() per row
            word = words[0]
            shown = [r for r, t in passing if word in t]
        else:
            shown = [r for r, t in passing if all(w in t for w in words)]
        self.beginResetModel()
        self.rows = shown
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def _shown(self, col: Column, row: Any) -> str:
        text = display(col.value(row))
        return mask_mykad(text) if col.mykad and self.mask_mykad and text else text

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
            return self._shown(col, row)
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
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_all(column, order)
        position = {id(r): i for i, r in enumerate(self.all_rows)}
        self.rows.sort(key=lambda r: position[id(r)])
        self.layoutChanged.emit()

    def _sort_all(self, column: int, order) -> None:
        col = self.columns[column]
        key = col.sort_key or (lambda r: _sortable(col.value(r)))
        pairs = sorted(zip(self.all_rows, self.all_text, strict=True), key=lambda p: key(p[0]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.all_rows = [p[0] for p in pairs]
        self.all_text = [p[1] for p in pairs]
        self._passing = None  # in the old order


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
    """Qt's proxy with the search and sort done by the source model in bulk (see above)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDynamicSortFilter(False)

    def set_search(self, text: str) -> None:
        """Every word of ``text`` must appear in some column (any case, any order)."""
        self.sourceModel().set_filter(words=tuple(text.casefold().split()))

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.sourceModel().set_filter(predicate=predicate)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def row_at(self, proxy_row: int) -> Any:
        source = self.mapToSource(self.index(proxy_row, 0))
        return self.sourceModel().row_at(source.row())
