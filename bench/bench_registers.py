"""A register of 60,000 rows: loading the table model and one search keystroke.

`python bench/bench_registers.py [--rows 60000]` compares the app's RowTableModel and
RowFilterProxy with Qt's own filtering over the same cells, measured in the same run: the
plainest Python model (a list of lists of strings) behind a QSortFilterProxyModel filtering every
column with a fixed string. (QStandardItemModel would be the C++ baseline, but filling it with
360,000 items crashes PySide6 6.12 with a refcount error.)
"""

from __future__ import annotations

import argparse
import os
import random
import time
from dataclasses import dataclass
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.views.table_model import Column, RowFilterProxy, RowTableModel, display  # noqa: E402

WORDS = ("Taman", "Kampung", "Sri", "Bukit", "Seri", "Jaya", "Indah", "Baru", "Permai", "Utama")


@dataclass(frozen=True)
class Row:
    id: int
    code: str
    name: str
    district: str
    grade: str
    since: date
    days: int
    active: bool


def rows(n: int) -> list[Row]:
    rng = random.Random(7)
    return [Row(i, f"SGR-TBK-{i:05d}", "Tabika Perpaduan " + " ".join(rng.sample(WORDS, 3)),
                rng.choice(("Gombak", "Klang", "Petaling", "Sepang", "Hulu Langat")),
                rng.choice(("S17", "S27", "S22")),
                date(2020, 1, 1) + timedelta(days=rng.randrange(2000)), rng.randrange(400),
                rng.random() > 0.05) for i in range(n)]


COLUMNS = [Column("Kod", lambda r: r.code), Column("Nama", lambda r: r.name),
           Column("Daerah", lambda r: r.district), Column("Gred", lambda r: r.grade),
           Column("Sejak", lambda r: r.since), Column("Hari", lambda r: r.days)]


class CellsModel(QAbstractTableModel):
    """The plainest Python model: a list of lists of strings (the baseline)."""

    def __init__(self):
        super().__init__()
        self.cells: list[list[str]] = []

    def set_cells(self, cells):
        self.beginResetModel()
        self.cells = cells
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[index.row()][index.column()]
        return None


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=60_000)
    args = p.parse_args()
    QApplication.instance() or QApplication([])
    data = rows(args.rows)

    model = RowTableModel(COLUMNS)
    proxy = RowFilterProxy()
    proxy.setSourceModel(model)
    load = timed(lambda: model.set_rows(data))
    proxy.set_predicate(lambda r: r.active)
    keys = [timed(lambda t=t: proxy.set_search(t)) for t in ("k", "kl", "kla", "klan", "klang")]
    sort = timed(lambda: proxy.sort(1, Qt.SortOrder.AscendingOrder))

    base = CellsModel()

    def fill():
        base.set_cells([[display(c.value(r)) for c in COLUMNS] for r in data])

    base_load = timed(fill)
    qt_proxy = QSortFilterProxyModel()
    qt_proxy.setSourceModel(base)
    qt_proxy.setFilterKeyColumn(-1)
    qt_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    base_keys = [timed(lambda t=t: qt_proxy.setFilterFixedString(t))
                 for t in ("k", "kl", "kla", "klan", "klang")]
    base_sort = timed(lambda: qt_proxy.sort(1, Qt.SortOrder.AscendingOrder))

    def ms(x):
        return f"{x * 1000:.0f} ms"

    print(f"{args.rows} rows")
    print(f"load:      {ms(load)}  (plain model {ms(base_load)}; ratio "
          f"{load / base_load:.2f})")
    print(f"keystroke: worst {ms(max(keys))}, mean {ms(sum(keys) / len(keys))}  "
          f"(Qt proxy worst {ms(max(base_keys))}; ratio {max(keys) / max(base_keys):.2f})")
    print(f"sort:      {ms(sort)}  (Qt proxy {ms(base_sort)}; ratio {sort / base_sort:.2f})")


if __name__ == "__main__":
    main()
