"""Dated rate tables: the table in force, empty and broken files, exact decimals."""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.paths import resources_root
from desktop.rules import rates
from desktop.rules.rates import (
    clear_cache,
    load_rates,
    parse_decimal,
    pick_in_force,
    require_rows,
    table_in_force,
)
from desktop.rules.violations import Refused


def codes(exc_info) -> set[str]:
    return {v.code for v in exc_info.value.violations}


@pytest.fixture
def folder(tmp_path):
    clear_cache()
    yield tmp_path
    clear_cache()


def write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")


TWO_TABLES = """
title = "ujian"
[[table]]
effective_from = 2026-01-01
rate = "80.00"
[[table]]
effective_from = 2016-06-16
rate = "63.00"
"""


# --- Picking the table in force -----------------------------------------------------------------

@pytest.mark.parametrize("on, rate", [
    (date(2016, 6, 16), "63.00"),  # the first day of the first table
    (date(2025, 12, 31), "63.00"),  # the day before the second
    (date(2026, 1, 1), "80.00"),
    (date(2030, 5, 5), "80.00"),
])
def test_latest_table_on_or_before_the_day(folder, on, rate):
    write(folder, "t", TWO_TABLES)
    assert table_in_force("t", on, folder)["rate"] == rate


def test_a_datetime_counts_as_its_day(folder):
    write(folder, "t", TWO_TABLES)
    assert table_in_force("t", datetime(2026, 1, 1, 0, 1), folder)["rate"] == "80.00"


def test_before_every_table_is_refused(folder):
    write(folder, "t", TWO_TABLES)
    with pytest.raises(Refused) as exc:
        table_in_force("t", date(2016, 6, 15), folder)
    assert codes(exc) == {"RATE_NOT_IN_FORCE"}
    assert "2016-06-15" in exc.value.message("ms")


def test_text_date_is_refused(folder):
    write(folder, "t", TWO_TABLES)
    with pytest.raises(Refused) as exc:
        table_in_force("t", "2026-01-01", folder)
    assert codes(exc) == {"INVALID_DATE"}


def test_pick_in_force_works_on_plain_lists():
    tables = [{"effective_from": date(2020, 1, 1), "x": 1},
              {"effective_from": date(2024, 10, 1), "x": 2}]
    assert pick_in_force(tables, date(2024, 9, 30))["x"] == 1
    assert pick_in_force(tables, date(2024, 10, 1))["x"] == 2


# --- Empty tables (Lampiran A, gantian) and broken files ----------------------------------------

def test_file_without_tables_is_refused_as_not_filled_in(folder):
    write(folder, "lampiran_a", 'title = "elaun Lampiran A"\n')
    with pytest.raises(Refused) as exc:
        table_in_force("lampiran_a", date(2026, 1, 1), folder)
    assert codes(exc) == {"RATE_TABLE_EMPTY"}
    message = exc.value.message("ms")
    assert "Jadual elaun Lampiran A belum diisi oleh pentadbir" in message
    assert "not been filled in" in exc.value.message("en")


def test_table_with_no_rows_is_refused_as_not_filled_in(folder):
    write(folder, "gantian", 'title = "bayaran saguhati gantian"\n'
                             "[[table]]\neffective_from = 2016-06-16\nrows = []\n")
    table = table_in_force("gantian", date(2026, 1, 1), folder)
    with pytest.raises(Refused) as exc:
        require_rows(table, "rows", "bayaran saguhati gantian")
    assert codes(exc) == {"RATE_TABLE_EMPTY"}
    assert "belum diisi oleh pentadbir" in exc.value.message("ms")
    with pytest.raises(Refused):
        require_rows(table, "missing_key", "x")


def test_require_rows_returns_the_rows():
    assert require_rows({"rows": [{"a": "1"}]}) == [{"a": "1"}]


def test_missing_file_is_refused(folder):
    with pytest.raises(Refused) as exc:
        table_in_force("nothing_here", date(2026, 1, 1), folder)
    assert codes(exc) == {"RATE_TABLE_MISSING"}
    with pytest.raises(Refused) as exc:
        table_in_force("../psh", date(2026, 1, 1))
    assert codes(exc) == {"RATE_TABLE_MISSING"}


@pytest.mark.parametrize("text", [
    "[[table]]\nrate = \"1.00\"\n",  # no effective_from
    "[[table]]\neffective_from = 2020-01-01\n[[table]]\neffective_from = 2020-01-01\n",  # twice
    "[[table]]\neffective_from = 2020-01-01T08:00:00\n",  # a time of day
    "[[table]]\neffective_from = \"someday\"\n",
    "[[table]]\neffective_from = 2020-01-01\nrows_csv = \"absent.csv\"\n",
    "table = 3\n",
    "this is not toml = = \n",
])
def test_broken_files_are_refused(folder, text):
    write(folder, "bad", text)
    with pytest.raises(Refused) as exc:
        table_in_force("bad", date(2026, 1, 1), folder)
    assert codes(exc) == {"RATE_TABLE_INVALID"}


def test_effective_from_may_be_written_as_text(folder):
    write(folder, "t", '[[table]]\neffective_from = "2020-01-01"\nrate = "1.00"\n')
    assert table_in_force("t", date(2020, 1, 1), folder)["effective_from"] == date(2020, 1, 1)


def test_rows_read_from_a_csv_beside_the_file(folder):
    (folder / "bands.csv").write_text("wage_above,wage_up_to,amount\n0,30,0.40\n30,,0.70\n")
    write(folder, "t", '[[table]]\neffective_from = 2024-10-01\nrows_csv = "bands.csv"\n')
    rows = table_in_force("t", date(2024, 10, 1), folder)["rows"]
    assert rows == [{"wage_above": "0", "wage_up_to": "30", "amount": "0.40"},
                    {"wage_above": "30", "wage_up_to": "", "amount": "0.70"}]


def test_files_are_parsed_once_until_the_cache_is_cleared(folder):
    write(folder, "t", TWO_TABLES)
    first = load_rates("t", folder)
    assert load_rates("t", folder) is first
    write(folder, "t", TWO_TABLES.replace("80.00", "81.00"))
    assert table_in_force("t", date(2026, 1, 1), folder)["rate"] == "80.00"  # cached
    clear_cache()
    assert table_in_force("t", date(2026, 1, 1), folder)["rate"] == "81.00"


# --- Exact decimals -----------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("63.00", Decimal("63.00")),
    (" 0.13 ", Decimal("0.13")),
    (54, Decimal(54)),
    (Decimal("1.005"), Decimal("1.005")),
])
def test_parse_decimal(value, expected):
    got = parse_decimal(value)
    assert got == expected and isinstance(got, Decimal)
    assert str(parse_decimal("63.00")) == "63.00"  # the places are kept


@pytest.mark.parametrize("value", [0.13, 54.0, True, None, "abc", "", "1,000", "NaN", "Infinity",
                                   Decimal("NaN"), [1]])
def test_parse_decimal_refuses_what_is_not_an_exact_number(value):
    with pytest.raises(Refused) as exc:
        parse_decimal(value, "rate")
    assert codes(exc) == {"INVALID_NUMBER"}
    assert exc.value.fields == ("rate",)


# --- The shipped tables -------------------------------------------------------------------------

SHIPPED = sorted(p.stem for p in (resources_root() / rates.RATES_DIR).glob("*.toml"))


def test_the_tables_of_this_task_are_shipped():
    assert {"psh", "kwsp", "perkeso", "sip"} <= set(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_file_loads_with_dated_tables(name):
    clear_cache()
    data = load_rates(name)
    assert data["title"]
    for table in data["table"]:
        assert isinstance(table["effective_from"], date)


@pytest.mark.parametrize("name", ["perkeso", "sip"])
def test_shipped_band_tables_are_contiguous_up_to_the_6000_ceiling(name):
    rows = table_in_force(name, date(2024, 10, 1))["rows"]
    assert rows[0]["wage_above"] == "0" and rows[0]["wage_up_to"] == "30"
    for before, after in zip(rows[:-1], rows[1:], strict=True):
        assert after["wage_above"] == before["wage_up_to"]
    assert rows[-1]["wage_above"] == "6000" and rows[-1]["wage_up_to"] == ""
    with pytest.raises(Refused) as exc:
        table_in_force(name, date(2024, 9, 30))
    assert codes(exc) == {"RATE_NOT_IN_FORCE"}


def test_clear_cache_also_forgets_what_was_built_from_the_tables():
    from functools import lru_cache

    from desktop.rules.psh import psh_daily_rate

    @rates.derived_cache
    @lru_cache
    def built(x):
        return x

    built(1)
    psh_daily_rate("SPM", date(2026, 1, 1))
    clear_cache()
    assert built.cache_info().currsize == 0
    assert all(fn.cache_info().currsize == 0 for fn in rates._DERIVED)
