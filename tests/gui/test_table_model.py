"""The register table model and its proxy, tested without a window."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from desktop.views.table_model import Column, RowFilterProxy, RowTableModel, display


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    amount: Decimal | None
    since: date
    active: bool = True


ROWS = [Row(1, "Siti Aminah", Decimal("1200.5"), date(2020, 1, 2)),
        Row(2, "Tan Mei Ling", None, date(2019, 5, 6), active=False),
        Row(3, "Muthu a/l Raman", Decimal("99"), date(2021, 7, 8))]


def make(qapp):
    model = RowTableModel([Column("Nama", lambda r: r.name),
                           Column("Jumlah", lambda r: r.amount, align_right=True),
                           Column("Sejak", lambda r: r.since)])
    model.set_rows(ROWS)
    proxy = RowFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def names(proxy):
    return [proxy.row_at(i).name for i in range(proxy.rowCount())]


def test_display_formats_money_dates_and_flags():
    assert display(Decimal("1234.5")) == "1,234.50"
    assert display(date(2026, 3, 4)) == "04/03/2026"
    assert display(True) == "Ya" and display(None) == ""


def test_cells_and_alignment(qapp):
    model, _ = make(qapp)
    assert model.data(model.index(0, 1)) == "1,200.50"
    assert model.data(model.index(1, 1)) == ""
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Sejak"


def test_search_is_case_and_word_order_blind(qapp):
    _, proxy = make(qapp)
    proxy.set_search("RAMAN muthu")
    assert names(proxy) == ["Muthu a/l Raman"]
    proxy.set_search("2019")  # dates are searched as shown
    assert names(proxy) == ["Tan Mei Ling"]
    proxy.set_search("")
    assert len(names(proxy)) == 3


def test_predicate_and_search_combine(qapp):
    _, proxy = make(qapp)
    proxy.set_predicate(lambda r: r.active)
    assert "Tan Mei Ling" not in names(proxy)
    proxy.set_search("a")
    assert set(names(proxy)) == {"Siti Aminah", "Muthu a/l Raman"}


def test_sort_by_key_keeps_filter_and_puts_empty_first(qapp):
    model, proxy = make(qapp)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Tan Mei Ling", "Muthu a/l Raman", "Siti Aminah"]
    proxy.set_search("a")
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["Muthu a/l Raman", "Siti Aminah", "Tan Mei Ling"]
    proxy.set_predicate(lambda r: r.active)
    model.set_rows(ROWS[:2])  # a reload keeps the filter
    assert names(proxy) == ["Siti Aminah"]
