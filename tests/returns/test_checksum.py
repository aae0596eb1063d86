"""The sha256 of the values: what it covers, computed from its definition, and what breaks it."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.returns import verify_return
from desktop.returns.workbook import token

ORDER = ["Ringkasan", "PSH", "Tanggung Kerja", "Gantian", "Kekosongan", "Tuntutan", "_meta"]


def sha256_by_the_definition(path) -> tuple[str, str]:
    """(computed, recorded): the documented definition, written again here from its text."""
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        parts = []
        recorded = None
        for title in ORDER:
            rows = []
            for row in wb[title].iter_rows(values_only=True):
                if title == "_meta" and row and row[0] == "sha256":
                    recorded = row[1]
                    continue
                cells = []
                for v in row:
                    if v is None or v == "":
                        cells.append(None)
                    elif isinstance(v, str):
                        cells.append("s" + v)
                    elif isinstance(v, datetime):
                        cells.append("d" + v.date().isoformat())
                    else:
                        cells.append("n" + repr(float(v)))
                while cells and cells[-1] is None:
                    cells.pop()
                rows.append(cells)
            while rows and not rows[-1]:
                rows.pop()
            parts.append(json.dumps([title, rows], ensure_ascii=False, separators=(",", ":"))
                         + "\n")
    finally:
        wb.close()
    return hashlib.sha256("".join(parts).encode("utf-8")).hexdigest(), recorded


def edit(path, sheet, cell, value):
    wb = load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)


def test_written_return_verifies(written):
    result = verify_return(written)
    assert result.ok and result.problems_ms == [] and result.problems == ()
    assert result.meta["month"] == "2026-03" and result.meta["state"] == "SGR"


def test_recorded_sha256_matches_the_documented_definition(written):
    computed, recorded = sha256_by_the_definition(written)
    assert computed == recorded


@pytest.mark.parametrize("value, expected", [
    (Decimal("1234.50"), "n1234.5"), (1234.5, "n1234.5"), (Decimal("100.00"), "n100.0"),
    (100, "n100.0"), (0, "n0.0"), (date(2026, 3, 2), "d2026-03-02"),
    (datetime(2026, 3, 2), "d2026-03-02"), (datetime(2026, 3, 2, 9, 5), "t2026-03-02T09:05:00"),
    ("=1+1", "s=1+1"), ("", None), (None, None), (True, "b1"),
])
def test_tokens(value, expected):
    assert token(value) == expected


def test_saving_again_without_a_change_still_verifies(written):
    load_workbook(written).save(written)  # formatting may change; values do not
    assert verify_return(written).ok


def test_one_cell_edit_breaks_it(written):
    edit(written, "PSH", "Q2", 1101)  # Nur Aisyah's gross, 1,100.00 -> 1,101.00
    result = verify_return(written)
    assert not result.ok
    codes = [p.code for p in result.problems]
    assert codes[0] == "RETURN_CHECKSUM_MISMATCH"
    assert "Fail 'SGR-2026-03.xlsx'" in result.problems_ms[0]
    assert "sha256" in result.problems_ms[0]
    # the Jumlah row and _meta no longer add up either
    assert "RETURN_TOTAL_MISMATCH" in codes


@pytest.mark.parametrize("sheet, cell, value", [
    ("PSH", "Q2", "1100"),  # the same number as text
    ("Ringkasan", "B2", "Pejabat lain"),
    ("Kekosongan", "J2", "Ahmad"),  # an empty cell filled
    ("_meta", "B5", "2026-04"),  # the month
])
def test_any_change_of_value_or_type_breaks_it(written, sheet, cell, value):
    edit(written, sheet, cell, value)
    result = verify_return(written)
    assert "RETURN_CHECKSUM_MISMATCH" in [p.code for p in result.problems]


def test_a_date_turned_into_a_plain_number_breaks_it(written):
    wb = load_workbook(written)
    wb["PSH"]["L2"].number_format = "General"  # 2 March 2026 now reads as the number 46083
    wb.save(written)
    assert "RETURN_CHECKSUM_MISMATCH" in [p.code for p in verify_return(written).problems]


def test_a_changed_sha256_is_a_mismatch_too(written):
    edit(written, "_meta", "B28", "0" * 64)
    assert [p.code for p in verify_return(written).problems] == ["RETURN_CHECKSUM_MISMATCH"]
